package io.basira.segment.audience;

import static io.basira.index.ColumnPredicate.and;
import static io.basira.index.ColumnPredicate.between;
import static io.basira.index.ColumnPredicate.isNotNull;
import static io.basira.index.ColumnPredicate.not;
import static io.basira.index.ColumnPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.index.ColumnPredicate;
import io.basira.index.RowSet;
import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private static final LocalDate JUNE_15 = LocalDate.of(2024, 6, 15);
    private final RuleCompiler sar = new RuleCompiler(2);

    private ColumnPredicate compile(String rule, LocalDate today) {
        return sar.compile(RuleText.parse(rule), today, key -> new RowSet());
    }

    @Test
    void money_literals_become_exact_minor_unit_bounds() {
        assertThat(compile("total_spent > 1500", JUNE_15)).isEqualTo(between("total_spent", 150_001, Long.MAX_VALUE));
        assertThat(compile("total_spent > 10.005", JUNE_15)).isEqualTo(between("total_spent", 1001, Long.MAX_VALUE));
        assertThat(compile("total_spent >= 10.005", JUNE_15)).isEqualTo(between("total_spent", 1001, Long.MAX_VALUE));
        assertThat(compile("total_spent < 10.005", JUNE_15)).isEqualTo(between("total_spent", Long.MIN_VALUE, 1000));
        assertThat(compile("total_spent = 10.005", JUNE_15))
                .isEqualTo(between("total_spent", 1, 0)); // empty: no whole number of halalas
        assertThat(compile("discount_share BETWEEN 0.25 AND 0.5", JUNE_15))
                .isEqualTo(between("discount_share", 2500, 5000));
    }

    @Test
    void relative_dates_become_epoch_days_of_today() {
        long today = JUNE_15.toEpochDay();
        assertThat(compile("last_purchase_at < -90d", JUNE_15))
                .isEqualTo(between("last_purchase_at", Long.MIN_VALUE, today - 91));
        assertThat(compile("days_since_last_purchase > 90", JUNE_15))
                .isEqualTo(between("last_purchase_at", Long.MIN_VALUE, today - 91));
        assertThat(compile("created_at = today", JUNE_15)).isEqualTo(between("created_at", today, today));
    }

    @Test
    void age_becomes_a_birth_date_range_with_the_29_february_rule() {
        LocalDate feb28 = LocalDate.of(2025, 2, 28);
        long bornLeapDay2000 = LocalDate.of(2000, 2, 29).toEpochDay();
        assertThat(compile("age >= 25", feb28)).isEqualTo(between("birth_date", Long.MIN_VALUE, bornLeapDay2000));
        assertThat(compile("age = 24", LocalDate.of(2024, 6, 15)))
                .isEqualTo(between(
                        "birth_date",
                        LocalDate.of(1999, 6, 16).toEpochDay(),
                        LocalDate.of(2000, 6, 15).toEpochDay()));
    }

    @Test
    void a_birthday_week_across_the_year_end_is_two_month_day_ranges() {
        assertThat(compile("birthday BETWEEN today AND +7d", LocalDate.of(2024, 12, 28)))
                .isEqualTo(or(between("birth_month_day", 101, 104), between("birth_month_day", 1228, 1231)));
        assertThat(compile("birthday BETWEEN today AND +7d", JUNE_15)).isEqualTo(between("birth_month_day", 615, 622));
        assertThat(compile("birthday = today", LocalDate.of(2025, 2, 28)))
                .isEqualTo(between("birth_month_day", 228, 229));
    }

    @Test
    void tags_never_leave_a_customer_unknown_and_text_is_a_dictionary_set() {
        assertThat(compile("tags = 'vip'", JUNE_15))
                .isEqualTo(and(isNotNull("tags"), new ColumnPredicate.HasAnyTag("tags", Set.of("vip"))));
        assertThat(compile("country != 'SA'", JUNE_15)).isEqualTo(not(ColumnPredicate.in("country", "SA")));
        assertThat(compile("gender = 'Female'", JUNE_15)).isEqualTo(ColumnPredicate.in("gender", "female"));
    }
}
