package io.basira.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CardAnalytics;
import io.basira.analytics.CustomerAnalytics;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.products.Baskets;
import io.basira.analytics.products.NextCategories;
import io.basira.analytics.products.NextProducts;
import io.basira.browsing.BrowsingStats;
import io.basira.card.CardAccumulator;
import io.basira.card.CardColumns;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
import io.basira.fields.BrowsingCardFields;
import io.basira.fields.BuiltInFields;
import io.basira.groups.EngineGroups;
import io.basira.segment.Condition;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.text.RuleText;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's answers computed directly, without Spark: the canonical folder read with FastCSV (later rows of an
 * id win, as the import does), each customer folded by the core's {@link CardAccumulator}, groups by the scan
 * evaluator, analytics by {@link CardAnalytics} on {@link StoreFacts} built as the server's loader builds them, next
 * categories by the core's {@link NextProducts} on {@link Baskets} read as the server's {@code JdbcBaskets} reads them.
 */
final class Reference {

    final Map<String, Map<String, String>> customers = new LinkedHashMap<>();
    final Map<String, CardAccumulator> folds = new TreeMap<>();
    final List<Map<String, String>> orders = new ArrayList<>();
    /** order id → the distinct categories of its lines' products */
    final Map<String, Set<String>> categories = new HashMap<>();

    private final StoreSource store;

    // Each answer is computed once per argument: the folder's files the answers read do not change after the
    // test's set-up (the groups' manual lists, which they do change, are read by groups(), never kept).
    private Map<String, String> nextCategories;
    private final Map<Instant, Map<String, BrowsingStats>> browsing = new HashMap<>();
    private final Map<Instant, Map<String, io.basira.card.LoyaltyStanding>> loyalty = new HashMap<>();
    private final Map<LocalDate, CardAnalytics.Result> analytics = new HashMap<>();

    Reference(StoreSource store) throws IOException {
        this.store = store;
        Path folder = Path.of(store.folder());
        for (Map<String, String> row : latest(folder.resolve("customers.csv"), "customer_id")) {
            customers.put(row.get("customer_id"), row);
            folds.put(row.get("customer_id"), new CardAccumulator());
        }
        for (Map<String, String> row : latest(folder.resolve("orders.csv"), "order_id")) {
            orders.add(row);
            String discount = text(row, "discount_total");
            boolean discounted = text(row, "coupon_code") != null
                    || (discount != null
                            && Money.parse(discount, store.currencyUnit()).minor() > 0);
            fold(row)
                    .addOrder(
                            OrderStatus.fromCode(row.get("status")),
                            instant(row, "created_at"),
                            Money.parse(row.get("total"), store.currencyUnit()).minor(),
                            discounted);
        }
        Map<String, String> productCategory = new HashMap<>();
        for (Map<String, String> row : latest(folder.resolve("products.csv"), "product_id")) {
            if (text(row, "category") != null) {
                productCategory.put(row.get("product_id"), text(row, "category"));
            }
        }
        for (Map<String, String> row : rows(folder.resolve("order_items.csv"))) {
            String category = productCategory.get(row.get("product_id"));
            if (category != null) {
                categories
                        .computeIfAbsent(row.get("order_id"), o -> new java.util.TreeSet<>())
                        .add(category);
            }
        }
        for (Map<String, String> row : latest(folder.resolve("carts.csv"), "cart_id")) {
            if (text(row, "customer_id") != null) {
                fold(row).addCart(CartStatus.fromCode(row.get("status")));
            }
        }
        for (Map<String, String> row : latest(folder.resolve("reviews.csv"), "review_id")) {
            fold(row)
                    .addReview(
                            row.get("review_id"),
                            text(row, "product_id") == null,
                            Integer.parseInt(row.get("rating").strip()),
                            instant(row, "created_at"));
        }
        for (Map<String, String> row : latest(folder.resolve("wishlist.csv"), "customer_id", "product_id")) {
            fold(row).addWishlistItem();
        }
    }

    /**
     * customer id → next category, as the server's refresh takes it from {@code ProductAnalytics}: the baskets read
     * as {@code JdbcBaskets} reads them (the counted orders in id order, each with its lines in file order, a line's
     * category its product's, none for an unknown product), the core's next-product model with its default options.
     */
    Map<String, String> nextCategories() throws IOException {
        if (nextCategories == null) {
            nextCategories = java.util.Collections.unmodifiableMap(computeNextCategories());
        }
        return nextCategories;
    }

