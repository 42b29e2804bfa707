package io.basira.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CardAnalytics;
import io.basira.analytics.CustomerAnalytics;
import io.basira.analytics.StoreFacts;
import io.basira.card.CardAccumulator;
import io.basira.card.CardColumns;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
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
 * evaluator, analytics by {@link CardAnalytics} on {@link StoreFacts} built as the server's loader builds them.
 */
final class Reference {

    final Map<String, Map<String, String>> customers = new LinkedHashMap<>();
    final Map<String, CardAccumulator> folds = new TreeMap<>();
    final List<Map<String, String>> orders = new ArrayList<>();
    /** order id → the distinct categories of its lines' products */
    final Map<String, Set<String>> categories = new HashMap<>();

    private final StoreSource store;

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
    Map<String, Set<String>> groups(Map<String, String> rules, LocalDate today) throws IOException {
        Map<String, AnalyticsFields> analytics = new HashMap<>();
        for (CustomerAnalytics row : analytics(today).customers()) {
            analytics.put(row.customerId(), AnalyticsFields.of(row));
        }
        List<CustomerSnapshot> snapshots = new ArrayList<>();
        long rowId = 0;
        for (Map.Entry<String, CardAccumulator> e : folds.entrySet()) {
            snapshots.add(new CustomerSnapshot(
                    ++rowId, customer(customers.get(e.getKey())), e.getValue().card(), analytics.get(e.getKey())));
        }
        Map<String, Condition> parsed = new LinkedHashMap<>();
        rules.forEach((key, text) -> parsed.put(key, RuleText.parse(text, BuiltInFields.catalogue())));
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
