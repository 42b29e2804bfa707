package io.basira.server.products;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.analytics.products.Baskets;
import io.basira.analytics.products.BoughtTogether;
import io.basira.analytics.products.CategoryAffinity;
import io.basira.analytics.products.NextCategories;
import io.basira.analytics.products.NextProductEvaluation;
import io.basira.analytics.products.NextProducts;
import io.basira.server.analytics.AnalyticsData;
import io.basira.server.analytics.NextCategorySource;
import io.basira.server.analytics.Report;
import io.basira.server.groups.web.CategoryChoices;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.products.jdbc.JdbcBaskets;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Category affinity, bought together and next products of one store (docs/products.md) as {@link Report}s:
 * JSON for the API, tables for the CLI and the dashboard. A store's baskets and its trained next-product model are
 * kept for its data version ({@link AnalyticsData}: every committed write of orders moves it) and its products (a
 * digest of every product's category, checked at most once a minute: {@link #KEPT_FOR}), so the card page does not
 * train per view.
 *
 * <p>Reading a store's baskets again takes seconds at 100,000 customers (every order line), and a busy store writes
 * orders every second: so the answers may come from baskets that missed orders for at most {@code staleFor} (since the
 * first order written after their version, {@link AnalyticsData#changedSince}), newer ones read in the background,
 * one store at a time, at most every {@value #REFRESH_EVERY_SECONDS} s per store; a changed product category is
 * answered from the baskets held while they are read again. Beyond {@code staleFor}, or with it zero, the request
 * reads them itself (or waits for the background read under way), as the nightly next-category refresh and the
 * evaluation always do. {@link #warmUp} reads a store's baskets and trains its model at start.
 */
public class ProductAnalytics implements NextCategorySource, CategoryChoices {

    private static final Logger log = LoggerFactory.getLogger(ProductAnalytics.class);

    /** Most suggestions or pairs one answer lists. */
    public static final int MAX_LIMIT = 500;

    private final JdbcBaskets baskets;
    private final AnalyticsData data;
    private final io.basira.server.groups.jdbc.JdbcGroups groups;
    private final Cache<Long, Trained> trained = Caffeine.newBuilder()
            .maximumSize(64)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    /**
     * Baskets read or checked this long ago are checked again even when no order changed: a product's category may
     * have, which the products' digest tells ({@link JdbcBaskets#productsDigest}); only then are they read again.
     */
    static final Duration KEPT_FOR = Duration.ofMinutes(1);

    static final int REFRESH_EVERY_SECONDS = 30;

    private final Clock clock;
    private final Duration staleFor;
    /** The background reads under way, by store: a request that must wait for current baskets waits for these. */
    private final Map<Long, CompletableFuture<Trained>> refreshing = new ConcurrentHashMap<>();

    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "basira-baskets");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A store's baskets at a data version, read at {@code readAt}, and the next-product model trained on them, the
     * pairs bought together and every customer's next category, each computed when first asked.
     */
    private static final class Trained {
        final long version;
        final Instant readAt;
        final Baskets baskets;
        /** The products' digest taken before the baskets were read. */
        final long products;
        /** When the products were last found as they were at the read ({@code readAt} at first). */
        volatile Instant checkedAt;
        /** The category affinity of these baskets and when its memberships were read, once asked. */
        volatile AffinityKept affinity;

        private NextProducts model;
        private Map<String, String> nextCategories;
        private BoughtTogether pairs;
        private final Map<String, List<BoughtTogether.Pair>> ranked = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<BoughtTogether.Pair>> eldest) {
                return size() > 16;
            }
        };

        Trained(long version, Instant readAt, Baskets baskets, long products) {
            this.version = version;
            this.readAt = readAt;
            this.baskets = baskets;
            this.products = products;
            this.checkedAt = readAt;
        }

        synchronized NextProducts model() {
            if (model == null) {
                model = NextProducts.train(baskets, NextProducts.Options.DEFAULT);
            }
            return model;
        }

        /** Every product and category pair of these baskets, counted once (read-only after). */
        synchronized BoughtTogether pairs() {
            if (pairs == null) {
                pairs = BoughtTogether.count(baskets);
            }
            return pairs;
        }

        /**
         * The product pairs ({@code categories} false) or category pairs passing the thresholds, at most {@code limit}:
         * ranked once per baskets and question (the page is opened again with the same thresholds), the last 16 kept.
         */
        List<BoughtTogether.Pair> ranked(boolean categories, BoughtTogether.Thresholds t, int limit) {
            String key = categories + " " + t + " " + limit;
            synchronized (this) {
                List<BoughtTogether.Pair> kept = ranked.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            BoughtTogether counted = pairs();
            List<BoughtTogether.Pair> made =
                    List.copyOf(categories ? counted.categoryPairs(t, limit) : counted.productPairs(t, limit));
            synchronized (this) {
                ranked.put(key, made);
            }
            return made;
        }

        synchronized Map<String, String> nextCategories() {
            if (nextCategories == null) {
                nextCategories = Map.copyOf(NextCategories.of(model()));
            }
            return nextCategories;
        }
    }

    /**
     * @param staleFor how old the baskets an answer comes from may be while newer ones are read in the background;
     *     zero: every answer is from the store's current data
     */
    public ProductAnalytics(
            JdbcBaskets baskets,
            AnalyticsData data,
            io.basira.server.groups.jdbc.JdbcGroups groups,
            Clock clock,
            Duration staleFor) {
        this.groups = groups;
        this.baskets = baskets;
        this.data = data;
        this.clock = clock;
        this.staleFor = staleFor;
    }

    /** Reads the store's baskets and trains its next-product model unless they are in memory (the start's warm-up). */
    public void warmUp(Store store) {
        current(store, true).model();
    }

    /** Stops the background reads. */
    public void close() {
        refresher.shutdownNow();
        // the reads never started: their waiters read for themselves
        refreshing.values().forEach(read -> read.complete(null));
    }

    /** The store's baskets: current, or from at most {@code staleFor} ago while current ones are read. */
    private Trained current(Store store) {
        return current(store, false);
    }

    private Trained current(Store store, boolean exact) {
        // the version alone, not the order columns made current (a copy after each write: half a second at 10 M
        // orders); baskets read after this hold at least its orders
        long version = data.version(store);
        Trained known = trained.getIfPresent(store.id().value());
        Instant now = clock.instant();
        boolean sameOrders = known != null && known.version == version;
        if (sameOrders && now.isBefore(known.checkedAt.plus(KEPT_FOR))) {
            return known;
        }
        if (sameOrders && baskets.productsDigest(store) == known.products) {
            // no order and no product changed: the baskets read then are the baskets now
            known.checkedAt = now;
            return known;
        }
        if (!exact && known != null && !staleFor.isZero() && !staleFor.isNegative()) {
            // how long the baskets have missed something: since the first order written after their version (a
            // product's category change is seen only now, when it is checked: nothing missed for long)
            if (data.missedLessThan(store, known.version, staleFor, now)) {
                if (sameOrders || !now.isBefore(known.readAt.plusSeconds(REFRESH_EVERY_SECONDS))) {
                    readInBackground(store);
                }
                return known;
            }
            Trained underWay = readUnderWay(store);
            if (underWay != null) {
                return underWay;
            }
        }
        return read(store, version, now);
    }

    private Trained read(Store store, long version, Instant now) {
        long products = baskets.productsDigest(store);
        Trained fresh = new Trained(version, now, baskets.load(store), products);
        trained.asMap().merge(store.id().value(), fresh, (kept, read) -> kept.version > read.version ? kept : read);
        return fresh;
    }

    private void readInBackground(Store store) {
        long id = store.id().value();
        CompletableFuture<Trained> mine = new CompletableFuture<>();
        if (refreshing.putIfAbsent(id, mine) != null) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    Trained fresh = read(store, data.version(store), clock.instant());
                    fresh.model();
                    mine.complete(fresh);
                } catch (RuntimeException e) {
                    log.warn(
                            "reading the baskets of store {} failed; the next request reads them",
                            store.slug(),
                            RedactedFailure.of(e));
                } finally {
                    // whatever happened (an Error too), no request waiting on it waits for ever
                    mine.complete(null);
                    refreshing.remove(id, mine);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            refreshing.remove(id, mine);
            mine.complete(null);
        }
    }

    /**
     * The baskets the background read under way for this store gives, when one is (waiting for it: it started
     * before this request and ends sooner than a read of its own), else null.
     */
    private Trained readUnderWay(Store store) {
        CompletableFuture<Trained> running = refreshing.get(store.id().value());
        Trained read = running == null ? null : running.join();
        if (read == null) {
            return null;
        }
        // read from its start: it too may have missed orders for longer than stale-for (queued behind another store)
        return data.missedLessThan(store, read.version, staleFor, clock.instant()) ? read : null;
    }

    /** A category affinity report and when the memberships it was computed from were read. */
    private record AffinityKept(Instant at, Report report) {}

    /**
     * Affinity of every saved group, RFM group and customer type against the store, per category: computed from
     * the current baskets ({@link #current}) and memberships read at most {@code staleFor} ago (the RFM groups and
     * types change with the nightly refresh, saved groups with writes; at a million customers they are a million
     * rows to read and match against the baskets, over a second).
     */
    public Report affinity(Store store) {
        Trained t = current(store);
        Instant now = clock.instant();
        AffinityKept kept = t.affinity;
        if (kept != null && now.isBefore(kept.at().plus(staleFor))) {
            return kept.report();
        }
        Report report = affinity(store, t.baskets);
        t.affinity = new AffinityKept(now, report);
        return report;
    }

    private Report affinity(Store store, Baskets b) {
        Map<String, Integer> rowOf = rows(b);
        List<CategoryAffinity.Segment> segments = new ArrayList<>();
        for (JdbcBaskets.Membership m : baskets.memberships(store)) {
            segments.add(
                    new CategoryAffinity.Segment(m.kind(), m.key(), m.name(), JdbcBaskets.rows(rowOf, m.customers())));
        }
        CategoryAffinity.Table table = CategoryAffinity.compute(b, segments);
        List<Object> categories = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("kind", "group", "buyers"));
        for (int k = 1; k < b.categoryCount(); k++) {
            categories.add(b.categoryName(k));
            headers.add(b.categoryName(k));
        }
        Report.Table revenue = new Report.Table("Revenue index by category (1.0 = like the whole store)", headers);
        Report.Table buyers = new Report.Table("Buyer index by category (1.0 = like the whole store)", headers);
        List<Object> rows = new ArrayList<>();
        rows.add(rowJson(store, b, table.store()));
        for (CategoryAffinity.Row row : table.segments()) {
            rows.add(rowJson(store, b, row));
            List<Object> r =
                    new ArrayList<>(List.of(row.segment().kind(), row.segment().name(), row.buyers()));
            List<Object> u = new ArrayList<>(r);
            for (CategoryAffinity.Cell c : row.cells()) {
                r.add(ratio(c.revenueIndex()));
                u.add(ratio(c.buyerIndex()));
            }
            revenue.row(r.toArray());
            buyers.row(u.toArray());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("categories", categories);
        json.put("orders", b.orderCount());
        json.put("rows", rows);
        return new Report("affinity", json, List.of(revenue, buyers));
    }

    private static Map<String, Object> rowJson(Store store, Baskets b, CategoryAffinity.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", row.segment() == null ? "store" : row.segment().kind());
        json.put("key", row.segment() == null ? null : row.segment().key());
        json.put("name", row.segment() == null ? null : row.segment().name());
        json.put("buyers", row.buyers());
        json.put("revenue", money(store, row.revenueMinor()));
        List<Object> cells = new ArrayList<>();
        for (CategoryAffinity.Cell c : row.cells()) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("category", b.categoryName(c.category()));
            cell.put("revenue", money(store, c.revenueMinor()));
            cell.put("buyers", c.buyers());
            cell.put("revenue_share", ratio(c.revenueShare()));
            cell.put("buyer_share", ratio(c.buyerShare()));
            cell.put("revenue_index", ratio(c.revenueIndex()));
            cell.put("buyer_index", ratio(c.buyerIndex()));
            cells.add(cell);
        }
        json.put("cells", cells);
        return json;
    }

    /** Product and category pairs passing the thresholds, at most {@code limit} of each. */
    public Report basket(Store store, BoughtTogether.Thresholds thresholds, int limit) {
        checkLimit(limit);
        Trained t = current(store);
        Baskets b = t.baskets;
        BoughtTogether counted = t.pairs();
        List<BoughtTogether.Pair> products = t.ranked(false, thresholds, limit);
        List<BoughtTogether.Pair> categories = t.ranked(true, thresholds, limit);
        Set<String> ids = new LinkedHashSet<>();
        products.forEach(p -> {
            ids.add(b.productId(p.a()));
            ids.add(b.productId(p.b()));
        });
        Map<String, String[]> names = baskets.products(store, ids);
        Report.Table table = new Report.Table(
                "Products bought together",
                List.of(
                        "product_a",
                        "name_a",
                        "product_b",
                        "name_b",
                        "orders",
                        "support",
                        "confidence_a_b",
                        "confidence_b_a",
                        "lift"));
        List<Object> productJson = new ArrayList<>();
        for (BoughtTogether.Pair p : products) {
            String a = b.productId(p.a());
            String c = b.productId(p.b());
            table.row(
                    a,
                    name(names, a),
                    c,
                    name(names, c),
                    p.count(),
                    ratio(p.support()),
                    ratio(p.confidenceAb()),
                    ratio(p.confidenceBa()),
                    ratio(p.lift()));
            productJson.add(pairJson("product", a, c, p));
        }
        Report.Table catTable = new Report.Table(
                "Categories bought together",
                List.of("category_a", "category_b", "orders", "support", "confidence_a_b", "confidence_b_a", "lift"));
        List<Object> categoryJson = new ArrayList<>();
        for (BoughtTogether.Pair p : categories) {
            catTable.row(
                    b.categoryName(p.a()),
                    b.categoryName(p.b()),
                    p.count(),
                    ratio(p.support()),
                    ratio(p.confidenceAb()),
                    ratio(p.confidenceBa()),
                    ratio(p.lift()));
            categoryJson.add(pairJson("category", b.categoryName(p.a()), b.categoryName(p.b()), p));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orders", counted.orders());
        json.put("categorised_orders", counted.categorisedOrders());
        json.put("min_count", thresholds.minCount());
        json.put("min_support", thresholds.minSupport());
        json.put("min_confidence", thresholds.minConfidence());
        json.put("product_pairs", productJson);
        json.put("category_pairs", categoryJson);
        return new Report("basket", json, List.of(table, catTable));
    }

    /**
     * "Customers who bought this also bought": the product's best {@code top} companions, each with the orders holding
     * both, support (of all counted orders), confidence (this → other) and lift; with the product's own name and orders
     * and the store's counted orders.
     */
    public Report alsoBought(Store store, String productId, BoughtTogether.Thresholds thresholds, int top) {
        checkLimit(top);
        Trained t = current(store);
        Baskets b = t.baskets;
        int code = b.productCode(productId);
        if (code < 0) {
            throw new NotFound("product '" + productId + "' has no counted order in this store");
        }
        BoughtTogether counted = t.pairs();
        List<BoughtTogether.AlsoBought> also = counted.alsoBought(code, thresholds, top);
        List<String> ids = new ArrayList<>(List.of(productId));
        also.forEach(x -> ids.add(b.productId(x.product())));
        Map<String, String[]> names = baskets.products(store, ids);
        Report.Table table = new Report.Table(
                "Customers who bought " + productId + " also bought",
                List.of("product", "name", "orders", "support", "confidence", "lift"));
        List<Object> list = new ArrayList<>();
        for (BoughtTogether.AlsoBought x : also) {
            String id = b.productId(x.product());
            BigDecimal support = ratio((double) x.count() / counted.orders());
            table.row(id, name(names, id), x.count(), support, ratio(x.confidence()), ratio(x.lift()));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("product_id", id);
            j.put("name", name(names, id));
            j.put("orders", x.count());
            j.put("support", support);
            j.put("confidence", ratio(x.confidence()));
            j.put("lift", ratio(x.lift()));
            list.add(j);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product_id", productId);
        json.put("name", name(names, productId));
        json.put("orders", counted.productOrders(code));
        json.put("store_orders", counted.orders());
        json.put("also_bought", list);
        return new Report("also-bought", json, List.of(table));
    }

    /** The customer's most likely next products and category; 404 for an unknown customer. */
    public Report next(Store store, String customerId, int limit) {
        checkLimit(limit);
        if (!baskets.customerExists(store, customerId)) {
            throw new NotFound("customer '" + customerId + "' does not exist in this store");
        }
        Trained t = current(store);
        Baskets b = t.baskets;
        NextProducts model = t.model();
        int row = b.customerRow(customerId);
        List<NextProducts.Suggestion> suggestions;
        String category = null;
        if (row < 0) {
            suggestions = model.mostBought(limit);
        } else {
            NextProducts.Scorer scorer = model.scorer();
            suggestions = scorer.next(row, limit);
            category = NextCategories.of(scorer, row);
        }
        Map<String, String[]> names = baskets.products(
                store, suggestions.stream().map(s -> b.productId(s.product())).toList());
        Report.Table table = new Report.Table(
                "Next products of " + customerId, List.of("rank", "product", "name", "category", "score", "source"));
        List<Object> list = new ArrayList<>();
        int rank = 0;
        for (NextProducts.Suggestion s : suggestions) {
            String id = b.productId(s.product());
            String cat =
                    b.category(s.product()) == Baskets.NO_CATEGORY ? null : b.categoryName(b.category(s.product()));
            String source = s.popular() ? "most_bought" : "model";
            table.row(++rank, id, name(names, id), cat, ratio(s.score()), source);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("product_id", id);
            j.put("name", name(names, id));
            j.put("category", cat);
            j.put("score", ratio(s.score()));
            j.put("source", source);
            list.add(j);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer_id", customerId);
        json.put("next_category", category);
        json.put("products", list);
        return new Report("next", json, List.of(table));
    }

    /**
     * Every customer's most likely next category at the store's current data version (the analytics refresh stores
     * them for the rule field {@code next_category}); kept with the model, so a refresh and the API agree. Only
     * while one of the store's saved groups uses the field: scoring every customer costs about as much as the rest
     * of a refresh (100 k customers, 1 M orders: +107 s), so a store that does not use it does not pay for it.
     */
    @Override
    public Map<String, String> nextCategories(Store store) {
        if (!groups.anyRuleMentions(store.id(), "next_category")) {
            return Map.of();
        }
        return current(store, true).nextCategories();
    }

    /** The most categories the rule builder offers as a choice for {@code next_category}; past it, a text box. */
    public static final int CATEGORY_CHOICES = 1000;

    /**
     * The categories a merchant can choose for the rule field {@code next_category} (docs/products.md): the store's
     * products feed's categories, in text order; empty when it has more than {@value #CATEGORY_CHOICES} (the builder
     * then keeps its text box) or none.
     */
    @Override
    public List<String> categoryChoices(Store store) {
        List<String> all = baskets.categories(store, CATEGORY_CHOICES);
        return all.size() > CATEGORY_CHOICES ? List.of() : all;
    }

    /** The time-split check of the next products on this store's own orders (docs/products.md). */
    public Report evaluate(Store store, LocalDate split, int k) {
        Baskets b = current(store).baskets;
        NextProductEvaluation.Result r = NextProductEvaluation.run(
                b,
                (int) split.toEpochDay(),
                (int) split.plusMonths(3).minusDays(1).toEpochDay(),
                NextProducts.Options.DEFAULT,
                k);
        Report.Table table = new Report.Table(
                "Next products against the most bought, test " + split + " + 3 months",
                List.of("method", "customers", "hit_rate@" + k, "recall@" + k));
        table.row(
                "model",
                r.model().customers(),
                ratio(r.model().hitRate()),
                ratio(r.model().recall()));
        table.row(
                "popularity",
                r.popularity().customers(),
                ratio(r.popularity().hitRate()),
                ratio(r.popularity().recall()));
        table.row(
                "most bought",
                r.mostBought().customers(),
                ratio(r.mostBought().hitRate()),
                ratio(r.mostBought().recall()));
        Report.Table leads = new Report.Table(
                "The model's lead (paired differences, standard error)",
                List.of("over", "hit_rate", "hit_rate_se", "recall", "recall_se"));
        leads.row(
                "popularity",
                ratio(r.overPopularity().hitRate()),
                ratio(r.overPopularity().hitRateError()),
                ratio(r.overPopularity().recall()),
                ratio(r.overPopularity().recallError()));
        leads.row(
                "most bought",
                ratio(r.overMostBought().hitRate()),
                ratio(r.overMostBought().hitRateError()),
                ratio(r.overMostBought().recall()),
                ratio(r.overMostBought().recallError()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("split", split.toString());
        json.put("k", k);
        json.put("train_orders", r.trainOrders());
        json.put("test_orders", r.testOrders());
        json.put("test_customers", r.model().customers());
        json.put(
                "model",
                Map.of(
                        "hit_rate",
                        ratio(r.model().hitRate()),
                        "recall",
                        ratio(r.model().recall())));
        json.put(
                "popularity",
                Map.of(
                        "hit_rate",
                        ratio(r.popularity().hitRate()),
                        "recall",
                        ratio(r.popularity().recall())));
        json.put(
                "most_bought",
                Map.of(
                        "hit_rate",
                        ratio(r.mostBought().hitRate()),
                        "recall",
                        ratio(r.mostBought().recall())));
        json.put("lead_over_popularity", lead(r.overPopularity()));
        json.put("lead_over_most_bought", lead(r.overMostBought()));
        return new Report("next-evaluation", json, List.of(table, leads));
    }

    private static Map<String, Object> lead(NextProductEvaluation.Lead l) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("hit_rate", ratio(l.hitRate()));
        j.put("hit_rate_se", ratio(l.hitRateError()));
        j.put("recall", ratio(l.recall()));
        j.put("recall_se", ratio(l.recallError()));
        return j;
    }

    private static Map<String, Object> pairJson(String kind, String a, String b, BoughtTogether.Pair p) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put(kind + "_a", a);
        j.put(kind + "_b", b);
        j.put("orders_a", p.countA());
        j.put("orders_b", p.countB());
        j.put("orders", p.count());
        j.put("support", ratio(p.support()));
        j.put("confidence_a_b", ratio(p.confidenceAb()));
        j.put("confidence_b_a", ratio(p.confidenceBa()));
        j.put("lift", ratio(p.lift()));
        return j;
    }

    private static Map<String, Integer> rows(Baskets b) {
        Map<String, Integer> rowOf = new HashMap<>();
        for (int c = 0; c < b.customerCount(); c++) {
            rowOf.put(b.customerId(c), c);
        }
        return rowOf;
    }

    private static String name(Map<String, String[]> names, String id) {
        String[] n = names.get(id);
        return n == null ? null : n[0];
    }

    private static BigDecimal money(Store store, long minor) {
        return Money.ofMinor(minor, store.currency()).toDecimal();
    }

    /** A ratio rounded half-up to 4 decimals; null stays null. */
    static BigDecimal ratio(Double value) {
        return value == null || value.isNaN() || value.isInfinite()
                ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