    private Map<String, String> computeNextCategories() throws IOException {
        Path folder = Path.of(store.folder());
        Map<String, String> productCategory = new HashMap<>();
        for (Map<String, String> row : latest(folder.resolve("products.csv"), "product_id")) {
            productCategory.put(row.get("product_id").strip(), row.get("category"));
        }
        Map<String, List<String>> linesOf = new HashMap<>();
        for (Map<String, String> row : rows(folder.resolve("order_items.csv"))) {
            linesOf.computeIfAbsent(row.get("order_id").strip(), o -> new ArrayList<>())
                    .add(row.get("product_id").strip());
        }
        TreeMap<String, Map<String, String>> counted = new TreeMap<>();
        for (Map<String, String> row : orders) {
            if (OrderStatus.fromCode(row.get("status")).isCounted()
                    && linesOf.containsKey(row.get("order_id").strip())) {
                counted.put(row.get("order_id").strip(), row);
            }
        }
        if (counted.isEmpty()) {
            return Map.of();
        }
        Baskets.Builder baskets = Baskets.builder();
        counted.forEach((id, row) -> {
            baskets.order(
                    baskets.customer(row.get("customer_id").strip()),
                    Dates.dateIn(instant(row, "created_at"), store.zone()).toEpochDay());
            for (String product : linesOf.get(id)) {
                baskets.line(baskets.product(product, productCategory.get(product)), 0);
            }
        });
        return NextCategories.of(NextProducts.train(baskets.build(), NextProducts.Options.DEFAULT));
    }

    /**
     * customer id → browsing aggregates as the server's {@code JdbcBrowsing.recompute} takes them at {@code now}
     * from the folder's {@code browsing_events.csv} (each event of a visitor linked to the customer): its grouped
     * queries, written out here — the events before {@code now}; the last; the distinct sessions, page and product
     * views from 30 days of 24 hours before {@code now}; the distinct sessions of all; the products and categories of
     * the product views since the store's midnight 399 days before {@code now}'s day, each with the store-local day of
     * its last view (the most recent first, 200 at most). A customer without an event has none.
     */
    Map<String, BrowsingStats> browsing(Instant now) throws IOException {
        Map<String, BrowsingStats> known = browsing.get(now);
        if (known == null) {
            known = java.util.Collections.unmodifiableMap(computeBrowsing(now));
            browsing.put(now, known);
        }
        return known;
    }

    private Map<String, BrowsingStats> computeBrowsing(Instant now) throws IOException {
        Map<String, List<Map<String, String>>> byCustomer = new TreeMap<>();
        for (Map<String, String> row : rows(Path.of(store.folder()).resolve(BrowsingJob.FILE))) {
            if (instant(row, "occurred_at").isBefore(now)) {
                byCustomer
                        .computeIfAbsent(row.get("customer_id").strip(), c -> new ArrayList<>())
                        .add(row);
            }
        }
        Instant since = now.minus(java.time.Duration.ofDays(30));
        Instant sinceViewed = LocalDate.ofInstant(now, store.zone())
                .minusDays(399)
                .atStartOfDay(store.zone())
                .toInstant();
        Map<String, BrowsingStats> stats = new TreeMap<>();
        byCustomer.forEach((customer, events) -> {
            Instant last = events.stream()
                    .map(e -> instant(e, "occurred_at"))
                    .max(Instant::compareTo)
                    .orElseThrow();
            java.util.function.Predicate<Map<String, String>> recent =
                    e -> !instant(e, "occurred_at").isBefore(since);
            long sessions30d = events.stream()
                    .filter(recent)
                    .map(e -> text(e, "session_id"))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .count();
            long pages = events.stream()
                    .filter(recent)
                    .filter(e -> "page".equals(text(e, "kind")))
                    .count();
            long products = events.stream()
                    .filter(recent)
                    .filter(e -> "product".equals(text(e, "kind")))
                    .count();
            long sessions = events.stream()
                    .map(e -> text(e, "session_id"))
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .count();
            Map<String, Instant> lastView = new HashMap<>(); // "product NUL category" → its last view
            events.stream()
                    .filter(e -> "product".equals(text(e, "kind")))
                    .filter(e -> !instant(e, "occurred_at").isBefore(sinceViewed))
                    .forEach(e -> lastView.merge(
                            java.util.Objects.toString(text(e, "product_id"), "")
                                    + '\u0000'
                                    + java.util.Objects.toString(text(e, "category"), ""),
                            instant(e, "occurred_at"),
                            (a, b) -> a.compareTo(b) >= 0 ? a : b));
            Map<String, Integer> productDays = new LinkedHashMap<>();
            Map<String, Integer> categoryDays = new LinkedHashMap<>();
            lastView.entrySet().stream()
                    .sorted(Map.Entry.<String, Instant>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> {
                        String[] key = e.getKey().split("\u0000", -1);
                        int day = (int) Dates.dateIn(e.getValue(), store.zone()).toEpochDay();
                        if (!key[0].isEmpty() && productDays.size() < 200) {
                            productDays.putIfAbsent(key[0], day);
                        }
                        if (!key[1].isEmpty() && categoryDays.size() < 200) {
                            categoryDays.putIfAbsent(key[1], day);
                        }
                    });
            stats.put(
                    customer,
                    new BrowsingStats(
                            last,
                            (int) sessions30d,
                            (int) pages,
                            (int) products,
                            (int) sessions,
                            new BrowsingStats.Viewed(productDays, categoryDays)));
        });
        return stats;
    }

