package io.basira.segment.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.segment.Condition;
import io.basira.segment.text.RuleText;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonConditionsTest {

    @Test
    void a_rule_is_written_in_the_documented_shape() {
        Condition rule =
                RuleText.parse("total_spent > 1500 AND (birthday BETWEEN today AND +7d OR country IN ('SA', 'AE'))"
                        + " AND NOT (store_rating IS NULL) AND group = 'vip'");
        assertThat(JsonConditions.toJson(rule))
                .isEqualTo(Map.of(
                        "all",
                        List.of(
                                Map.of("field", "total_spent", "op", ">", "value", new BigDecimal("1500")),
                                Map.of(
                                        "any",
                                        List.of(
                                                Map.of(
                                                        "field",
                                                        "birthday",
                                                        "op",
                                                        "between",
                                                        "from",
                                                        "today",
                                                        "to",
                                                        "+7d"),
                                                Map.of("field", "country", "op", "in", "values", List.of("SA", "AE")))),
                                Map.of("not", Map.of("field", "store_rating", "op", "is_null")),
                                Map.of("group", "vip"))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "total_spent > 1500 OR order_count > 10",
                "gender = 'female' AND birthday BETWEEN today AND +7d",
                "country IN ('SA', 'AE') AND NOT (order_count > 5)",
                "tags IN ('vip', 'wholesale') OR tags = 'عميل مميز'",
                "created_at < '2024-03-01' AND last_purchase_at >= -30d AND store_rating IS NOT NULL",
                "NOT (group = 'vip') OR discount_share BETWEEN 0.25 AND 0.5",
            })
    void text_to_tree_to_json_to_tree_to_text_is_the_same_text(String text) {
        String canonical = RuleText.print(RuleText.parse(text));
        Map<String, Object> json = JsonConditions.toJson(RuleText.parse(text));
        assertThat(RuleText.print(JsonConditions.fromJson(json))).isEqualTo(canonical);
    }

    @Test
    void numbers_may_come_as_any_json_number_or_as_a_numeric_string_for_number_fields() {
        Condition expected = RuleText.parse("total_spent >= 199.5");
        for (Object value : List.of(new BigDecimal("199.50"), 199.5d, "199.50")) {
            assertThat(JsonConditions.fromJson(Map.of("field", "total_spent", "op", ">=", "value", value)))
                    .isEqualTo(expected);
        }
        assertThat(JsonConditions.fromJson(Map.of("field", "order_count", "op", "=", "value", 3)))
                .isEqualTo(RuleText.parse("order_count = 3"));
    }

    @Test
    void a_single_condition_under_all_stands_for_itself() {
        assertThat(JsonConditions.fromJson(Map.of("all", List.of(Map.of("group", "vip")))))
                .isEqualTo(RuleText.parse("group = 'vip'"));
    }

    @Test
    void errors_name_the_json_path() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put(
                "all",
                List.of(
                        Map.of("field", "order_count", "op", ">", "value", 1),
                        Map.of("field", "total_spent", "op", ">", "value", "abc")));
        assertThatThrownBy(() -> JsonConditions.fromJson(bad))
                .isInstanceOf(JsonRuleException.class)
                .hasMessage("at $.all[1]: total_spent takes a number (amount of money), not 'abc'");
        assertError(
                Map.of("any", List.of(Map.of("field", "totl_spent", "op", ">", "value", 1), Map.of("group", "vip"))),
                "at $.any[0].field: unknown field 'totl_spent'; did you mean 'total_spent'?");
        assertError(
                Map.of("not", Map.of("field", "city", "op", "like", "value", "x")),
                "at $.not.op: unknown operator 'like'; expected one of =, !=, >, >=, <, <=, between, in, is_null,"
                        + " is_not_null");
        assertError(
                Map.of("field", "birthday", "op", "between", "from", "today"),
                "at $: missing \"to\" for op \"between\"");
        assertError(
                Map.of("field", "country", "op", "in", "values", List.of("SA", 5)),
                "at $: country takes text in quotes, not 5");
        assertError(
                Map.of("field", "country", "op", "=", "values", List.of("SA")),
                "at $.values: \"values\" does not go with op \"=\"; expected [value]");
        assertError(Map.of("all", List.of()), "at $.all: needs at least one condition");
        assertError(
                Map.of("feild", "city"),
                "at $: expected a condition: an object with \"all\", \"any\", \"not\","
                        + " \"group\" or \"field\", found keys [feild]");
        assertError(Map.of("group", "vip", "extra", 1), "at $.extra: unexpected key \"extra\"");
        assertError(List.of(), "at $: expected an object, found []");
    }

    @Test
    void hostile_nesting_gets_an_error_not_a_crash() {
        Object json = Map.of("group", "vip");
        for (int i = 0; i < 10_000; i++) {
            json = Map.of("not", json);
        }
        Object deep = json;
        assertThatThrownBy(() -> JsonConditions.fromJson(deep))
                .isInstanceOf(JsonRuleException.class)
                .hasMessageEndingWith("the rule is nested more than 64 levels deep");
    }

    @Test
    void a_null_value_points_to_is_null() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", "city");
        json.put("op", "=");
        json.put("value", null);
        assertError(
                json,
                "at $.value: expected a number or a string, found null (use op \"is_null\" to test for" + " no value)");
    }

    @Test
    void a_text_value_longer_than_any_stored_value_is_refused_at_its_path() {
        Map<String, Object> json = Map.of(
                "all",
                List.of(
                        Map.of("field", "order_count", "op", ">", "value", 1),
                        Map.of("field", "city", "op", "in", "values", List.of("Riyadh", "x".repeat(2_001)))));
        assertError(
                json,
                "at $.all[1].values[1]: a text value is at most 2000 characters (no stored value is longer);"
                        + " this one has 2001");
        assertError(
                Map.of("group", "g".repeat(2_001)),
                "at $.group: a text value is at most 2000 characters"
                        + " (no stored value is longer); this one has 2001");
    }

    @Test
    void a_rule_whose_text_form_passes_ten_thousand_characters_is_refused_where_it_does() {
        List<Object> values = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            values.add("city-" + i);
        }
        Map<String, Object> json = Map.of("field", "city", "op", "in", "values", values);
        assertThatThrownBy(() -> JsonConditions.fromJson(json)).isInstanceOfSatisfying(JsonRuleException.class, e -> {
            assertThat(e.path()).matches("\\$\\.values\\[\\d+\\]");
            assertThat(e.reason()).startsWith("a rule is at most 10000 characters");
        });
        Condition fits = JsonConditions.fromJson(Map.of("field", "city", "op", "in", "values", values.subList(0, 500)));
        assertThat(RuleText.print(fits).length()).isLessThan(10_000);
    }

    private static void assertError(Object json, String message) {
        assertThatThrownBy(() -> JsonConditions.fromJson(json))
                .isInstanceOf(JsonRuleException.class)
                .hasMessage(message);
    }
}
