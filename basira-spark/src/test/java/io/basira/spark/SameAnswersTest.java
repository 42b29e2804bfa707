package io.basira.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.basira.analytics.CardAnalytics;
import io.basira.analytics.CustomerAnalytics;
import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.GammaGammaParameters;
import io.basira.card.CardColumns;
import io.basira.demo.CanonicalParquet;
import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract: the Spark job, in local mode, gives the engine's answers — every card cell, every group's members,
 * every analytics cell and the CLV parameters (within 1e-9 relative) — on the demo store and on CDNOW, computed
 * directly by the core ({@link Reference}). Both stores go through one job run, as a platform's stores would.
 */
class SameAnswersTest {

    static final LocalDate DEMO_AS_OF = LocalDate.of(2026, 3, 31);
    static final LocalDate CDNOW_AS_OF = LocalDate.of(1997, 9, 30);

    @TempDir
    static Path dir;

    static SparkSession spark;
    static StoreSource demo;
    static StoreSource cdnow;
    /** both stores' records, read and parsed once for every test */
    static org.apache.spark.sql.Dataset<Fact> facts;
    /** {@link #csvCards()}: both stores' cards, computed once */
    static Map<String, Map<String, List<String>>> csvCards;
    /** {@link #reference}: each store's engine answers, read once */
    static final Map<String, Reference> references = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.session();
        Path demoFolder = dir.resolve("demo");
        new DemoStoreGenerator().write(DemoStoreSpec.defaults(), demoFolder);
        demo = new StoreSource(
                "demo",
                demoFolder.toString(),
                DemoStoreSpec.defaults().currency().getCurrencyCode(),
                DemoStoreSpec.defaults().timeZone().getId(),
                false);
        cdnow = new StoreSource("cdnow", cdnowFolder(dir.resolve("cdnow")).toString(), "USD", "UTC", false);
        writeBrowsingEvents(demo, DEMO_AS_OF);
        // demo: tiers by spend, points expiring per lot; CDNOW: tiers by points earned, expiry by inactivity
        writeLoyalty(
                demo,
                DEMO_AS_OF,
                "true,2024-01-01T00:00:00Z,1,100,14,20,0,0,spend_12m,silver|50000|1200|false|false;gold|200000|1500|true"
                        + "|true,12,lot,7,100,500,0,0,");
        writeLoyalty(
                cdnow,
                CDNOW_AS_OF,
                "true,1997-01-01T00:00:00Z,1,100,7,5,0,0,points_12m,silver|50|1000|false|false;gold|200|1200|false"
                        + "|false,6,inactivity,0,100,100,0,0,");
        facts = CardsJob.facts(spark, List.of(demo, cdnow)).cache();
    }

    /** Every card of both stores, every cell, equals the core's fold. */
    @Test
    void cardsAreTheEngines() throws IOException {
        Map<String, Map<String, List<String>>> byStore = csvCards();
        for (StoreSource store : List.of(demo, cdnow)) {
            Map<String, List<String>> expected = reference(store).cards(DEMO_AS_OF);
            assertThat(byStore.get(store.slug())).as(store.slug()).hasSize(expected.size());
            expected.forEach((id, row) -> assertThat(byStore.get(store.slug()).get(id))
                    .as(store.slug() + " " + id)
                    .isEqualTo(row));
        }
        assertThat(byStore.get("cdnow")).hasSize(2357);
        assertThat(byStore.get("demo")).hasSize(DemoStoreSpec.defaults().customers());
    }

    /**
     * Both stores' cards from their CSV folders as of {@link #DEMO_AS_OF}: computed once (one job run) and compared
     * by every test that needs them (the engine's, the Parquet folders').
     */
    static Map<String, Map<String, List<String>>> csvCards() {
        if (csvCards == null) {
            List<StoreSource> stores = List.of(demo, cdnow);
            csvCards = cardsByStore(
                    CardsJob.cards(facts, new CardsJob.Settings(CardsJob.bySlug(stores), DEMO_AS_OF, Map.of())));
        }
        return csvCards;
    }

    /** store → customer id → the card's cells (the columns of {@link CardColumns#header}), from one collect. */
    static Map<String, Map<String, List<String>>> cardsByStore(org.apache.spark.sql.Dataset<CardLine> cards) {
        List<Row> rows = CardsJob.table(cards).collectAsList();
        Map<String, Map<String, List<String>>> byStore = new TreeMap<>();
        for (Row row : rows) {
            assertThat(row.length() - 1).isEqualTo(CardColumns.header().size());
            List<String> values = new ArrayList<>();
            for (int i = 1; i < row.length(); i++) {
                values.add(row.getString(i));
            }
            assertThat(byStore.computeIfAbsent(row.getString(0), s -> new TreeMap<>())
                            .put(values.get(0), values))
                    .as(row.getString(0) + " " + values.get(0) + " given twice")
                    .isNull();
        }
        return byStore;
    }

    /** The engine's answers of the store, read from its folder once ({@link Reference} does not change it). */
    static Reference reference(StoreSource store) throws IOException {
        Reference reference = references.get(store.slug());
        if (reference == null) {
            reference = new Reference(store);
            references.put(store.slug(), reference);
        }
        return reference;
    }

    /**
     * The demo store as typed Parquet — converted by the job's {@link ParquetFolder} and by the server's export
     * ({@code basira export store --format parquet}: the core's {@link CanonicalParquet}, written without Hadoop) —
     * gives the same cards as its CSV folder, every cell; both folders are read in one job run, as two stores. The
     * job's conversion also gives the same browsing events, ledger entries and loyalty program.
     */
    @Test
    void parquetFoldersGiveTheSameCards() throws IOException {
        Path converted = dir.resolve("demo-parquet");
        Map<String, Long> written = ParquetFolder.write(spark, demo, converted.toString());
        assertThat(written)
                .containsEntry("customers.csv", (long) DemoStoreSpec.defaults().customers())
                .containsKey(BrowsingJob.FILE)
                .containsKey(LoyaltyJob.PROGRAM)
                .containsKey(LoyaltyJob.LEDGER)
                .hasSizeGreaterThanOrEqualTo(10); // the seven canonical files, browsing, loyalty (and the lists)
        Path exported = dir.resolve("demo-export-parquet");
        assertThat(CanonicalParquet.write(Path.of(demo.folder()), demo.zone(), exported))
                .containsEntry("customers.csv", (long) DemoStoreSpec.defaults().customers());
        StoreSource job = new StoreSource("job-parquet", converted.toString(), demo.currency(), demo.timeZone(), true);
        StoreSource server =
                new StoreSource("server-parquet", exported.toString(), demo.currency(), demo.timeZone(), true);
        List<StoreSource> parquet = List.of(job, server);
        Map<String, Map<String, List<String>>> cards = cardsByStore(CardsJob.cards(
                CardsJob.facts(spark, parquet), new CardsJob.Settings(CardsJob.bySlug(parquet), DEMO_AS_OF, Map.of())));
        assertThat(cards.get(job.slug()))
                .hasSize(DemoStoreSpec.defaults().customers())
                .isEqualTo(csvCards().get("demo"));
        assertThat(cards.get(server.slug()))
                .hasSize(DemoStoreSpec.defaults().customers())
                .isEqualTo(csvCards().get("demo"));
        // the events (occurred_at typed, read back) and the ledger of both folders, in one job run
        Map<String, List<String>> read = new TreeMap<>();
        List<StoreSource> both = List.of(demo, job);
        for (Fact f : BrowsingJob.facts(spark, both)
                .union(LoyaltyJob.facts(spark, both))
                .collectAsList()) {
            String text = f.getKind() == Fact.BROWSING
                    ? String.join(
                            "|",
                            f.getCustomerId(),
                            String.valueOf(f.getSessionId()),
                            f.instant().toString(),
                            f.getCode(),
                            String.valueOf(f.getProductId()),
                            String.valueOf(f.getCategory()))
                    : f.getCustomerId() + " " + f.getEntry() + " " + f.getCode() + " " + f.getRef() + " "
                            + f.getAmountMinor() + " " + f.instant() + " " + f.getAvailableEpochSecond();
            read.computeIfAbsent(f.getStore() + " " + f.getKind(), k -> new ArrayList<>())
                    .add(text);
        }
        read.values().forEach(texts -> texts.sort(null));
        for (int kind : new int[] {Fact.BROWSING, Fact.LOYALTY}) {
            assertThat(read.get(job.slug() + " " + kind))
                    .as("kind " + kind)
                    .hasSizeGreaterThan(1000)
                    .isEqualTo(read.get("demo " + kind));
        }
        Map<String, List<String>> programs = LoyaltyJob.programs(spark, both);
        assertThat(programs.get(job.slug())).isNotNull().isEqualTo(programs.get("demo"));
    }

    /**
     * {@code --stores} given as a {@code file://} URI is listed through Hadoop's FileSystem (the path an
     * {@code s3a://} root takes): the manifest's currency and zone, the folders as qualified URIs, a plain file
     * skipped, and the job reads the listed store.
     */
    @Test
    void storesAreListedThroughHadoopsFileSystem() throws IOException {
        Path root = dir.resolve("platform");
        Path copy = Files.createDirectories(root.resolve("cdnow"));
        for (String file : List.of("customers.csv", "orders.csv")) {
            Files.copy(Path.of(cdnow.folder()).resolve(file), copy.resolve(file));
        }
        Files.createDirectories(root.resolve("empty-store"));
        Files.writeString(
                root.resolve("stores.csv"), "store,currency,time_zone\ncdnow,USD,UTC\nempty-store,SAR,Asia/Riyadh\n");
        List<StoreSource> listed = Main.stores(
                Map.of("stores", root.toUri().toString()), spark.sparkContext().hadoopConfiguration());
        assertThat(listed).extracting(StoreSource::slug).containsExactly("cdnow", "empty-store");
        assertThat(listed.get(0).folder()).startsWith("file:/").endsWith("/platform/cdnow");
        assertThat(listed.get(0).currency()).isEqualTo("USD");
        assertThat(listed.get(1).timeZone()).isEqualTo("Asia/Riyadh");
        assertThat(listed.get(0).file("ORDERS.csv", spark.sparkContext().hadoopConfiguration()))
                .get()
                .asString()
                .startsWith("file:/")
                .endsWith("/platform/cdnow/orders.csv");
        long cards = CardsJob.cards(
                        CardsJob.facts(spark, listed),
                        new CardsJob.Settings(CardsJob.bySlug(listed), CDNOW_AS_OF, Map.of()))
                .count();
        assertThat(cards).isEqualTo(2357);
    }

    /**
     * Every saved group's members equal the engine's ({@code StoreGroups}), groups that name groups included, rules
     * over the analytics card fields (RFM group, customer type, CLV predictions) computed inside the job, and the
     * demo store's manual lists ({@code group_lists.csv}: additions, exclusions, a manual-only group).
     */
    @Test
    void groupsAreTheEngines() throws IOException {
        Path rulesFile = dir.resolve("rules.csv");
        String top = mostFrequent(reference(demo).nextCategories());
        String[] viewed = mostViewed(reference(demo).browsing(BrowsingJob.now(DEMO_AS_OF, demo.zone())));
        Files.writeString(
                rulesFile,
                String.join(
                                "\n",
                                "group,rule",
                                "big,total_spent > 1000",
                                "repeat,order_count >= 2",
                                "lapsed,days_since_last_purchase > 180 OR last_purchase_at IS NULL",
                                "big_repeat,group = 'big' AND group = 'repeat'",
                                "women_sa,gender = 'female' AND country IN ('SA')",
                                "\"quoted\",\"discount_share >= 0.5 AND NOT (group = 'lapsed')\"",
                                "champions,\"rfm_group IN ('champions', 'loyal')\"",
                                "valuable,predicted_value_12m > 150 AND p_alive >= 0.5",
                                "types,customer_type = 'loyal' OR regularity = 'regular' OR churn_risk = 'high'",
                                "scored,rfm_recency >= 4 AND expected_purchases_90d > 0.2 OR revenue_percentile <= 20",
                                "hand_or_champion,group = 'hand' OR group = 'champions'",
                                "next_top,\"next_category = '" + top.replace("'", "''") + "'\"",
                                "next_other,next_category IS NOT NULL AND NOT (group = 'next_top')",
                                "next_none,next_category IS NULL AND order_count >= 1",
                                "browsers,sessions_30d >= 2",
                                "viewers,product_views_30d > 0 AND page_views_30d >= 1",
                                "returning,visitor_type = 'returning'",
                                "points_100,loyalty_points >= 100",
                                "gold,loyalty_tier = 'gold'",
                                "no_tier,loyalty_tier IS NULL AND order_count >= 1",
                                "expiring,points_expiring_30d > 0",
                                "lifetime,lifetime_points > 500 AND NOT (group = 'gold')",
                                "new_visitors,visitor_type = 'new'",
                                "seen_month,last_seen_at >= -30d",
                                "never_seen,last_seen_at IS NULL AND order_count >= 1",
                                "looked_p,\"viewed_products_45d = '" + viewed[0] + "'\"",
                                "looked_c,\"viewed_categories_7d IN ('" + viewed[1] + "', '" + viewed[2] + "')\"")
                        + "\n");
        List<String> ids = Files.readAllLines(Path.of(demo.folder()).resolve("customers.csv")).subList(1, 7).stream()
                .map(line -> line.split(",")[0])
                .toList();
        Files.writeString(
                Path.of(demo.folder()).resolve(GroupLists.FILE),
                String.join(
                                "\n",
                                "group,customer_id,list",
                                "big," + ids.get(0) + ",added",
                                "big," + ids.get(1) + ",excluded",
                                "champions," + ids.get(2) + ",excluded",
                                "hand," + ids.get(3) + ",added",
                                "hand," + ids.get(4) + ",added",
                                "hand," + ids.get(4) + ",excluded",
                                "hand," + ids.get(5) + ",added")
                        + "\n");
        Map<String, String> rules = GroupRules.read(rulesFile);
        List<StoreSource> stores = List.of(demo, cdnow);
        List<Row> members = GroupsOutput.members(CardsJob.cards(
                        CardsJob.withGroupFacts(spark, stores, facts, DEMO_AS_OF, rules),
                        new CardsJob.Settings(
                                CardsJob.bySlug(stores), DEMO_AS_OF, rules, LoyaltyJob.programs(spark, stores))))
                .collectAsList();
        Map<String, Map<String, Set<String>>> byStore = new TreeMap<>();
        for (StoreSource store : stores) {
            Map<String, Set<String>> actual = new TreeMap<>();
            for (Row row : members) {
                if (row.getString(0).equals(store.slug())) {
                    actual.computeIfAbsent(row.getString(1), g -> new TreeSet<>())
                            .add(row.getString(2));
                }
            }
            Map<String, Set<String>> expected = reference(store).groups(rules, DEMO_AS_OF);
            assertThat(actual).as(store.slug()).isEqualTo(expected);
            byStore.put(store.slug(), actual);
        }
        Map<String, Set<String>> demoGroups = byStore.get("demo");
        assertThat(demoGroups)
                .containsKeys("big_repeat", "champions", "valuable", "types", "scored", "next_top", "next_other")
                .containsKeys("browsers", "viewers", "returning", "new_visitors", "seen_month", "never_seen")
                .containsKeys("looked_p", "looked_c")
                .containsKeys("points_100", "gold", "no_tier", "expiring", "lifetime");
        assertThat(byStore.get("cdnow")).doesNotContainKeys("browsers", "seen_month"); // no browsing events
        assertThat(byStore.get("cdnow")).doesNotContainKeys("next_top", "next_other"); // no order lines
        assertThat(demoGroups.get("hand")).containsExactlyInAnyOrder(ids.get(3), ids.get(5));
        assertThat(demoGroups.get("big")).contains(ids.get(0)).doesNotContain(ids.get(1));
        assertThat(demoGroups.get("champions")).doesNotContain(ids.get(2));
        assertThat(demoGroups.get("hand_or_champion")).contains(ids.get(3)).containsAll(demoGroups.get("champions"));
    }

    /**
     * Every customer's next category, customer by customer, equals the engine's (the core's next-product model on
     * the baskets as the server reads them); CDNOW, without order lines, has none.
     */
    @Test
    void nextCategoriesAreTheEngines() throws IOException {
        Map<String, Map<String, String>> byStore = new TreeMap<>();
        for (Fact fact : NextCategoryJob.facts(spark, List.of(demo, cdnow)).collectAsList()) {
            assertThat(byStore.computeIfAbsent(fact.getStore(), s -> new TreeMap<>())
                            .put(fact.getCustomerId(), fact.getCategory()))
                    .as(fact.getStore() + " " + fact.getCustomerId() + " given twice")
                    .isNull();
        }
        Map<String, String> expected = new TreeMap<>(reference(demo).nextCategories());
        assertThat(byStore.get("demo")).isEqualTo(expected);
        assertThat(new TreeSet<>(expected.values())).hasSizeGreaterThan(2);
        assertThat(expected.size()).isGreaterThan(DemoStoreSpec.defaults().customers() / 2);
        assertThat(byStore).doesNotContainKey("cdnow");
        assertThat(reference(cdnow).nextCategories()).isEmpty();
    }

    /**
     * Every customer's browsing aggregates, customer by customer and field by field (last seen, the 30-day counts,
     * the sessions, each viewed product and category with its day), equal the engine's recomputation at the end of
     * the as-of day; events after it are left out; CDNOW, without browsing events, has none.
     */
    @Test
    void browsingIsTheEngines() throws IOException {
        java.time.Instant now = BrowsingJob.now(DEMO_AS_OF, demo.zone());
        Map<String, List<Fact>> events = new TreeMap<>();
        for (Fact fact : BrowsingJob.facts(spark, List.of(demo, cdnow)).collectAsList()) {
            assertThat(fact.getStore()).isEqualTo("demo");
            events.computeIfAbsent(fact.getCustomerId(), c -> new ArrayList<>()).add(fact);
        }
        Map<String, io.basira.browsing.BrowsingStats> actual = new TreeMap<>();
        events.forEach((customer, list) -> {
            io.basira.browsing.BrowsingStats stats = BrowsingJob.stats(list, now, demo.zone());
            if (stats != null) {
                actual.put(customer, stats);
            }
        });
        Map<String, io.basira.browsing.BrowsingStats> expected = reference(demo).browsing(now);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, stats) -> assertThat(actual.get(id)).as(id).isEqualTo(stats));
        assertThat(expected.values()).anyMatch(b -> b.sessions30d() >= 2);
        assertThat(expected.values()).anyMatch(b -> b.returning() && b.sessions30d() == 0);
        assertThat(expected.values()).anyMatch(b -> !b.returning());
        assertThat(expected.values()).anyMatch(b -> b.viewed().productDays().size() > 3);
        assertThat(expected.values()).allMatch(b -> b.lastSeenAt().isBefore(now));
        assertThat(events.values().stream().flatMap(List::stream))
                .anyMatch(f -> !f.instant().isBefore(now));
        assertThat(reference(cdnow).browsing(now)).isEmpty();
    }

    /**
     * Every customer's loyalty standing, customer by customer (points, pending, lifetime points, tier, points
     * expiring within 30 days), equals the engine's at the end of the as-of day ({@link Reference#loyalty}: the
     * program, the ledger read in the order it was appended and the purchases as {@code JdbcPurchaseActivity} reads
     * them, through the core's {@code Standings.of}); entries recorded from then on are left out. The demo store's
     * tiers go by spend and its points expire per lot; CDNOW's tiers go by points and its points by inactivity.
     */
    @Test
    void loyaltyIsTheEngines() throws IOException {
        List<StoreSource> stores = List.of(demo, cdnow);
        Map<String, List<String>> programs = LoyaltyJob.programs(spark, stores);
        assertThat(programs).containsOnlyKeys("demo", "cdnow");
        Map<String, Map<String, List<Fact>>> ledgers = new TreeMap<>();
        for (Fact fact : LoyaltyJob.facts(spark, stores).collectAsList()) {
            ledgers.computeIfAbsent(fact.getStore(), s -> new TreeMap<>())
                    .computeIfAbsent(fact.getCustomerId(), c -> new ArrayList<>())
                    .add(fact);
        }
        Map<String, Map<String, List<Fact>>> orders = new TreeMap<>();
        for (Fact fact : facts.filter(
                        (org.apache.spark.api.java.function.FilterFunction<Fact>) f -> f.getKind() == Fact.ORDER)
                .collectAsList()) {
            orders.computeIfAbsent(fact.getStore(), s -> new TreeMap<>())
                    .computeIfAbsent(fact.getCustomerId(), c -> new ArrayList<>())
                    .add(fact);
        }
        for (StoreSource store : stores) {
            LocalDate asOf = store == demo ? DEMO_AS_OF : CDNOW_AS_OF;
            java.time.Instant now = BrowsingJob.now(asOf, store.zone());
            Map<String, io.basira.card.LoyaltyStanding> expected =
                    reference(store).loyalty(now);
            Map<String, io.basira.card.LoyaltyStanding> actual = new TreeMap<>();
            ledgers.get(store.slug())
                    .forEach((customer, entries) -> actual.put(
                            customer,
                            LoyaltyJob.standing(
                                    LoyaltyJob.program(programs.get(store.slug())),
                                    entries,
                                    orders.getOrDefault(store.slug(), Map.of()).getOrDefault(customer, List.of()),
                                    now)));
            Set<String> all = new TreeSet<>(expected.keySet());
            all.addAll(actual.keySet());
            for (String customer : all) {
                assertThat(actual.getOrDefault(customer, io.basira.card.LoyaltyStanding.NONE))
                        .as(store.slug() + " " + customer)
                        .isEqualTo(expected.getOrDefault(customer, io.basira.card.LoyaltyStanding.NONE));
            }
            assertThat(expected.size()).as(store.slug()).isGreaterThan(100);
            assertThat(expected.values()).as(store.slug()).anyMatch(l -> "gold".equals(l.tier()));
            assertThat(expected.values()).as(store.slug()).anyMatch(l -> "silver".equals(l.tier()));
            assertThat(expected.values()).as(store.slug()).anyMatch(l -> l.tier() == null && l.points() > 0);
            assertThat(expected.values()).as(store.slug()).anyMatch(l -> l.expiring30d() > 0);
            assertThat(expected.values()).as(store.slug()).anyMatch(l -> l.lifetime() > l.points() + l.pending());
        }
        assertThat(ledgers.get("demo").values().stream().flatMap(List::stream))
                .anyMatch(f -> !f.instant().isBefore(BrowsingJob.now(DEMO_AS_OF, demo.zone())));
    }

    /**
     * A loyalty export ({@link LoyaltyJob#PROGRAM} with {@code program}, {@link LoyaltyJob#LEDGER}): four customers in
     * five have a ledger; each completed or later-cancelled order earns a point a currency unit, recorded an hour
     * after its creation and available 14 days later, some reversed in part two days later (while pending); a review
     * bonus, redemptions of 100 points when as many are available (some released two days later), adjustments of
     * both signs, some expiries; and a few entries on and after the end of the as-of day. Entries are numbered in the
     * order of their instants, as the engine appends them.
     */
    static void writeLoyalty(StoreSource store, LocalDate asOf, String program) throws IOException {
        Path folder = Path.of(store.folder());
        Files.writeString(
                folder.resolve(LoyaltyJob.PROGRAM),
                String.join(",", LoyaltyJob.PROGRAM_COLUMNS) + "\n" + program + "\n");
        Map<String, List<String[]>> ordersOf = new TreeMap<>();
        try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(folder.resolve("orders.csv"))) {
            for (var record : csv) {
                ordersOf.computeIfAbsent(record.getField("customer_id"), c -> new ArrayList<>())
                        .add(new String[] {
                            record.getField("order_id"),
                            record.getField("created_at"),
                            record.getField("status"),
                            record.getField("total")
                        });
            }
        }
        java.time.Instant end = BrowsingJob.now(asOf, store.zone());
        java.util.Random random = new java.util.Random(7);
        List<io.basira.loyalty.LedgerEntry> all = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, List<String[]>> customer : ordersOf.entrySet()) {
            if (c++ % 5 == 0) {
                continue;
            }
            String id = customer.getKey();
            List<io.basira.loyalty.LedgerEntry> mine = new ArrayList<>();
            for (String[] order : customer.getValue()) {
                if (!order[2].strip().equalsIgnoreCase("completed")
                        && !order[2].strip().equalsIgnoreCase("cancelled")) {
                    continue;
                }
                java.time.Instant created = io.basira.shared.Dates.parseInstant(order[1], store.zone());
                long points = io.basira.shared.Money.parse(order[3], store.currencyUnit())
                                .minor()
                        / 100;
                if (points <= 0) {
                    continue;
                }
                java.time.Instant recorded = created.plusSeconds(3600);
                java.time.Instant available = recorded.plus(java.time.Duration.ofDays(14));
                mine.add(entry(id, "order", order[0], points, available, recorded));
                if (order[2].strip().equalsIgnoreCase("cancelled") || random.nextInt(8) == 0) {
                    long back = order[2].strip().equalsIgnoreCase("cancelled") ? points : points / 2;
                    mine.add(entry(
                            id, "reversal", order[0], -back, available, recorded.plus(java.time.Duration.ofDays(2))));
                }
                if (random.nextInt(6) == 0) {
                    java.time.Instant at = recorded.plus(java.time.Duration.ofDays(5));
                    mine.add(entry(id, "review", "V" + order[0], 20, at, at));
                }
                java.time.Instant later = available.plus(java.time.Duration.ofDays(1 + random.nextInt(30)));
                mine.sort(java.util.Comparator.comparing(io.basira.loyalty.LedgerEntry::recordedAt));
                long spendable = io.basira.loyalty.Balance.of(mine, later).available();
                if (spendable >= 100 && random.nextInt(3) == 0) {
                    String ref = "R" + order[0];
                    mine.add(entry(id, "redemption", ref, -100, later, later));
                    if (random.nextInt(3) == 0) {
                        java.time.Instant back = later.plus(java.time.Duration.ofDays(2));
                        mine.add(entry(id, "release", ref, 100, back, back));
                    }
                } else if (spendable >= 10 && random.nextInt(10) == 0) {
                    mine.add(entry(id, "expiry", "E" + order[0], -Math.min(spendable, 30), later, later));
                } else if (random.nextInt(12) == 0) {
                    long delta = random.nextBoolean() ? 50 : -Math.min(spendable, 10);
                    if (delta != 0) {
                        mine.add(entry(id, "adjustment", "A" + order[0], delta, later, later));
                    }
                }
            }
            if (c % 7 == 0) {
                mine.add(entry(id, "adjustment", "edge-before", 40, end.minusSeconds(1), end.minusSeconds(1)));
                mine.add(entry(id, "adjustment", "edge-at", 1000, end, end));
                mine.add(entry(id, "adjustment", "after", 2000, end.plusSeconds(86_400), end.plusSeconds(86_400)));
            }
            all.addAll(mine);
        }
        all.sort(java.util.Comparator.comparing(io.basira.loyalty.LedgerEntry::recordedAt));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            io.basira.loyalty.LedgerEntry e = all.get(i);
            lines.add(String.join(
                    ",",
                    e.customerId(),
                    Long.toString(i + 1),
                    e.cause().code(),
                    e.ref(),
                    Long.toString(e.points()),
                    "0",
                    "1000",
                    e.availableAt().toString(),
                    e.recordedAt().toString()));
        }
        lines.sort(java.util.Comparator.comparing((String l) -> l.substring(0, l.indexOf(',')))
                .thenComparingLong(l -> Long.parseLong(l.split(",")[1])));
        Files.writeString(
                folder.resolve(LoyaltyJob.LEDGER),
                String.join(",", LoyaltyJob.LEDGER_COLUMNS) + "\n" + String.join("\n", lines) + "\n");
    }

    private static io.basira.loyalty.LedgerEntry entry(
            String customer,
            String cause,
            String ref,
            long points,
            java.time.Instant available,
            java.time.Instant recorded) {
        return new io.basira.loyalty.LedgerEntry(
                customer,
                io.basira.loyalty.Cause.fromCode(cause),
                ref,
                points,
                0,
                1000,
                available,
                recorded,
                null,
                null);
    }

    /**
     * A browsing export for the demo store ({@link BrowsingJob#FILE}: the events of visitors linked to customers):
     * two customers in three, one to three visitors each, sessions of page, product, cart, search and identify
     * events over the 420 days before {@code asOf} (half of them in the last 40) and a few in the two days after it,
     * product views of 25 products (their categories; some without), and events on the edges of the 30-day window.
     */
    static void writeBrowsingEvents(StoreSource store, LocalDate asOf) throws IOException {
        List<String[]> products = new ArrayList<>();
        try (var csv = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofNamedCsvRecord(Path.of(store.folder()).resolve("products.csv"))) {
            for (var record : csv) {
                if (products.size() < 25) {
                    products.add(new String[] {record.getField("product_id"), record.getField("category")});
                }
            }
        }
        List<String> customers = Files.readAllLines(Path.of(store.folder()).resolve("customers.csv")).stream()
                .skip(1)
                .map(line -> line.split(",")[0])
                .limit(600)
                .toList();
        java.util.Random random = new java.util.Random(20);
        java.time.Instant end = BrowsingJob.now(asOf, store.zone());
        StringBuilder out = new StringBuilder(String.join(",", BrowsingJob.COLUMNS)).append('\n');
        String[] kinds = {"page", "page", "page", "page", "product", "product", "product", "cart", "search", "identify"
        };
        for (int c = 0; c < customers.size(); c++) {
            if (c % 3 == 0) {
                continue;
            }
            String customer = customers.get(c);
            int visitors = 1 + random.nextInt(3);
            for (int v = 0; v < visitors; v++) {
                String visitor = "v" + c + "-" + v;
                int sessions = 1 + random.nextInt(4);
                for (int s = 0; s < sessions; s++) {
                    String session = visitor + "-s" + s;
                    long back = random.nextBoolean()
                            ? random.nextInt(40 * 86_400)
                            : random.nextInt(420) * 86_400L + random.nextInt(86_400);
                    java.time.Instant start = end.minusSeconds(back);
                    if (random.nextInt(40) == 0) {
                        start = end.plusSeconds(random.nextInt(2 * 86_400)); // after the as-of day
                    }
                    int n = 1 + random.nextInt(8);
                    for (int e = 0; e < n; e++) {
                        String kind = kinds[random.nextInt(kinds.length)];
                        String[] product = products.get(random.nextInt(products.size()));
                        boolean viewed = kind.equals("product") || kind.equals("cart");
                        String category = kind.equals("product") && random.nextInt(6) != 0 ? product[1] : "";
                        out.append(String.join(
                                        ",",
                                        customer,
                                        visitor,
                                        random.nextInt(30) == 0 ? "" : session,
                                        start.plusSeconds(e * 45L).toString(),
                                        kind,
                                        viewed ? quoted(product[0]) : "",
                                        quoted(category)))
                                .append('\n');
                    }
                }
            }
        }
        // the window's edges: an event exactly 30 days before the end counts, one at the end does not
        out.append(String.join(
                        ",",
                        customers.get(1),
                        "edge",
                        "edge-1",
                        end.minus(java.time.Duration.ofDays(30)).toString(),
                        "page",
                        "",
                        ""))
                .append('\n');
        out.append(String.join(",", customers.get(1), "edge", "edge-2", end.toString(), "page", "", ""))
                .append('\n');
        Files.writeString(Path.of(store.folder()).resolve(BrowsingJob.FILE), out, StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** The most viewed product, then the two most viewed categories, within all customers' viewed items. */
    private static String[] mostViewed(Map<String, io.basira.browsing.BrowsingStats> stats) {
        Map<String, Integer> products = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        stats.values().forEach(b -> {
            b.viewed().productDays().keySet().forEach(p -> products.merge(p, 1, Integer::sum));
            b.viewed().categoryDays().keySet().forEach(k -> categories.merge(k, 1, Integer::sum));
        });
        List<String> top = new ArrayList<>(categories.keySet());
        top.sort(java.util.Comparator.comparing((String k) -> -categories.get(k)));
        return new String[] {mostFrequent(invert(products)), top.get(0), top.get(1)};
    }

    /** An item → count map as the key → item form {@link #mostFrequent} counts (one entry per count). */
    private static Map<String, String> invert(Map<String, Integer> counts) {
        Map<String, String> out = new TreeMap<>();
        counts.forEach((item, n) -> {
            for (int i = 0; i < n; i++) {
                out.put(item + "#" + i, item);
            }
        });
        return out;
    }

    /** The category most customers have as their next one (the first in text order on a tie). */
    private static String mostFrequent(Map<String, String> categories) {
        Map<String, Integer> counts = new TreeMap<>();
        categories.values().forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow()
                .getKey();
    }

    /** The demo store's analytics: every cell and the CLV parameters. */
    @Test
    void demoAnalyticsAreTheEngines() throws IOException {
        sameAnalytics(demo, DEMO_AS_OF);
    }

    /**
     * CDNOW's analytics as of the end of the published calibration: the engine's, and the BG/NBD's r, a, b those
     * of BTYD (0.2425982, 0.7929899, 2.4261667; the job fits in days, so alpha is 7 times the weeks' 4.4136842).
     */
    @Test
    void cdnowAnalyticsAreTheEnginesAndThePublishedFit() throws IOException {
        AnalyticsJob.StoreResult result = sameAnalytics(cdnow, CDNOW_AS_OF);
        List<Double> bg = result.getBgNbd();
        assertThat(bg.get(0)).isCloseTo(0.2425982, within(0.2425982 * 1e-3));
        assertThat(bg.get(1) / 7).isCloseTo(4.4136842, within(4.4136842 * 1e-3));
        assertThat(bg.get(2)).isCloseTo(0.7929899, within(0.7929899 * 1e-3));
        assertThat(bg.get(3)).isCloseTo(2.4261667, within(2.4261667 * 1e-3));
    }

    private static AnalyticsJob.StoreResult sameAnalytics(StoreSource store, LocalDate asOf) throws IOException {
        List<AnalyticsJob.StoreResult> results = AnalyticsJob.analyze(
                        facts.filter(org.apache.spark.sql.functions.col("store").equalTo(store.slug())),
                        Map.of(store.slug(), store),
                        asOf)
                .collectAsList();
        assertThat(results).hasSize(1);
        AnalyticsJob.StoreResult result = results.get(0);
        CardAnalytics.Result expected = reference(store).analytics(asOf);
        int digits = store.currencyUnit().getDefaultFractionDigits();
        Map<String, List<String>> expectedRows = new LinkedHashMap<>();
        for (CustomerAnalytics row : expected.customers()) {
            expectedRows.put(row.customerId(), AnalyticsJob.text(row, digits));
        }
        Map<String, List<String>> actualRows = new LinkedHashMap<>();
        result.getCustomers().forEach(row -> actualRows.put(row.get(0), row));
        assertThat(actualRows).isEqualTo(expectedRows);
        assertThat(result.getMethod()).isEqualTo(expected.models().method());
        BgNbdParameters bg = expected.models().bgNbd().parameters().orElseThrow();
        relative(result.getBgNbd(), List.of(bg.r(), bg.alpha(), bg.a(), bg.b(), bg.logLikelihood()));
        GammaGammaParameters gg = expected.models().gammaGamma().parameters().orElseThrow();
        relative(result.getGammaGamma(), List.of(gg.p(), gg.q(), gg.gamma(), gg.logLikelihood()));
        assertThat(actualRows.values()).anyMatch(r -> !r.get(8).isEmpty()); // some P(alive) was scored
        return result;
    }

    private static void relative(List<Double> actual, List<Double> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isCloseTo(expected.get(i), within(Math.abs(expected.get(i)) * 1e-9));
        }
    }

    /**
     * CDNOW_sample.txt as a canonical folder: one customer per sample id (created at her first purchase), one
     * completed order per transaction row (midnight UTC, dollars with two decimals).
     */
    static Path cdnowFolder(Path folder) throws IOException {
        List<String[]> rows;
        try (InputStream in = SameAnswersTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            rows = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+"))
                    .toList();
        }
        Map<String, String> firstDay = new LinkedHashMap<>();
        StringBuilder orders = new StringBuilder("order_id,customer_id,created_at,status,total\n");
        int n = 0;
        for (String[] r : rows) {
            String day = r[2].substring(0, 4) + "-" + r[2].substring(4, 6) + "-" + r[2].substring(6, 8);
            firstDay.merge(r[1], day, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            orders.append("T")
                    .append(++n)
                    .append(',')
                    .append(r[1])
                    .append(',')
                    .append(day)
                    .append("T00:00:00Z,completed,")
                    .append(new BigDecimal(r[4]).setScale(2).toPlainString())
                    .append('\n');
        }
        StringBuilder customers = new StringBuilder("customer_id,created_at\n");
        firstDay.forEach(
                (id, day) -> customers.append(id).append(',').append(day).append("T00:00:00Z\n"));
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("orders.csv"), orders, StandardCharsets.UTF_8);
        return folder;
    }
}