    /** customer id → the card's export row, as of {@code today}. */
    Map<String, List<String>> cards(LocalDate today) {
        Map<String, List<String>> rows = new TreeMap<>();
        folds.forEach((id, fold) ->
                rows.put(id, CardColumns.row(id, fold.card(), store.currencyUnit(), today, store.zone())));
        return rows;
    }

    /**
     * group → members, by the engine's {@code StoreGroups} ({@link EngineGroups}): each customer with her card and
     * her analytics card fields as of {@code today} ({@link #analytics}, {@link AnalyticsFields#of}), the rules, and
     * the manual lists of the folder's {@code group_lists.csv} (a later row of a group and customer wins).
     */
    /**
     * Each customer's loyalty standing at {@code now} as the engine's ledger book and midnight compute it: the
     * store's program, her entries of {@code loyalty_ledger.csv} recorded before {@code now} in the order of their
     * {@code entry}, and her completed orders as {@code JdbcPurchaseActivity} sums them (the spend since 12 months
     * before {@code now}, the last one), handed to the core's {@code Standings.of}; a customer without an entry is
     * absent (no account: the engine's card has 0 points and no tier).
     */
    Map<String, io.basira.card.LoyaltyStanding> loyalty(Instant now) throws IOException {
        Map<String, io.basira.card.LoyaltyStanding> known = loyalty.get(now);
        if (known == null) {
            known = java.util.Collections.unmodifiableMap(computeLoyalty(now));
            loyalty.put(now, known);
        }
        return known;
    }

