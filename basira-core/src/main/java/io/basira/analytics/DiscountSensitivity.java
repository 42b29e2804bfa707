package io.basira.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much each buyer depends on offers (docs/analytics.md, "Discount sensitivity"). An order is discounted
 * when it used a coupon or carried a discount. Per buyer over the period's counted orders: the share of
 * orders discounted and the share of spend in discounted orders; and the store's split of buyers into
 * {@link Kind#FULL_PRICE} (no discounted order), {@link Kind#OFFER_ONLY} (every order discounted) and
 * {@link Kind#MIXED}, with each kind's revenue.
 */
public final class DiscountSensitivity {

    private DiscountSensitivity() {}

    public enum Kind {
        FULL_PRICE,
        MIXED,
        OFFER_ONLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @param spendShare null when the buyer's counted orders total zero */
    public record Buyer(
            String customerId,
            int orders,
            int discountedOrders,
            BigDecimal orderShare,
            BigDecimal spendShare,
            Kind kind) {}

    public record Split(Kind kind, int buyers, BigDecimal buyerShare, BigDecimal revenue, BigDecimal revenueShare) {}

    public record Report(
            List<Buyer> buyers,
            List<Split> split,
            BigDecimal discountedOrderShare,
            BigDecimal discountedRevenueShare) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        StoreFacts.Window w = facts.window(window);
        List<Buyer> buyers = new ArrayList<>(w.buyers());
        long[][] byKind = new long[Kind.values().length][2];
        long orders = 0;
        long discountedOrders = 0;
        long revenue = 0;
        long discountedRevenue = 0;
        for (int c = 0; c < facts.rows(); c++) {
            int n = w.orders()[c];
            if (n == 0) {
                continue;
            }
            int d = w.discountedOrders()[c];
            long spend = w.spend()[c];
            long offerSpend = w.discountedSpend()[c];
            Kind kind = d == 0 ? Kind.FULL_PRICE : d == n ? Kind.OFFER_ONLY : Kind.MIXED;
            buyers.add(new Buyer(facts.customerId(c), n, d, Ratios.of(d, n), Ratios.of(offerSpend, spend), kind));
            byKind[kind.ordinal()][0]++;
            byKind[kind.ordinal()][1] += spend;
            orders += n;
            discountedOrders += d;
            revenue += spend;
            discountedRevenue += offerSpend;
        }
        List<Split> split = new ArrayList<>();
        for (Kind k : Kind.values()) {
            long[] v = byKind[k.ordinal()];
            split.add(new Split(
                    k, (int) v[0], Ratios.of(v[0], buyers.size()), facts.money(v[1]), Ratios.of(v[1], revenue)));
        }
        return new Report(buyers, split, Ratios.of(discountedOrders, orders), Ratios.of(discountedRevenue, revenue));
    }
}
