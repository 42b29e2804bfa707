package io.basira.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.template.SegmentTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndexBenchmarksComputeTheRightAnswerTest {

    @Test
    void the_scan_benchmark_counts_the_members_the_reference_audience_finds() {
        IndexScanBenchmark bench = new IndexScanBenchmark();
        bench.rows = 70_000;
        bench.threads = 2;
        bench.setUp();
        try {
            ScanAudience reference = new ScanAudience();
            SyntheticStore.forEach(5_000, DuckDbSideBySide.DATA_SEED, reference::upsert);
            IndexedAudience small = SyntheticStore.build(5_000, DuckDbSideBySide.DATA_SEED, null, 1);
            long expected = 0;
            long actual = 0;
            for (Condition rule : bench.rules) {
                expected += reference
                        .members(rule, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS)
                        .getLongCardinality();
                actual += small.members(rule, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS)
                        .getLongCardinality();
            }
            assertThat(actual).isEqualTo(expected).isPositive();
            assertThat(bench.hundredGroups()).isPositive();
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void the_event_benchmark_upserts_the_new_card_and_retests_every_group() {
        IndexEventBenchmark bench = new IndexEventBenchmark();
        bench.rows = 2_000;
        bench.setUp();
        int memberships = bench.orderArrivesAndHundredGroupsAreRetested();

        ScanAudience reference = new ScanAudience();
        SyntheticStore.forEach(2_000, DuckDbSideBySide.DATA_SEED, reference::upsert);
        SyntheticStore.Shopper shopper = bench.eventShoppers[0];
        int row = reference.upsert(
                new CustomerSnapshot(bench.eventKeys[0], shopper.customer(), shopper.card(1, bench.orderAt, 12_345)));
        assertThat(bench.audience.rowOf(bench.eventKeys[0])).isEqualTo(row);
        long expected = 0;
        for (Condition rule : bench.rules) {
            expected += reference.matches(rule, row, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS) ? 1 : 0;
        }
        assertThat(memberships).isEqualTo(expected);
        assertThat(shopper.card(1, bench.orderAt, 12_345).orderCount())
                .isEqualTo(shopper.card().orderCount() + 1);
    }

    @Test
    void the_hundred_groups_are_the_templates_and_random_rules_of_one_to_five_conditions() {
        List<String> texts = new RandomRules(DuckDbSideBySide.RULE_SEED).texts(RandomRules.GROUPS);
        assertThat(texts).hasSize(100).startsWith(SegmentTemplates.all().get(0).rule());
        assertThat(new RandomRules(DuckDbSideBySide.RULE_SEED).rules(RandomRules.GROUPS))
                .hasSize(100);
    }

    @Test
    void duckdb_counts_the_same_members_as_the_audience_for_every_group() throws Exception {
        Path csv = Files.createTempFile("basira-test-customers", ".csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            IndexedAudience audience =
                    DuckDbSideBySide.loadBoth(4_000, 5, csv, duck, new IndexedAudience(SyntheticStore.ZONE, 2, 0));
            int splitting = 0;
            for (Condition rule : new RandomRules(DuckDbSideBySide.RULE_SEED).rules(RandomRules.GROUPS)) {
                long members = audience.members(rule, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS)
                        .getLongCardinality();
                String where = SqlTwin.where(rule, SyntheticStore.TODAY);
                assertThat(DuckDbSideBySide.count(statement, where)).as(where).isEqualTo(members);
                splitting += members > 0 && members < 4_000 ? 1 : 0;
            }
            assertThat(splitting).isGreaterThan(50);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /**
     * The rule field next_category (an analytics field, text): the index, the reference scan and DuckDB's SQL twin
     * select the same customers, those without analytics or without a category included; a category holding a comma
     * and a quote reaches DuckDB intact.
     */
    @Test
    void duckdb_the_index_and_the_reference_agree_on_the_next_category() throws Exception {
        String[] categories = {"abayas", "Abayas", "عطور", "shoes, \"bags\"", null};
        List<CustomerSnapshot> customers = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            io.basira.commerce.Customer customer = new io.basira.commerce.Customer(
                    "c" + i,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Instant.parse("2024-01-01T09:00:00Z"),
                    Set.of());
            io.basira.card.CustomerCard card =
                    new io.basira.card.CustomerCard(i % 4, 1_000L * (i % 4), 0, 0, null, null, 0, null, 0, 0, 0);
            io.basira.analytics.AnalyticsFields analytics = i % 7 == 0
                    ? null
                    : new io.basira.analytics.AnalyticsFields(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            categories[i % categories.length]);
            customers.add(new CustomerSnapshot(i, customer, card, analytics));
        }
        Path csv = Files.createTempFile("basira-test-next-category", ".csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            IndexedAudience audience = DuckDbSideBySide.loadBoth(
                    customers::forEach, csv, duck, new IndexedAudience(SyntheticStore.ZONE, 2, 0));
            ScanAudience reference = new ScanAudience();
            customers.forEach(reference::upsert);
            for (String text : List.of(
                    "next_category = 'abayas'",
                    "next_category != 'abayas'",
                    "next_category IN ('Abayas', 'عطور')",
                    "next_category IS NULL",
                    "next_category IS NOT NULL",
                    "NOT (next_category = 'abayas') AND order_count > 1",
                    "next_category = 'shoes, \"bags\"'",
                    "next_category = 'abayas' OR order_count = 3")) {
                Condition rule = io.basira.segment.text.RuleText.parse(text);
                long members = audience.members(rule, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS)
                        .getLongCardinality();
                assertThat(members)
                        .as(text)
                        .isEqualTo(reference
                                .members(rule, SyntheticStore.CONTEXT, IndexScanBenchmark.NO_GROUPS)
                                .getLongCardinality());
                assertThat(DuckDbSideBySide.count(statement, SqlTwin.where(rule, SyntheticStore.TODAY)))
                        .as(text)
                        .isEqualTo(members);
            }
            // 200 customers, every 7th without analytics; the others cycle through the four categories and none
            long abayas = customers.stream()
                    .filter(c -> c.analytics() != null
                            && "abayas".equals(c.analytics().nextCategory()))
                    .count();
            assertThat(DuckDbSideBySide.count(statement, "next_category = 'abayas'"))
                    .isEqualTo(abayas)
                    .isPositive();
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
