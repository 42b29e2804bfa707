package io.basira.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.index.BoundPredicate;
import io.basira.index.CustomerIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexBenchmarksComputeTheRightAnswerTest {

    @Test
    void the_scan_benchmark_counts_the_members_that_row_by_row_tests_find() {
        IndexScanBenchmark bench = new IndexScanBenchmark();
        bench.rows = 70_000;
        bench.setUp();
        try {
            long expected = 0;
            for (BoundPredicate rule : bench.rules) {
                for (int row = 0; row < bench.rows; row++) {
                    expected += bench.index.matches(rule, row) ? 1 : 0;
                }
            }
            assertThat(bench.hundredRulesOneThread()).isEqualTo(expected).isPositive();
            assertThat(bench.hundredRulesTwoThreads()).isEqualTo(expected);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void the_event_benchmark_writes_the_event_into_the_customers_row() {
        IndexEventBenchmark bench = new IndexEventBenchmark();
        bench.rows = 1_000;
        bench.setUp();
        int memberships = bench.updateOneCustomerAndRetestHundredRules();

        CustomerIndex index = bench.index;
        int row = bench.eventRows[0];
        Object[] values = bench.eventValues[0];
        assertThat(index.integerColumn("loyalty_points").get(row)).isEqualTo(values[14]);
        assertThat(index.dictionaryColumn("country").get(row)).isEqualTo(values[18]);
        long expected = 0;
        for (BoundPredicate rule : bench.rules) {
            expected += index.evaluate(rule).contains(row) ? 1 : 0;
        }
        assertThat(memberships).isEqualTo(expected);
    }

    @Test
    void random_rules_have_one_to_five_conditions_and_sql_twins() {
        List<RandomRules.Rule> rules = new RandomRules(1).rules(50);
        assertThat(rules).hasSize(50).allSatisfy(rule -> assertThat(rule.sql()).isNotBlank());
    }
}
