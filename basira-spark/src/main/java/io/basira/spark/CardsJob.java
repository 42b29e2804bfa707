package io.basira.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trim;

import io.basira.card.CardAccumulator;
import io.basira.card.CardColumns;
import io.basira.card.CustomerCard;
import io.basira.card.LoyaltyStanding;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
import io.basira.demo.CanonicalCsv;
import io.basira.fields.AnalyticsCardFields;
import io.basira.segment.Condition;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.RuleEvaluator;
import io.basira.segment.group.GroupDependencies;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every customer's card (and, given rules, her saved groups) for many stores as of one day: the stores' records
 * are read ({@link StoreTables}), parsed by the core's rules ({@link Facts}), grouped by store and customer, and
 * each group is folded by the core's {@link CardAccumulator} and written by {@link CardColumns} — the engine's
 * own code, called from plain static functions. Groups are evaluated by the core's scan evaluator
 * ({@link RuleEvaluator}) in dependency order ({@link GroupDependencies}), on the customer's attributes, card and
 * analytics card fields, with the groups' manual lists ({@link #withGroupFacts}).
 */
public final class CardsJob {

    private CardsJob() {}

    /** What the fold needs beyond the records: each store's currency and zone, the day, the groups' rules. */
    /**
     * What the fold is given: the stores, the as-of day, the groups' rules and, when a rule reads a loyalty field,
     * each store's loyalty program row ({@link LoyaltyJob#programs}; a store without a program absent), else null.
     */
    public record Settings(
            Map<String, StoreSource> stores,
            LocalDate asOf,
            Map<String, String> rules,
            Map<String, List<String>> loyaltyPrograms)
            implements Serializable {

        public Settings(Map<String, StoreSource> stores, LocalDate asOf, Map<String, String> rules) {
            this(stores, asOf, rules, null);
        }
    }

