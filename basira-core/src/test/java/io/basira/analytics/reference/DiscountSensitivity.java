package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        Map<String, List<Purchase>> histories = facts.histories(window);
        List<Buyer> buyers = new ArrayList<>(histories.size());
        Map<Kind, long[]> byKind = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            byKind.put(k, new long[2]);
        }
        long orders = 0;
        long discountedOrders = 0;
        long revenue = 0;
        long discountedRevenue = 0;
        for (Map.Entry<String, List<Purchase>> e : histories.entrySet()) {
            int n = e.getValue().size();
            int d = 0;
            long spend = 0;
            long offerSpend = 0;
            for (Purchase p : e.getValue()) {
                spend += p.totalMinor();
                if (p.order().discounted()) {
                    d++;
                    offerSpend += p.totalMinor();
                }
            }
            Kind kind = d == 0 ? Kind.FULL_PRICE : d == n ? Kind.OFFER_ONLY : Kind.MIXED;
            buyers.add(new Buyer(e.getKey(), n, d, Ratios.of(d, n), Ratios.of(offerSpend, spend), kind));
            byKind.get(kind)[0]++;
            byKind.get(kind)[1] += spend;
            orders += n;
            discountedOrders += d;
            revenue += spend;
            discountedRevenue += offerSpend;
        }
        List<Split> split = new ArrayList<>();
        for (Kind k : Kind.values()) {
            long[] v = byKind.get(k);
            split.add(new Split(
                    k, (int) v[0], Ratios.of(v[0], buyers.size()), facts.money(v[1]), Ratios.of(v[1], revenue)));
        }
        return new Report(buyers, split, Ratios.of(discountedOrders, orders), Ratios.of(discountedRevenue, revenue));
    }
}
