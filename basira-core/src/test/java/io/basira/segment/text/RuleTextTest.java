package io.basira.segment.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.fields.CardFields;
import io.basira.fields.CustomerFields;
import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Operator;
import io.basira.segment.Or;
import io.basira.segment.RuleLimits;
import io.basira.segment.Value;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "total_spent > 1500 OR order_count > 10",
                "cancelled_orders > 2",
                "total_spent < 200 AND order_count < 3",
                "store_rating >= 4",
                "last_purchase_at < -90d",
                "gender = 'female' AND birthday BETWEEN today AND +7d",
                "country IN ('SA', 'AE') AND NOT (order_count > 5)",
                "store_rating IS NULL",
                "store_rating IS NOT NULL",
                "tags = 'vip'",
                "tags IN ('vip','wholesale')",
                "group = 'vip'",
                "city = 'الرياض' OR region = 'مكة المكرمة'",
                "total_spent between 100 and 200 or not (city is null)",
                "created_at >= '2024-03-01'",
                "country NOT IN ('KW')",
            })
    void the_documented_examples_parse(String rule) {
        Condition condition = RuleText.parse(rule);
        assertThat(RuleText.parse(RuleText.print(condition))).isEqualTo(condition);
    }

    @Test
    void a_rule_reads_into_the_tree_it_says() {
        assertThat(RuleText.parse("gender = 'female' AND birthday BETWEEN today AND +7d"))
                .isEqualTo(And.of(
                        new Comparison(CustomerFields.GENDER, Operator.EQ, Value.text("female")),
                        new Between(CustomerFields.BIRTHDAY, Value.daysFromToday(0), Value.daysFromToday(7))));
        assertThat(RuleText.parse("last_purchase_at < -90d"))
                .isEqualTo(new Comparison(CardFields.LAST_PURCHASE_AT, Operator.LT, Value.daysFromToday(-90)));
        assertThat(RuleText.parse("created_at >= '2024-03-01'"))
                .isEqualTo(
                        new Comparison(CustomerFields.CREATED_AT, Operator.GE, Value.date(LocalDate.of(2024, 3, 1))));
        assertThat(RuleText.parse("tags IN ('vip','wholesale')")).isEqualTo(HasAnyTag.of("vip", "wholesale"));
        assertThat(RuleText.parse("tags != 'vip'")).isEqualTo(new Not(HasAnyTag.of("vip")));
        assertThat(RuleText.parse("group = 'vip'")).isEqualTo(new InGroup("vip"));
        assertThat(RuleText.parse("store_rating IS NULL")).isEqualTo(new IsNull(CardFields.STORE_RATING));
    }

    @Test
    void not_binds_tighter_than_and_which_binds_tighter_than_or() {
        Condition a = RuleText.parse("order_count > 1");
        Condition b = RuleText.parse("order_count > 2");
        Condition c = RuleText.parse("order_count > 3");
        assertThat(RuleText.parse("order_count > 1 OR order_count > 2 AND order_count > 3"))
                .isEqualTo(Or.of(a, And.of(b, c)));
        assertThat(RuleText.parse("NOT order_count > 1 AND order_count > 2")).isEqualTo(And.of(new Not(a), b));
        assertThat(RuleText.parse("(order_count > 1 OR order_count > 2) AND order_count > 3"))
                .isEqualTo(And.of(Or.of(a, b), c));
        assertThat(RuleText.parse("order_count > 1 AND (order_count > 2 AND order_count > 3)"))
                .isEqualTo(And.of(a, And.of(b, c)));
    }

    @Test
    void keywords_and_field_names_ignore_case_and_text_keeps_it() {
        assertThat(RuleText.parse("Total_Spent > 5 and CITY = 'Riyadh'"))
                .isEqualTo(RuleText.parse("total_spent > 5 AND city = 'Riyadh'"));
        assertThat(RuleText.parse("city = 'O''Hara'"))
                .isEqualTo(new Comparison(CustomerFields.CITY, Operator.EQ, Value.text("O'Hara")));
    }

    @Test
    void the_printer_writes_canonical_text() {
        assertThat(RuleText.print(RuleText.parse("country in ('SA','AE') and not order_count>5")))
                .isEqualTo("country IN ('SA', 'AE') AND NOT (order_count > 5)");
        assertThat(RuleText.print(RuleText.parse("total_spent >= 1500.00 or tags in ('vip')")))
                .isEqualTo("total_spent >= 1500 OR tags = 'vip'");
        assertThat(RuleText.print(RuleText.parse("birthday between today and +7D")))
                .isEqualTo("birthday BETWEEN today AND +7d");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "total_spent >         | line 1, column 14: expected a value after '>', found the end of the rule",
                "total_spent > 1500 OR order_count > | line 1, column 36: expected a value after '>', found the end of the rule",
                "totl_spent > 5        | line 1, column 1: unknown field 'totl_spent'; did you mean 'total_spent'?",
                "shoe_size > 5         | line 1, column 1: unknown field 'shoe_size'",
                "city = 'Riyadh        | line 1, column 8: unterminated string: add a closing '",
                "gender > 5            | line 1, column 1: operator > does not apply to gender (choice from a list); use =, !=, IN, IS NULL, IS NOT NULL",
                "total_spent = 'abc'   | line 1, column 1: total_spent takes a number (amount of money), not 'abc'",
                "order_count > 2.5     | line 1, column 1: order_count takes a whole number, not 2.5",
                "city = Riyadh         | line 1, column 8: expected a value after '=', found 'Riyadh' (text goes in single quotes: 'Riyadh')",
                "gender = 'other'      | line 1, column 1: gender is one of 'male', 'female', not 'other'",
                "(order_count > 1      | line 1, column 17: expected ')' to close the '(' at line 1, column 1, found the end of the rule",
                "order_count > 1 order_count > 2 | line 1, column 17: expected AND, OR or the end of the rule, found 'order_count'",
                "order_count > 1 AND   | line 1, column 20: expected a condition after 'AND', found the end of the rule",
                "order_count 5         | line 1, column 13: expected an operator (=, !=, >, >=, <, <=, BETWEEN, IN, IS NULL) after 'order_count', found '5'",
                "order_count BETWEEN 1 OR 5 | line 1, column 23: expected AND between the two bounds of BETWEEN, found 'OR'",
                "store_rating IS 4     | line 1, column 17: expected NULL after IS, found '4'",
                "last_purchase_at < 90 | line 1, column 1: last_purchase_at takes a date ('2024-03-01') or a relative date (today, -90d, +7d), not 90",
                "created_at = '2024-02-30' | line 1, column 1: '2024-02-30' is not a valid date",
                "tags > 'vip'          | line 1, column 1: operator > does not apply to tags (set of tags); use =, !=, IN",
                "tags IS NULL          | line 1, column 1: operator IS NULL does not apply to tags (set of tags); use =, !=, IN",
                "group = 'VIP Club'    | line 1, column 1: group key 'VIP Club' must be 1-63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit",
                "order_count > 5 & x   | line 1, column 17: unexpected character '&'",
                "5 < order_count       | line 1, column 1: expected a condition, found '5'",
            })
    void a_wrong_rule_gets_an_error_that_points_at_the_place(String rule, String message) {
        assertThatThrownBy(() -> RuleText.parse(rule))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void errors_on_later_lines_count_lines_and_columns_from_one() {
        assertThatThrownBy(() -> RuleText.parse("order_count > 1\nAND\n  city = 'x"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.reason()).isEqualTo("unterminated string: add a closing '");
                });
    }

    @Test
    void hostile_nesting_and_huge_relative_dates_get_errors_not_crashes() {
        String deep = "(".repeat(1_000) + "order_count > 1" + ")".repeat(1_000);
        assertThatThrownBy(() -> RuleText.parse(deep))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("line 1, column 65: the rule is nested more than 64 levels deep");
        assertThatThrownBy(() -> RuleText.parse("NOT ".repeat(1_000) + "order_count > 1"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageEndingWith("nested more than 64 levels deep");
        assertThatThrownBy(() -> RuleText.parse("last_purchase_at < -99999999999999d"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage(
                        "line 1, column 20: a relative date is at most 100000 days from today, not -99999999999999d");
    }

    @Test
    void a_rule_longer_than_ten_thousand_characters_is_refused_where_it_passes_the_limit() {
        String values = "'x', ".repeat(2_000);
        String rule = "order_count > 1\nAND city IN (" + values + "'y')";
        assertThatThrownBy(() -> RuleText.parse(rule)).isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(10_001 - "order_count > 1\n".length());
            assertThat(e.reason())
                    .startsWith("a rule is at most 10000 characters")
                    .endsWith("this one has " + rule.length());
        });
        String longest = "city IN (" + "'x', ".repeat(1_997) + "'y')";
        assertThat(longest.length()).isEqualTo(9_998);
        assertThat(RuleText.parse(longest)).isNotNull();
    }

    @Test
    void a_text_value_longer_than_any_stored_value_is_refused_at_its_quote() {
        String huge = "x".repeat(RuleLimits.MAX_LITERAL_LENGTH + 1);
        assertThatThrownBy(() -> RuleText.parse("order_count > 1 AND city = '" + huge + "'"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("line 1, column 28: a text value is at most 2000 characters (no stored value is longer);"
                        + " this one has 2001");
        String longest = "x".repeat(RuleLimits.MAX_LITERAL_LENGTH);
        assertThat(RuleText.parse("tags = '" + longest + "'")).isEqualTo(new HasAnyTag(java.util.List.of(longest)));
    }

    @Test
    void an_empty_rule_is_an_error() {
        assertThatThrownBy(() -> RuleText.parse("   "))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("line 1, column 4: the rule is empty: write a condition such as total_spent > 1500");
    }

    @Test
    void in_and_between_keep_their_values() {
        assertThat(RuleText.parse("store_rating IN (4, 5)"))
                .isEqualTo(new In(CardFields.STORE_RATING, java.util.List.of(Value.number(4), Value.number(5))));
    }

    @Test
    void numbers_in_arabic_indic_or_persian_digits_read_as_numbers() {
        assertThat(RuleText.parse("total_spent > ١٥٠٠")).isEqualTo(RuleText.parse("total_spent > 1500"));
        assertThat(RuleText.parse("total_spent >= ۱۵۰۰٫۵")).isEqualTo(RuleText.parse("total_spent >= 1500.5"));
        assertThat(RuleText.parse("total_spent < ١٬٥٠٠")).isEqualTo(RuleText.parse("total_spent < 1500"));
        assertThat(RuleText.parse("order_count BETWEEN ٢ AND +٥"))
                .isEqualTo(RuleText.parse("order_count BETWEEN 2 AND 5"));
        assertThat(RuleText.parse("last_purchase_at < -٩٠d")).isEqualTo(RuleText.parse("last_purchase_at < -90d"));
        assertThatThrownBy(() -> RuleText.parse("total_spent < ١٬٥")).hasMessageStartingWith("line 1, column 15:");
    }
}
