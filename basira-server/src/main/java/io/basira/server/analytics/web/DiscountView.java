package io.basira.server.analytics.web;

import io.basira.analytics.DiscountSensitivity;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The discount sensitivity tab: the split of the period's buyers into full-price, mixed and offer-only
 * (a pie of buyers, a table with buyers, revenue and their shares), the store's discounted order and
 * revenue shares, and the distribution of the buyers' share of discounted orders in six bins: 0%,
 * over 0 to 25%, over 25 to 50%, over 50 to 75%, over 75 and under 100%, 100%.
 */
public record DiscountView(
        String buyers,
        String discountedOrderShare,
        String discountedRevenueShare,
        List<Split> split,
        String splitChart,
        String distributionChart,
        List<Bin> distribution) {

    public record Split(String kind, String buyers, String buyerShare, String revenue, String revenueShare) {

        public String label() {
            return "discount.kind." + kind;
        }
    }

    /** One bin of the distribution; {@code label} is the message key of its range. */
    public record Bin(String label, String buyers) {}

    static final List<String> BINS = List.of("none", "to25", "to50", "to75", "below100", "all");

    public static DiscountView of(DiscountSensitivity.Report report, DashboardFormats fmt, PageText text) {
        List<Split> split = new ArrayList<>();
        ChartData pie = ChartData.pie(text.rightToLeft());
        for (DiscountSensitivity.Split s : report.split()) {
            split.add(new Split(
                    s.kind().code(),
                    fmt.number(s.buyers()),
                    fmt.percent(s.buyerShare()),
                    fmt.money(s.revenue()),
                    fmt.percent(s.revenueShare())));
            pie.item(text.get("discount.kind." + s.kind().code()), s.buyers());
        }
        int[] bins = new int[BINS.size()];
        for (DiscountSensitivity.Buyer b : report.buyers()) {
            bins[bin(b.orderShare())]++;
        }
        List<Bin> distribution = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            String key = "analytics.discounts.bin." + BINS.get(i);
            distribution.add(new Bin(key, fmt.number(bins[i])));
            labels.add(text.get(key));
            values.add(bins[i]);
        }
        String histogram = ChartData.bars(text.rightToLeft(), labels)
                .with("xName", text.get("analytics.discounts.order-share"))
                .series(text.get("analytics.customers"), values)
                .json();
        return new DiscountView(
                fmt.number(report.buyers().size()),
                fmt.percent(report.discountedOrderShare()),
                fmt.percent(report.discountedRevenueShare()),
                split,
                pie.json(),
                histogram,
                distribution);
    }

    private static int bin(BigDecimal share) {
        if (share.signum() == 0) {
            return 0;
        }
        if (share.compareTo(BigDecimal.ONE) >= 0) {
            return 5;
        }
        double s = share.doubleValue();
        return s <= 0.25 ? 1 : s <= 0.5 ? 2 : s <= 0.75 ? 3 : 4;
    }
}