    private Map<String, io.basira.card.LoyaltyStanding> computeLoyalty(Instant now) throws IOException {
        Path folder = Path.of(store.folder());
        Map<String, io.basira.card.LoyaltyStanding> standings = new TreeMap<>();
        if (!Files.exists(folder.resolve(LoyaltyJob.PROGRAM))) {
            return standings;
        }
        List<Map<String, String>> programs = rows(folder.resolve(LoyaltyJob.PROGRAM));
        if (programs.isEmpty()) {
            return standings;
        }
        Map<String, String> p = programs.get(0);
        List<io.basira.loyalty.Tier> tiers = new ArrayList<>();
        if (text(p, "tiers") != null) {
            for (String tier : p.get("tiers").split(";")) {
                String[] f = tier.split("\\|");
                tiers.add(new io.basira.loyalty.Tier(
                        f[0],
                        Long.parseLong(f[1]),
                        Integer.parseInt(f[2]),
                        Boolean.parseBoolean(f[3]),
                        Boolean.parseBoolean(f[4])));
            }
        }
        io.basira.loyalty.LoyaltyProgram program = new io.basira.loyalty.LoyaltyProgram(
                Boolean.parseBoolean(p.get("enabled")),
                Instant.parse(p.get("starts_at")),
                Long.parseLong(p.get("earn_points")),
                Long.parseLong(p.get("earn_per_minor")),
                Integer.parseInt(p.get("pending_days")),
                Long.parseLong(p.get("review_points")),
                Long.parseLong(p.get("birthday_points")),
                Long.parseLong(p.get("signup_points")),
                io.basira.loyalty.TierBasis.fromCode(p.get("tier_basis")),
                tiers,
                Integer.parseInt(p.get("expiry_months")),
                Integer.parseInt(p.get("expiry_warning_days")),
                Long.parseLong(p.get("redeem_points")),
                Long.parseLong(p.get("redeem_minor")),
                Long.parseLong(p.get("free_shipping_points")),
                Long.parseLong(p.get("free_product_points")),
                text(p, "free_product_id"),
                io.basira.loyalty.ExpiryKind.fromCode(p.get("expiry_kind")));
        Map<String, TreeMap<Long, io.basira.loyalty.LedgerEntry>> ledgers = new TreeMap<>();
        for (Map<String, String> row : rows(folder.resolve(LoyaltyJob.LEDGER))) {
            Instant recorded = Instant.parse(row.get("recorded_at"));
            if (!recorded.isBefore(now)) {
                continue;
            }
            ledgers.computeIfAbsent(row.get("customer_id"), c -> new TreeMap<>())
                    .put(
                            Long.parseLong(row.get("entry")),
                            new io.basira.loyalty.LedgerEntry(
                                    row.get("customer_id"),
                                    io.basira.loyalty.Cause.fromCode(row.get("cause")),
                                    row.get("ref"),
                                    Long.parseLong(row.get("points")),
                                    Long.parseLong(row.get("shortfall")),
                                    Integer.parseInt(row.get("multiplier_permille")),
                                    Instant.parse(row.get("available_at")),
                                    recorded,
                                    null,
                                    null));
        }
        // SELECT customer_external_id, SUM(CASE WHEN created_at >= ? THEN total_minor ELSE 0 END), MAX(created_at)
        // FROM orders WHERE status = 'completed' GROUP BY customer_external_id (orders created before now)
        Instant since = now.atZone(java.time.ZoneOffset.UTC).minusMonths(12).toInstant();
        Map<String, long[]> spend = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (Map<String, String> row : orders) {
            Instant at = instant(row, "created_at");
            if (OrderStatus.fromCode(row.get("status")) != OrderStatus.COMPLETED || !at.isBefore(now)) {
                continue;
            }
            long[] sum = spend.computeIfAbsent(row.get("customer_id"), c -> new long[1]);
            if (!at.isBefore(since)) {
                sum[0] += Money.parse(row.get("total"), store.currencyUnit()).minor();
            }
            last.merge(row.get("customer_id"), at, (a, b) -> a.isAfter(b) ? a : b);
        }
        ledgers.forEach((customer, entries) -> {
            io.basira.loyalty.PurchaseActivity.Purchases purchases = last.containsKey(customer)
                    ? new io.basira.loyalty.PurchaseActivity.Purchases(spend.get(customer)[0], last.get(customer))
                    : null;
            standings.put(
                    customer,
                    io.basira.loyalty.Standings.of(program, new ArrayList<>(entries.values()), purchases, now));
        });
        return standings;
    }

    Map<String, Set<String>> groups(Map<String, String> rules, LocalDate today) throws IOException {
        Map<String, io.basira.card.LoyaltyStanding> loyalty =
                loyalty(today.plusDays(1).atStartOfDay(store.zone()).toInstant());
        Map<String, AnalyticsFields> analytics = new HashMap<>();
        Map<String, String> next = nextCategories();
        Map<String, BrowsingStats> browsing =
                browsing(today.plusDays(1).atStartOfDay(store.zone()).toInstant());
        for (CustomerAnalytics row : analytics(today).customers()) {
            analytics.put(row.customerId(), AnalyticsFields.of(row).withNextCategory(next.get(row.customerId())));
        }
        List<CustomerSnapshot> snapshots = new ArrayList<>();
        long rowId = 0;
        for (Map.Entry<String, CardAccumulator> e : folds.entrySet()) {
            snapshots.add(new CustomerSnapshot(
                    ++rowId,
                    customer(customers.get(e.getKey())),
                    e.getValue().card(),
                    analytics.get(e.getKey()),
                    loyalty.get(e.getKey()),
                    browsing.get(e.getKey())));
        }
        Map<String, Condition> parsed = new LinkedHashMap<>();
        rules.forEach((key, text) -> parsed.put(
                key,
                RuleText.parse(
                        text,
                        BuiltInFields.catalogue()
                                .with(new BrowsingCardFields(), new io.basira.loyalty.LoyaltyFields()))));
        Map<String, Set<String>> added = new HashMap<>();
        Map<String, Set<String>> excluded = new HashMap<>();
        for (Map<String, String> row :
                latest(Path.of(store.folder()).resolve(GroupLists.FILE), "group", "customer_id")) {
            (row.get("list").strip().equals(GroupLists.ADDED) ? added : excluded)
                    .computeIfAbsent(row.get("group").strip(), g -> new java.util.TreeSet<>())
                    .add(row.get("customer_id").strip());
        }
        Store engineStore = new Store(new StoreId(1), store.slug(), store.slug(), store.currencyUnit(), store.zone());
        return EngineGroups.members(
                engineStore,
                snapshots,
                parsed,
                added,
                excluded,
                new EvaluationContext(today, store.zone(), Money.fractionDigits(store.currencyUnit())));
    }