    /** Every record of every store's customers, parsed; later rows of an id win. */
    public static Dataset<Fact> facts(SparkSession spark, List<StoreSource> stores) {
        Map<String, StoreSource> byStore = bySlug(stores);
        var bean = Encoders.bean(Fact.class);
        Dataset<Fact> customers = StoreTables.latest(
                        StoreTables.read(spark, stores, CanonicalCsv.CUSTOMERS), "customer_id")
                .map(customerParser(byStore), bean);
        Dataset<Fact> orders = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.ORDERS), "order_id")
                .join(categories(spark, stores), new String[] {"store", "order_id"}, "left")
                .map(orderParser(byStore), bean);
        Dataset<Fact> carts = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.CARTS), "cart_id")
                .filter(col("customer_id").isNotNull())
                .filter((FilterFunction<Row>) r -> Facts.text(r, "customer_id") != null)
                .map(cartParser(byStore), bean);
        Dataset<Fact> reviews = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.REVIEWS), "review_id")
                .map(reviewParser(byStore), bean);
        Dataset<Fact> wishlist = StoreTables.latest(
                        StoreTables.read(spark, stores, CanonicalCsv.WISHLIST), "customer_id", "product_id")
                .map(wishlistParser(byStore), bean);
        return customers.union(orders).union(carts).union(reviews).union(wishlist);
    }

    /**
     * The facts the groups need besides the records: each customer's analytics card fields as of {@code asOf}
     * (the store's analyses, {@link AnalyticsJob}, one task per store, as the engine's refresh computes them) and
     * her places on the groups' manual lists ({@link GroupLists}; a later row of a group and customer wins), and,
     * when a rule reads {@code next_category}, her next category ({@link NextCategoryJob}: the store's next-product
     * model is trained only then), when a rule reads a browsing field, her visitors' events ({@link BrowsingJob}), and
     * when a rule reads a loyalty field, her ledger entries ({@link LoyaltyJob}; the fold also needs
     * {@link Settings#loyaltyPrograms}).
     */
    public static Dataset<Fact> withGroupFacts(
            SparkSession spark,
            List<StoreSource> stores,
            Dataset<Fact> facts,
            LocalDate asOf,
            Map<String, String> rules) {
        var bean = Encoders.bean(Fact.class);
        Dataset<Fact> analytics =
                AnalyticsJob.analyze(facts, bySlug(stores), asOf).flatMap(analyticsFacts(), bean);
        Dataset<Fact> manual = StoreTables.latest(GroupLists.read(spark, stores), "group", "customer_id")
                .map((MapFunction<Row, Fact>) Facts::manual, bean);
        Dataset<Fact> all = facts.union(analytics).union(manual);
        if (GroupRules.uses(rules, AnalyticsCardFields.NEXT_CATEGORY)) {
            all = all.union(NextCategoryJob.facts(spark, stores));
        }
        if (GroupRules.usesBrowsing(rules)) {
            all = all.union(BrowsingJob.facts(spark, stores));
        }
        if (GroupRules.usesLoyalty(rules)) {
            all = all.union(LoyaltyJob.facts(spark, stores));
        }
        return all;
    }

    private static FlatMapFunction<AnalyticsJob.StoreResult, Fact> analyticsFacts() {
        return result -> {
            List<Fact> out = new ArrayList<>(result.getCustomers().size());
            for (List<String> line : result.getCustomers()) {
                Fact fact = new Fact();
                fact.setStore(result.getStore());
                fact.setCustomerId(line.get(0));
                fact.setKind(Fact.ANALYTICS);
                fact.setValues(line);
                out.add(fact);
            }
            return out.iterator();
        };
    }

    /**
     * Each order's count of distinct product categories and its least category, as the engine's analytics read
     * them: the order's lines joined to the products that have a category.
     */
    static Dataset<Row> categories(SparkSession spark, List<StoreSource> stores) {
        Dataset<Row> products = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.PRODUCTS), "product_id")
                .select(col("store"), col("product_id"), trim(col("category")).as("category"))
                .filter(col("category").isNotNull().and(col("category").notEqual("")));
        return StoreTables.read(spark, stores, CanonicalCsv.ORDER_ITEMS)
                .select("store", "order_id", "product_id")
                .join(products, new String[] {"store", "product_id"})
                .groupBy("store", "order_id")
                .agg(
                        countDistinct(col("category")).cast("int").as("categories"),
                        min(col("category")).as("category"));
    }

    /** One line per customer of every store. */
    public static Dataset<CardLine> cards(Dataset<Fact> facts, Settings settings) {
        return facts.groupByKey((MapFunction<Fact, String>) CardsJob::key, Encoders.STRING())
                .mapGroups(folder(settings), Encoders.bean(CardLine.class))
                .filter((FilterFunction<CardLine>) line -> line.getValues() != null);
    }

    /** The cards as a table: {@code store}, then the columns of {@code basira export customers}' card part. */
    public static Dataset<Row> table(Dataset<CardLine> lines) {
        List<String> header = CardColumns.header();
        List<Column> columns = new ArrayList<>();
        columns.add(col("store"));
        for (int i = 0; i < header.size(); i++) {
            columns.add(col("values").getItem(i).as(header.get(i)));
        }
        return lines.select(columns.toArray(Column[]::new));
    }

    static Map<String, StoreSource> bySlug(List<StoreSource> stores) {
        Map<String, StoreSource> byStore = new LinkedHashMap<>();
        for (StoreSource store : stores) {
            if (byStore.put(store.slug(), store) != null) {
                throw new IllegalArgumentException("the store '" + store.slug() + "' is given twice");
            }
        }
        return byStore;
    }

    // Each function is made in a static method so that it captures only what it names (never an instance).
    private static MapFunction<Row, Fact> customerParser(Map<String, StoreSource> stores) {
        return row -> Facts.customer(row, stores);
    }

    private static MapFunction<Row, Fact> orderParser(Map<String, StoreSource> stores) {
        return row -> Facts.order(row, stores);
    }

    private static MapFunction<Row, Fact> cartParser(Map<String, StoreSource> stores) {
        return row -> Facts.cart(row, stores);
    }

    private static MapFunction<Row, Fact> reviewParser(Map<String, StoreSource> stores) {
        return row -> Facts.review(row, stores);
    }

    private static MapFunction<Row, Fact> wishlistParser(Map<String, StoreSource> stores) {
        return row -> Facts.wishlistItem(row, stores);
    }

    private static MapGroupsFunction<String, Fact, CardLine> folder(Settings settings) {
        return (key, records) -> fold(key, records, settings);
    }

    static String key(Fact fact) {
        return fact.getStore() + '\u0000' + fact.getCustomerId();
    }

    /** One customer's card from her records; no line (values null) for records of an unknown customer. */
    static CardLine fold(String key, Iterator<Fact> records, Settings settings) {
        CardAccumulator card = new CardAccumulator();
        Fact customer = null;
        List<String> analytics = null;
        String nextCategory = null;
        List<Fact> browsing = new ArrayList<>();
        List<Fact> ledger = new ArrayList<>();
        List<Fact> orders = settings.loyaltyPrograms() == null ? null : new ArrayList<>();
        Map<String, String> manual = new HashMap<>();
        while (records.hasNext()) {
            Fact fact = records.next();
            switch (fact.getKind()) {
                case Fact.CUSTOMER -> customer = fact;
                case Fact.ANALYTICS -> analytics = fact.getValues();
                case Fact.MANUAL -> manual.put(fact.getGroup(), fact.getCode());
                case Fact.NEXT_CATEGORY -> nextCategory = fact.getCategory();
                case Fact.BROWSING -> browsing.add(fact);
                case Fact.LOYALTY -> ledger.add(fact);
                case Fact.ORDER -> {
                    card.addOrder(
                            OrderStatus.fromCode(fact.getCode()),
                            fact.instant(),
                            fact.getAmountMinor(),
                            fact.isDiscounted());
                    if (orders != null) {
                        orders.add(fact);
                    }
                }
                case Fact.CART -> card.addCart(CartStatus.valueOf(fact.getCode()));
                case Fact.REVIEW ->
                    card.addReview(fact.getReviewId(), fact.isOfStore(), fact.getRating(), fact.instant());
                case Fact.WISHLIST -> card.addWishlistItem();
                default -> throw new IllegalStateException("unknown record kind " + fact.getKind());
            }
        }
        int split = key.indexOf('\u0000');
        String store = key.substring(0, split);
        String customerId = key.substring(split + 1);
        if (customer == null) {
            return new CardLine(store, customerId, null, null); // the import refuses such records: no card
        }
        StoreSource source = settings.stores().get(store);
        CustomerCard folded = card.card();
        List<String> values =
                CardColumns.row(customerId, folded, source.currencyUnit(), settings.asOf(), source.zone());
        List<String> groups = settings.rules().isEmpty() && manual.isEmpty()
                ? List.of()
                : groupsOf(
                        new CustomerProfile(
                                customer(customer),
                                folded,
                                Set.of(),
                                analytics == null
                                        ? null
                                        : AnalyticsJob.fields(analytics).withNextCategory(nextCategory),
                                loyalty(ledger, orders, store, source, settings),
                                browsing.isEmpty()
                                        ? null
                                        : BrowsingJob.stats(
                                                browsing,
                                                BrowsingJob.now(settings.asOf(), source.zone()),
                                                source.zone())),
                        manual,
                        source,
                        settings);
        return new CardLine(store, customerId, values, groups);
    }

    /** Her loyalty standing at the end of the as-of day, when a rule reads one ({@link LoyaltyJob#standing}). */
    private static LoyaltyStanding loyalty(
            List<Fact> ledger, List<Fact> orders, String store, StoreSource source, Settings settings) {
        if (settings.loyaltyPrograms() == null || ledger.isEmpty()) {
            return LoyaltyStanding.NONE;
        }
        List<String> program = settings.loyaltyPrograms().get(store);
        return LoyaltyJob.standing(
                program == null ? null : LoyaltyJob.program(program),
                ledger,
                orders,
                BrowsingJob.now(settings.asOf(), source.zone()));
    }

    /**
     * The customer's groups as the engine's {@code StoreGroups} decides them: manual-only groups (a key on a list
     * without a rule) first, then the rules in dependency order; a group's membership is (rule members ∪ added)
     * − excluded, and that final membership is what a rule naming the group sees.
     */
    static List<String> groupsOf(
            CustomerProfile profile, Map<String, String> manual, StoreSource source, Settings settings) {
        Map<String, Condition> rules = GroupRules.conditions(settings.rules());
        GroupDependencies dependencies = GroupRules.dependencies(settings.rules());
        RuleEvaluator evaluator = new RuleEvaluator(
                new EvaluationContext(settings.asOf(), source.zone(), Money.fractionDigits(source.currencyUnit())));
        Set<String> in = new HashSet<>();
        manual.forEach((key, list) -> {
            if (!rules.containsKey(key) && GroupLists.ADDED.equals(list)) {
                in.add(key);
            }
        });
        for (String key : dependencies.evaluationOrder()) {
            String list = manual.get(key);
            boolean member = !GroupLists.EXCLUDED.equals(list)
                    && (GroupLists.ADDED.equals(list) || evaluator.matches(rules.get(key), profile, in::contains));
            if (member) {
                in.add(key);
            }
        }
        List<String> sorted = new ArrayList<>(in);
        sorted.sort(null);
        return sorted;
    }

    /** The customer record as the import builds it from the canonical row. */
    static Customer customer(Fact fact) {
        Set<String> tags = new LinkedHashSet<>();
        if (fact.getTags() != null) {
            Arrays.stream(fact.getTags().split(";"))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .forEach(tags::add);
        }
        return new Customer(
                fact.getCustomerId(),
                fact.getFirstName(),
                fact.getLastName(),
                fact.getEmail(),
                fact.getPhone(),
                fact.getGender() == null ? null : Gender.fromCode(fact.getGender()),
                fact.getBirthDate() == null ? null : Dates.parseDate(fact.getBirthDate()),
                fact.getCity(),
                fact.getRegion(),
                fact.getCountry() == null ? null : fact.getCountry().toUpperCase(Locale.ROOT),
                fact.instant(),
                tags);
    }
}
