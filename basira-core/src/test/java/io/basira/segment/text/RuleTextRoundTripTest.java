package io.basira.segment.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.Condition;
import io.basira.segment.fixtures.RandomRules;
import io.basira.segment.json.JsonConditions;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Printing a random tree and reading it back gives the same tree, in text and in JSON. */
class RuleTextRoundTripTest {

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void a_printed_rule_parses_to_the_same_tree(long seed) {
        RandomRules rules = new RandomRules(seed, LocalDate.of(2024, 6, 15));
        for (int i = 0; i < 500; i++) {
            Condition rule = rules.next(4);
            String text = RuleText.print(rule);
            assertThat(RuleText.parse(text))
                    .as("seed %d, rule #%d: %s", seed, i, text)
                    .isEqualTo(rule);
            assertThat(RuleText.print(RuleText.parse(text)))
                    .as("seed %d, rule #%d", seed, i)
                    .isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void a_tree_written_as_json_reads_back_the_same(long seed) {
        RandomRules rules = new RandomRules(seed, LocalDate.of(2024, 6, 15));
        for (int i = 0; i < 500; i++) {
            Condition rule = rules.next(4);
            assertThat(JsonConditions.fromJson(JsonConditions.toJson(rule)))
                    .as("seed %d, rule #%d: %s", seed, i, RuleText.print(rule))
                    .isEqualTo(rule);
        }
    }
}