    CardAnalytics.Result analytics(LocalDate asOf) {
        return analytics.computeIfAbsent(asOf, this::computeAnalytics);
    }

    private CardAnalytics.Result computeAnalytics(LocalDate asOf) {
        StoreFacts.Builder facts =
                StoreFacts.builder(store.zone(), store.currencyUnit()).sortRowsById();
        customers.forEach((id, row) -> facts.customer(
                id,
                text(row, "city"),
                text(row, "region"),
                text(row, "country") == null ? null : text(row, "country").toUpperCase(Locale.ROOT),
                Dates.dateIn(instant(row, "created_at"), store.zone())));
        for (Map<String, String> row : orders) {
            String discount = text(row, "discount_total");
            boolean discounted = text(row, "coupon_code") != null
                    || (discount != null
                            && Money.parse(discount, store.currencyUnit()).minor() > 0);
            facts.order(
                    facts.row(row.get("customer_id")),
                    Dates.dateIn(instant(row, "created_at"), store.zone()).toEpochDay(),
                    OrderStatus.fromCode(row.get("status")),
                    Money.parse(row.get("total"), store.currencyUnit()).minor(),
                    discounted,
                    category(facts, categories.get(row.get("order_id"))));
        }
        return CardAnalytics.compute(facts.build(), asOf);
    }

    private static int category(StoreFacts.Builder facts, Set<String> names) {
        return names == null
                ? StoreFacts.NO_CATEGORY
                : names.size() > 1
                        ? StoreFacts.MIXED_CATEGORIES
                        : facts.categoryCode(names.iterator().next());
    }

    private static List<Map<String, String>> rows(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (CsvReader<NamedCsvRecord> csv =
                CsvReader.builder().ofNamedCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord record : csv) {
                rows.add(new HashMap<>(record.getFieldsAsMap()));
            }
        }
        return rows;
    }

    private CardAccumulator fold(Map<String, String> row) {
        CardAccumulator fold = folds.get(row.get("customer_id"));
        if (fold == null) {
            throw new IllegalStateException("unknown customer " + row);
        }
        return fold;
    }

    private Instant instant(Map<String, String> row, String column) {
        return Dates.parseInstant(row.get(column), store.zone());
    }

    private Customer customer(Map<String, String> row) {
        Set<String> tags = new LinkedHashSet<>();
        if (text(row, "tags") != null) {
            Arrays.stream(row.get("tags").split(";"))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .forEach(tags::add);
        }
        return new Customer(
                row.get("customer_id"),
                text(row, "first_name"),
                text(row, "last_name"),
                text(row, "email"),
                text(row, "phone"),
                text(row, "gender") == null ? null : Gender.fromCode(row.get("gender")),
                text(row, "birth_date") == null
                        ? null
                        : LocalDate.parse(row.get("birth_date").strip()),
                text(row, "city"),
                text(row, "region"),
                text(row, "country") == null ? null : row.get("country").strip().toUpperCase(Locale.ROOT),
                Dates.parseInstant(row.get("created_at"), store.zone()),
                tags);
    }

    static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The file's rows, the later of two with the same key winning (in the place of the first). */
    private static List<Map<String, String>> latest(Path file, String... key) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> csv =
                CsvReader.builder().ofNamedCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord record : csv) {
                Map<String, String> row = new HashMap<>();
                record.getFieldsAsMap()
                        .forEach((name, value) -> row.put(name.strip().toLowerCase(Locale.ROOT), value));
                StringBuilder k = new StringBuilder();
                for (String part : key) {
                    k.append(row.get(part)).append('\u0000');
                }
                byKey.put(k.toString(), row);
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
