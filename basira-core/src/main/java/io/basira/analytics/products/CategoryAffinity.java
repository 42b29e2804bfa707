package io.basira.analytics.products;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * How much more (or less) a group of customers buys each category than the whole store (docs/products.md,
 * "Category affinity"). Over the orders given (the buyers are the customers with at least one line):
 * <ul>
 * <li>revenue share of category k in group S: {@code rev_S(k) / rev_S} (revenue of the lines whose product
 * is in k, over all line revenue of S's orders); revenue index {@code = share_S(k) / share_store(k)};
 * <li>buyer share: {@code buyers_S(k) / buyers_S} (customers of S with a line in k, over S's buyers); buyer
 * index {@code = buyerShare_S(k) / buyerShare_store(k)}.
 * </ul>
 * An index of 1.0 means the group buys the category like everyone; 2.0 twice as much; null when a share of
 * the denominator is 0 (nobody, or no revenue). Lines without a category count in the totals only.
 */
public final class CategoryAffinity {

    private CategoryAffinity() {}

    /** A group: a name, a kind (saved group, RFM group, customer type) and its members as customer rows. */
    public record Segment(String kind, String key, String name, BitSet rows) {}

    /** One cell of the heat map. */
    public record Cell(
            int category,
            long revenueMinor,
            int buyers,
            double revenueShare,
            double buyerShare,
            Double revenueIndex,
            Double buyerIndex) {}

    /** One row: a segment (null for the whole store), its buyers and revenue, and one cell per category. */
    public record Row(Segment segment, int buyers, long revenueMinor, List<Cell> cells) {}

    /** The whole store's row first, then one per segment; categories in code order {@code 1..categoryCount()-1}. */
    public record Table(Baskets baskets, Row store, List<Row> segments) {}

    public static Table compute(Baskets baskets, List<Segment> segments) {
        int categories = baskets.categoryCount();
        int customers = baskets.customerCount();
        // per customer: revenue per category is not kept; per customer a bitmask of categories would be enough
        // for buyers, but categories may exceed 64, so one pass per customer with a small marker array
        long[] storeRevenue = new long[categories];
        int[] storeBuyers = new int[categories];
        long[][] segRevenue = new long[segments.size()][categories];
        int[][] segBuyers = new int[segments.size()][categories];
        long[] segTotal = new long[segments.size()];
        int[] segBuyerTotal = new int[segments.size()];
        long storeTotal = 0;
        int storeBuyerTotal = 0;
        int[] mark = new int[categories];
        java.util.Arrays.fill(mark, -1);
        long[] custRevenue = new long[categories];
        int[] touched = new int[categories];
        int[] member = new int[segments.size()];
        for (int c = 0; c < customers; c++) {
            int from = baskets.lineStart(baskets.orderStart(c));
            int to = baskets.lineStart(baskets.orderStart(c + 1));
            if (from == to) {
                continue;
            }
            int t = 0;
            long total = 0;
            for (int l = from; l < to; l++) {
                int k = baskets.category(baskets.product(l));
                long r = baskets.revenueMinor(l);
                total += r;
                if (mark[k] != c) {
                    mark[k] = c;
                    custRevenue[k] = 0;
                    touched[t++] = k;
                }
                custRevenue[k] += r;
            }
            int m = 0;
            for (int s = 0; s < segments.size(); s++) {
                if (segments.get(s).rows().get(c)) {
                    member[m++] = s;
                }
            }
            storeTotal += total;
            storeBuyerTotal++;
            for (int x = 0; x < m; x++) {
                segTotal[member[x]] += total;
                segBuyerTotal[member[x]]++;
            }
            for (int i = 0; i < t; i++) {
                int k = touched[i];
                storeRevenue[k] += custRevenue[k];
                storeBuyers[k]++;
                for (int x = 0; x < m; x++) {
                    segRevenue[member[x]][k] += custRevenue[k];
                    segBuyers[member[x]][k]++;
                }
            }
        }
        Row store = row(null, categories, storeBuyerTotal, storeTotal, storeRevenue, storeBuyers, null);
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            rows.add(row(
                    segments.get(s), categories, segBuyerTotal[s], segTotal[s], segRevenue[s], segBuyers[s], store));
        }
        return new Table(baskets, store, rows);
    }

    private static Row row(
            Segment segment, int categories, int buyers, long total, long[] revenue, int[] buyersOf, Row store) {
        List<Cell> cells = new ArrayList<>();
        for (int k = 1; k < categories; k++) {
            double revenueShare = total == 0 ? 0 : (double) revenue[k] / total;
            double buyerShare = buyers == 0 ? 0 : (double) buyersOf[k] / buyers;
            Double revenueIndex;
            Double buyerIndex;
            if (store == null) {
                revenueIndex = total == 0 || revenue[k] == 0 ? null : 1.0;
                buyerIndex = buyers == 0 || buyersOf[k] == 0 ? null : 1.0;
            } else {
                Cell all = store.cells().get(k - 1);
                revenueIndex = total == 0 || all.revenueShare() == 0 ? null : revenueShare / all.revenueShare();
                buyerIndex = buyers == 0 || all.buyerShare() == 0 ? null : buyerShare / all.buyerShare();
            }
            cells.add(new Cell(k, revenue[k], buyersOf[k], revenueShare, buyerShare, revenueIndex, buyerIndex));
        }
        return new Row(segment, buyers, total, cells);
    }
}
