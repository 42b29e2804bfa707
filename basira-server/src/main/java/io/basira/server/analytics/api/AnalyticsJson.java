package io.basira.server.analytics.api;

import io.basira.analytics.Cohorts;
import io.basira.analytics.CustomerTypes;
import io.basira.analytics.DiscountSensitivity;
import io.basira.analytics.Overview;
import io.basira.analytics.Pareto;
import io.basira.analytics.Rfm;
import io.basira.analytics.region.Regions;
import io.basira.server.analytics.Report;
import io.basira.server.analytics.Report.Table;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published shape of each analysis (docs/analytics.md): snake_case names, money and shares as
 * decimals, dates ISO-8601. Per-customer lists are left out of the JSON of the store-wide reports (they
 * become card fields, see {@link JdbcCustomerAnalytics}).
 */
public final class AnalyticsJson {

    /** The version of the definitions in docs/analytics.md; changes whenever one of them changes. */
    public static final String DEFINITIONS_VERSION = JdbcCustomerAnalytics.DEFINITIONS_VERSION;

    private AnalyticsJson() {}

    public static Report overview(Overview.Report r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", r.from().toString());
        json.put("to", r.to().toString());
        json.put("orders", r.orders());
        json.put("revenue", r.revenue());
        json.put("buyers", r.buyers());
        json.put("new_customers", r.newCustomers());
        json.put("returning_customers", r.returningCustomers());
        json.put("repeat_purchase_rate", r.repeatPurchaseRate());
        json.put("retention_rate", r.retentionRate());
        json.put("previous_period_buyers", r.previousPeriodBuyers());
        json.put("retained_customers", r.retainedCustomers());
        json.put("aov_new", r.aovNew());
        json.put("aov_returning", r.aovReturning());
        json.put("signups", r.signups());
        Table table = new Table("overview " + r.from() + ".." + r.to(), List.of("metric", "value"));
        json.forEach(table::row);
        return new Report("overview", json, List.of(table));
    }

    public static Report pareto(Pareto.Report r) {
        Table top = new Table(
                "revenue share of the top X% of buyers",
                List.of("top_percent", "customers", "revenue", "revenue_share"));
        List<Map<String, Object>> topJson = new ArrayList<>();
        for (Pareto.TopShare t : r.top()) {
            top.row(t.percent(), t.customers(), t.revenue(), t.revenueShare());
            topJson.add(map(
                    "percent",
                    t.percent(),
                    "customers",
                    t.customers(),
                    "revenue",
                    t.revenue(),
                    "revenue_share",
                    t.revenueShare()));
        }
        Table curve = new Table("curve", List.of("customer_percent", "revenue_share"));
        List<Map<String, Object>> curveJson = new ArrayList<>();
        for (Pareto.CurvePoint p : r.curve()) {
            curve.row(p.customerPercent(), p.revenueShare());
            curveJson.add(map("customer_percent", p.customerPercent(), "revenue_share", p.revenueShare()));
        }
        Map<String, Object> json =
                map("buyers", r.buyers(), "revenue", r.revenue(), "top", topJson, "curve", curveJson);
        return new Report("pareto", json, List.of(top, curve));
    }

    public static Report cohorts(Cohorts.Report r) {
        Table table = new Table(
                "monthly acquisition cohorts",
                List.of("cohort", "customers", "month", "buyers", "buyer_share", "orders", "revenue"));
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (Cohorts.Cohort c : r.cohorts()) {
            List<Map<String, Object>> months = new ArrayList<>();
            for (Cohorts.CohortMonth m : c.months()) {
                table.row(
                        c.month().toString(),
                        c.customers(),
                        m.offset(),
                        m.buyers(),
                        m.buyerShare(),
                        m.orders(),
                        m.revenue());
                months.add(map(
                        "month",
                        m.offset(),
                        "buyers",
                        m.buyers(),
                        "buyer_share",
                        m.buyerShare(),
                        "orders",
                        m.orders(),
                        "revenue",
                        m.revenue()));
            }
            cohorts.add(map("cohort", c.month().toString(), "customers", c.customers(), "months", months));
        }
        return new Report("cohorts", map("cohorts", cohorts), List.of(table));
    }

