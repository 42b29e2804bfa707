package io.basira.server.products.web;

import io.basira.server.analytics.Report;
import io.basira.server.dashboard.DashboardFormats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customer–product pages' views (docs/products.md, "Dashboard"), read from the same {@link Report}s the API
 * answers ({@code io.basira.server.products.ProductAnalytics}): the affinity heat map, the pairs bought together
 * and a customer's likely next products, every figure formatted for the reader's language.
 */
public final class ProductViews {

    private ProductViews() {}

    /** The heat map's bands of an index, from far below the store to far above; each has a class and a symbol. */
    enum Band {
        NONE("—"),
        FAR_BELOW("▼▼"),
        BELOW("▼"),
        EVEN("≈"),
        ABOVE("▲"),
        FAR_ABOVE("▲▲");

        final String symbol;

        Band(String symbol) {
            this.symbol = symbol;
        }

        /** Below 0.5, 0.5 to 0.8, 0.8 to 1.25, 1.25 to 2, 2 and above; none when the index is empty. */
        static Band of(BigDecimal index) {
            if (index == null) {
                return NONE;
            }
            double v = index.doubleValue();
            return v < 0.5 ? FAR_BELOW : v < 0.8 ? BELOW : v < 1.25 ? EVEN : v < 2 ? ABOVE : FAR_ABOVE;
        }

