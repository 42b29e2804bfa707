package io.basira.spark;

import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CardAnalytics;
import io.basira.analytics.CustomerAnalytics;
import io.basira.analytics.CustomerType;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.GammaGammaParameters;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;

/**
 * The analyses of every store as of one day — the 80/20 percentiles, RFM scores and groups, customer types and
 * regularity, and the CLV models (BG/NBD, Gamma-Gamma, in days) with each customer's predictions — by the core's
 * {@link CardAnalytics} on the store's {@link StoreFacts}, built inside the transformation from the store's
 * customers and orders: one group per store (the engine, too, holds a store's order columns in memory).
 */
public final class AnalyticsJob {

    /** The columns of a customer's analytics line (docs/analytics.md, "Card fields"), after {@code customer_id}. */
    public static final List<String> COLUMNS = List.of(
            "revenue_percentile",
            "rfm_recency",
            "rfm_frequency",
            "rfm_monetary",
            "rfm_group",
            "customer_type",
            "regularity",
            "p_alive",
            "expected_purchases_90d",
            "predicted_value_12m",
            "churn_risk",
            "next_order_expected_at");

    private AnalyticsJob() {}

    /** One store's result: each customer's analytics text (customer_id first) and the CLV models fitted. */
    public static class StoreResult implements Serializable {
        private String store;
        private List<List<String>> customers;
        private String method;
        private List<Double> bgNbd;
        private List<Double> gammaGamma;

        public StoreResult() {}

        public String getStore() {
            return store;
        }

        public void setStore(String store) {
            this.store = store;
        }

        public List<List<String>> getCustomers() {
            return customers;
        }

        public void setCustomers(List<List<String>> customers) {
            this.customers = customers;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }
        /** r, alpha, a, b, log-likelihood; empty when the model was not fitted */
        public List<Double> getBgNbd() {
            return bgNbd;
        }

        public void setBgNbd(List<Double> bgNbd) {
            this.bgNbd = bgNbd;
        }
        /** p, q, gamma, log-likelihood; empty when the model was not fitted */
        public List<Double> getGammaGamma() {
            return gammaGamma;
        }

        public void setGammaGamma(List<Double> gammaGamma) {
            this.gammaGamma = gammaGamma;
        }
    }

    public static Dataset<StoreResult> analyze(Dataset<Fact> facts, Map<String, StoreSource> stores, LocalDate asOf) {
        return facts.filter((FilterFunction<Fact>) f -> f.getKind() == Fact.CUSTOMER || f.getKind() == Fact.ORDER)
                .groupByKey((MapFunction<Fact, String>) Fact::getStore, Encoders.STRING())
                .mapGroups(analyzer(stores, asOf), Encoders.bean(StoreResult.class));
    }

    private static MapGroupsFunction<String, Fact, StoreResult> analyzer(
            Map<String, StoreSource> stores, LocalDate asOf) {
        return (store, records) -> analyzeStore(stores.get(store), records, asOf);
    }