    public static Report rfm(Rfm.Report r) {
        Table groups = new Table("RFM groups", List.of("group", "customers"));
        Map<String, Object> groupJson = new LinkedHashMap<>();
        r.groups().forEach((g, n) -> {
            groups.row(g.code(), n);
            groupJson.put(g.code(), n);
        });
        Table grid = new Table(
                "buyers by recency (rows) and frequency (columns) score",
                List.of("recency", "f1", "f2", "f3", "f4", "f5"));
        int[][] counts = new int[5][5];
        r.scores().forEach(s -> counts[s.recency() - 1][s.frequencyScore() - 1]++);
        for (int rec = 5; rec >= 1; rec--) {
            int[] c = counts[rec - 1];
            grid.row(rec, c[0], c[1], c[2], c[3], c[4]);
        }
        return new Report("rfm", map("buyers", r.scores().size(), "groups", groupJson), List.of(groups, grid));
    }

    public static Report types(CustomerTypes.Report r) {
        Table types = new Table("customer types", List.of("type", "customers"));
        Map<String, Object> typeJson = new LinkedHashMap<>();
        r.types().forEach((t, n) -> {
            types.row(t.code(), n);
            typeJson.put(t.code(), n);
        });
        Table regularity = new Table("buyer regularity", List.of("regularity", "customers"));
        Map<String, Object> regularityJson = new LinkedHashMap<>();
        r.regularity().forEach((g, n) -> {
            regularity.row(g.code(), n);
            regularityJson.put(g.code(), n);
        });
        return new Report(
                "types",
                map(
                        "buyers",
                        r.customers().size(),
                        "non_buyers",
                        r.nonBuyers(),
                        "types",
                        typeJson,
                        "regularity",
                        regularityJson),
                List.of(types, regularity));
    }

    public static Report discounts(DiscountSensitivity.Report r) {
        Table split = new Table(
                "buyers by discount use", List.of("kind", "buyers", "buyer_share", "revenue", "revenue_share"));
        List<Map<String, Object>> splitJson = new ArrayList<>();
        for (DiscountSensitivity.Split s : r.split()) {
            split.row(s.kind().code(), s.buyers(), s.buyerShare(), s.revenue(), s.revenueShare());
            splitJson.add(map(
                    "kind",
                    s.kind().code(),
                    "buyers",
                    s.buyers(),
                    "buyer_share",
                    s.buyerShare(),
                    "revenue",
                    s.revenue(),
                    "revenue_share",
                    s.revenueShare()));
        }
        return new Report(
                "discounts",
                map(
                        "buyers",
                        r.buyers().size(),
                        "discounted_order_share",
                        r.discountedOrderShare(),
                        "discounted_revenue_share",
                        r.discountedRevenueShare(),
                        "split",
                        splitJson),
                List.of(split));
    }

    public static Report regions(Regions.Report r) {
        List<String> headers = List.of(
                "country",
                "name",
                "arabic_name",
                "region",
                "customers",
                "buyers",
                "revenue",
                "population",
                "customers_per_100k",
                "buyers_per_100k");
        Table regions = new Table("regions", headers);
        Table cities = new Table("cities", headers);
        Map<String, Object> json = map(
                "population_source",
                r.populationSource(),
                "regions",
                areas(r.regions(), regions),
                "cities",
                areas(r.cities(), cities));
        return new Report("regions", json, List.of(regions, cities));
    }

    private static List<Map<String, Object>> areas(List<Regions.Area> areas, Table table) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Regions.Area a : areas) {
            Map<String, Object> m = map(
                    "country",
                    a.country().isEmpty() ? null : a.country(),
                    "name",
                    a.name(),
                    "arabic_name",
                    a.arabicName(),
                    "region",
                    a.region(),
                    "customers",
                    a.customers(),
                    "buyers",
                    a.buyers(),
                    "revenue",
                    a.revenue(),
                    "population",
                    a.population(),
                    "customers_per_100k",
                    a.customersPer100k(),
                    "buyers_per_100k",
                    a.buyersPer100k());
            json.add(m);
            table.row(m.values().toArray());
        }
        return json;
    }

    /** An insertion-ordered map of alternating keys and values (values may be null). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