        public String css() {
            return "heat-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String label() {
            return "products.band." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The heat map: which index is shown ({@code revenue} or {@code buyers}), the categories and one row per group. */
    record Affinity(String index, List<String> categories, List<AffinityRow> rows, String orders, List<Band> bands) {
        public boolean empty() {
            return categories.isEmpty() || rows.size() <= 1;
        }
    }

    /**
     * A row: its kind ({@code store}, {@code group}, {@code rfm}, {@code type}), the merchant's name of a saved group
     * ({@code name}) or the message key of a computed one ({@code label}), its buyers and cells.
     */
    record AffinityRow(String kind, String key, String name, String label, String buyers, List<AffinityCell> cells) {}

    /** A cell: the index as printed, its band, the group's and the store's share behind it. */
    record AffinityCell(String category, String value, Band band, String share, String storeShare) {}

    /** The rows in the order store, saved groups, RFM groups, customer types (each kind as the service lists it). */
    static Affinity affinity(Report report, boolean buyers, DashboardFormats fmt) {
        Map<String, Object> json = report.json();
        List<String> categories =
                ((List<?>) json.get("categories")).stream().map(String::valueOf).toList();
        String indexField = buyers ? "buyer_index" : "revenue_index";
        String shareField = buyers ? "buyer_share" : "revenue_share";
        List<AffinityRow> rows = new ArrayList<>();
        List<?> storeCells = List.of();
        for (Object o : (List<?>) json.get("rows")) {
            Map<?, ?> row = (Map<?, ?>) o;
            String kind = String.valueOf(row.get("kind"));
            List<?> cells = (List<?>) row.get("cells");
            if (kind.equals("store")) {
                storeCells = cells;
            }
            List<AffinityCell> out = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                Map<?, ?> cell = (Map<?, ?>) cells.get(i);
                BigDecimal index = (BigDecimal) cell.get(indexField);
                Map<?, ?> store = i < storeCells.size() ? (Map<?, ?>) storeCells.get(i) : Map.of();
                out.add(new AffinityCell(
                        String.valueOf(cell.get("category")),
                        index == null ? "—" : fmt.number(index),
                        Band.of(index),
                        fmt.percent((BigDecimal) cell.get(shareField)),
                        fmt.percent((BigDecimal) store.get(shareField))));
            }
            String key = row.get("key") == null ? "" : String.valueOf(row.get("key"));
            String name = kind.equals("group") ? String.valueOf(row.get("name")) : "";
            String label = switch (kind) {
                case "store" -> "products.affinity.store";
                case "rfm" -> "rfm.group." + key;
                case "type" -> "customer.type." + key;
                default -> null;
            };
            rows.add(new AffinityRow(kind, key, name, label, fmt.number((Number) row.get("buyers")), out));
        }
        List<String> order = List.of("store", "group", "rfm", "type");
        rows.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.kind())));
        return new Affinity(
                buyers ? "buyers" : "revenue",
                categories,
                rows,
                fmt.number((Number) json.get("orders")),
                List.of(Band.values()));
    }

    /** The pairs bought together with the thresholds as the form shows them. */
    record Basket(String orders, String categorisedOrders, List<Pair> products, List<Pair> categories) {}

    /** A pair: ids (and product names), orders holding both, support, confidence both ways and lift. */
    record Pair(
            String a,
            String nameA,
            String b,
            String nameB,
            String orders,
            String support,
            String confidenceAb,
            String confidenceBa,
            String lift) {}

    static Basket basket(Report report, DashboardFormats fmt) {
        Map<String, Object> json = report.json();
        return new Basket(
                fmt.number((Number) json.get("orders")),
                fmt.number((Number) json.get("categorised_orders")),
                pairs((List<?>) json.get("product_pairs"), "product", report, fmt),
                pairs((List<?>) json.get("category_pairs"), "category", report, fmt));
    }

    private static List<Pair> pairs(List<?> list, String kind, Report report, DashboardFormats fmt) {
        Map<String, String> names = new java.util.HashMap<>();
        if (kind.equals("product") && !report.tables().isEmpty()) {
            for (List<Object> row : report.tables().get(0).rows()) {
                names.put(String.valueOf(row.get(0)), row.get(1) == null ? "" : String.valueOf(row.get(1)));
                names.put(String.valueOf(row.get(2)), row.get(3) == null ? "" : String.valueOf(row.get(3)));
            }
        }
        List<Pair> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> p = (Map<?, ?>) o;
            String a = String.valueOf(p.get(kind + "_a"));
            String b = String.valueOf(p.get(kind + "_b"));
            out.add(new Pair(
                    a,
                    names.getOrDefault(a, ""),
                    b,
                    names.getOrDefault(b, ""),
                    fmt.number((Number) p.get("orders")),
                    percent((BigDecimal) p.get("support"), fmt),
                    percent((BigDecimal) p.get("confidence_a_b"), fmt),
                    percent((BigDecimal) p.get("confidence_b_a"), fmt),
                    fmt.number((BigDecimal) p.get("lift"))));
        }
        return out;
    }

    /** A share as a percentage with up to two decimals: support is often a fraction of a percent. */
    private static String percent(BigDecimal share, DashboardFormats fmt) {
        return share == null ? "—" : fmt.percentFigure(share.movePointRight(2));
    }

    /**
     * One product's page: its id and name (the merchant's; empty when the feed has none), the orders holding it, the
     * store's counted orders and its companions.
     */
    record AlsoBought(String id, String name, String orders, String storeOrders, List<Companion> companions) {}

    /**
     * A product bought with it: id and name, orders holding both, support and confidence (this → that) as percentages,
     * lift as a number, and the lift's band in words ({@code more}, {@code even}, {@code less}) for the sentence.
     */
    record Companion(
            String id, String name, String orders, String support, String confidence, String lift, String liftBand) {

        /** The message key of the lift in words. */
        public String liftWords() {
            return "products.also.lift." + liftBand;
        }
    }

    /**
     * The lift in words: {@code more} from 1.25 (bought together clearly more often than chance), {@code less} under
     * 0.8, {@code even} between (the heat map's "like the store" band).
     */
    static String liftBand(BigDecimal lift) {
        double v = lift == null ? 1 : lift.doubleValue();
        return v >= 1.25 ? "more" : v < 0.8 ? "less" : "even";
    }

    static AlsoBought alsoBought(Report report, DashboardFormats fmt) {
        Map<String, Object> json = report.json();
        List<Companion> companions = new ArrayList<>();
        for (Object o : (List<?>) json.get("also_bought")) {
            Map<?, ?> p = (Map<?, ?>) o;
            BigDecimal lift = (BigDecimal) p.get("lift");
            companions.add(new Companion(
                    String.valueOf(p.get("product_id")),
                    p.get("name") == null ? "" : String.valueOf(p.get("name")),
                    fmt.number((Number) p.get("orders")),
                    percent((BigDecimal) p.get("support"), fmt),
                    percent((BigDecimal) p.get("confidence"), fmt),
                    lift == null ? "—" : fmt.number(lift),
                    liftBand(lift)));
        }
        return new AlsoBought(
                String.valueOf(json.get("product_id")),
                json.get("name") == null ? "" : String.valueOf(json.get("name")),
                fmt.number((Number) json.get("orders")),
                fmt.number((Number) json.get("store_orders")),
                companions);
    }

    /** A customer's likely next products and category for the card. */
    record Next(String category, List<NextProduct> products) {}

    /** A suggestion: product id, name and category (the merchant's), score, and whether it came from the model. */
    record NextProduct(String id, String name, String category, String score, boolean model) {}

    public static Next next(Report report, DashboardFormats fmt) {
        Map<String, Object> json = report.json();
        List<NextProduct> products = new ArrayList<>();
        for (Object o : (List<?>) json.get("products")) {
            Map<?, ?> p = (Map<?, ?>) o;
            products.add(new NextProduct(
                    String.valueOf(p.get("product_id")),
                    p.get("name") == null ? "" : String.valueOf(p.get("name")),
                    p.get("category") == null ? "" : String.valueOf(p.get("category")),
                    fmt.number((BigDecimal) p.get("score")),
                    "model".equals(p.get("source"))));
        }
        Object category = json.get("next_category");
        return new Next(category == null ? "" : String.valueOf(category), products);
    }
}