    /** The store's facts built as the engine builds them (customers sorted by id), then the core's analyses. */
    static StoreResult analyzeStore(StoreSource store, Iterator<Fact> records, LocalDate asOf) {
        List<Fact> customers = new ArrayList<>();
        List<Fact> orders = new ArrayList<>();
        records.forEachRemaining(f -> (f.getKind() == Fact.CUSTOMER ? customers : orders).add(f));
        StoreFacts.Builder builder =
                StoreFacts.builder(store.zone(), store.currencyUnit()).sortRowsById();
        for (Fact c : customers) {
            builder.customer(
                    c.getCustomerId(),
                    c.getCity(),
                    c.getRegion(),
                    c.getCountry() == null ? null : c.getCountry().toUpperCase(java.util.Locale.ROOT),
                    Dates.dateIn(c.instant(), store.zone()));
        }
        orders.sort(Comparator.comparing(Fact::getCustomerId)
                .thenComparingLong(Fact::getEpochSecond)
                .thenComparingInt(Fact::getNano)
                .thenComparingLong(Fact::getAmountMinor));
        for (Fact o : orders) {
            if (!builder.has(o.getCustomerId())) {
                continue; // the import refuses an order of an unknown customer
            }
            int category = o.getCategories() == 0
                    ? StoreFacts.NO_CATEGORY
                    : o.getCategories() > 1 ? StoreFacts.MIXED_CATEGORIES : builder.categoryCode(o.getCategory());
            builder.order(
                    builder.row(o.getCustomerId()),
                    Dates.dateIn(o.instant(), store.zone()).toEpochDay(),
                    OrderStatus.fromCode(o.getCode()),
                    o.getAmountMinor(),
                    o.isDiscounted(),
                    category);
        }
        CardAnalytics.Result result = CardAnalytics.compute(builder.build(), asOf);
        int digits = Money.fractionDigits(store.currencyUnit());
        List<List<String>> lines = new ArrayList<>(result.customers().size());
        for (CustomerAnalytics row : result.customers()) {
            lines.add(text(row, digits));
        }
        StoreResult out = new StoreResult();
        out.setStore(store.slug());
        out.setCustomers(lines);
        ClvModels models = result.models();
        out.setMethod(models.method());
        out.setBgNbd(models.bgNbd().parameters().map(AnalyticsJob::values).orElse(List.of()));
        out.setGammaGamma(
                models.gammaGamma().parameters().map(AnalyticsJob::values).orElse(List.of()));
        return out;
    }

    /** customer_id, then {@link #COLUMNS}, rounded as the engine stores them ({@link AnalyticsFields}). */
    static List<String> text(CustomerAnalytics row, int fractionDigits) {
        AnalyticsFields a = AnalyticsFields.of(row);
        List<String> values = new ArrayList<>(COLUMNS.size() + 1);
        values.add(row.customerId());
        values.add(plain(a.revenuePercentile()));
        values.add(a.rfmRecency() == null ? "" : a.rfmRecency().toString());
        values.add(a.rfmFrequency() == null ? "" : a.rfmFrequency().toString());
        values.add(a.rfmMonetary() == null ? "" : a.rfmMonetary().toString());
        values.add(a.rfmGroup() == null ? "" : a.rfmGroup().code());
        values.add(a.customerType() == null ? "" : a.customerType().code());
        values.add(a.regularity() == null ? "" : a.regularity().code());
        values.add(plain(a.pAlive()));
        values.add(plain(a.expectedPurchases90d()));
        values.add(plain(a.predictedValue12m(fractionDigits)));
        values.add(a.churnRisk() == null ? "" : a.churnRisk().code());
        values.add(
                a.nextOrderExpectedAt() == null ? "" : a.nextOrderExpectedAt().toString());
        return values;
    }

    /**
     * The analytics card fields of a line of {@link #text} (the inverse: the rounded values the engine stores, so
     * that rules read the same numbers); without the next category (a fact of its own, {@link NextCategoryJob}).
     */
    static AnalyticsFields fields(List<String> line) {
        return new AnalyticsFields(
                decimal(line.get(1)),
                whole(line.get(2)),
                whole(line.get(3)),
                whole(line.get(4)),
                code(RfmGroup.values(), RfmGroup::code, line.get(5)),
                code(CustomerType.values(), CustomerType::code, line.get(6)),
                code(Regularity.values(), Regularity::code, line.get(7)),
                decimal(line.get(8)),
                decimal(line.get(9)),
                decimal(line.get(10)),
                code(ChurnRisk.values(), ChurnRisk::code, line.get(11)),
                line.get(12).isEmpty() ? null : LocalDate.parse(line.get(12)));
    }

    private static BigDecimal decimal(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static Integer whole(String text) {
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    private static <E> E code(E[] values, java.util.function.Function<E, String> code, String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (E value : values) {
            if (code.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown code '" + text + "'");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static List<Double> values(BgNbdParameters p) {
        return List.of(p.r(), p.alpha(), p.a(), p.b(), p.logLikelihood());
    }

    private static List<Double> values(GammaGammaParameters p) {
        return List.of(p.p(), p.q(), p.gamma(), p.logLikelihood());
    }
}
