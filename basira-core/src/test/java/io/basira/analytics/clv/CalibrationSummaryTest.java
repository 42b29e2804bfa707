package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationSummaryTest {

    static final LocalDate END = LocalDate.of(2024, 3, 31);

    static ClvTransaction buy(String id, String day, String amount) {
        return new ClvTransaction(id, LocalDate.parse(day), new BigDecimal(amount));
    }

    @Test
    void same_day_purchases_merge_and_the_first_purchase_is_not_a_repeat() {
        CalibrationSummary s = CalibrationSummary.fromTransactions(
                List.of(
                        buy("c1", "2024-03-01", "10.00"),
                        buy("c1", "2024-03-01", "5.00"),
                        buy("c1", "2024-03-08", "20.00"),
                        buy("c1", "2024-03-08", "2.00"),
                        buy("c1", "2024-03-15", "30.00")),
                END,
                ClvTimeUnit.WEEKS);
        CustomerStatistics c = s.customer(0);
        assertThat(c.x()).isEqualTo(2);
        assertThat(c.tx()).isEqualTo(2.0);
        assertThat(c.bigT()).isCloseTo(30 / 7.0, within(1e-12));
        assertThat(c.mx()).isCloseTo(26.0, within(1e-12));
        assertThat(s.meanOrderValue()).isCloseTo((15 + 22 + 30) / 3.0, within(1e-12));
    }

    @Test
    void purchases_after_the_calibration_end_and_customers_born_after_it_are_left_out() {
        CalibrationSummary s = CalibrationSummary.fromTransactions(
                List.of(buy("c1", "2024-03-31", "10"), buy("c1", "2024-04-01", "10"), buy("late", "2024-04-02", "10")),
                END,
                ClvTimeUnit.DAYS);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.customer(0)).isEqualTo(new CustomerStatistics("c1", 0, 0, 0, 0));
    }

    @Test
    void days_are_the_time_unit_when_asked() {
        CalibrationSummary s = CalibrationSummary.fromTransactions(
                List.of(buy("c1", "2024-03-01", "10"), buy("c1", "2024-03-11", "10")), END, ClvTimeUnit.DAYS);
        assertThat(s.customer(0).tx()).isEqualTo(10.0);
        assertThat(s.customer(0).bigT()).isEqualTo(30.0);
    }

    @Test
    void bad_input_says_what_and_where() {
        assertThatThrownBy(() -> buy("c9", "2024-03-01", "-1.00"))
                .hasMessageContaining("c9")
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new CustomerStatistics("c9", 1, 5, 4, 1))
                .hasMessageContaining("c9")
                .hasMessageContaining("t_x <= T");
    }

    @Test
    void identical_histories_share_one_pattern() {
        CalibrationSummary s = CalibrationSummary.of(
                List.of(
                        new CustomerStatistics("a", 1, 2, 5, 9),
                        new CustomerStatistics("b", 1, 2, 5, 3),
                        new CustomerStatistics("c", 0, 0, 5, 0)),
                END,
                ClvTimeUnit.WEEKS);
        RepeatPatterns p = s.patterns();
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.patternOf(0)).isEqualTo(p.patternOf(1)).isNotEqualTo(p.patternOf(2));
        assertThat(p.totalWeight()).isEqualTo(3.0);
    }

    @Test
    void cdnow_raw_transactions_give_the_published_summaries() {
        List<ClvTransaction> raw = Cdnow.transactions();
        assertThat(raw).hasSize(6919);
        Set<String> days = new HashSet<>();
        raw.forEach(t -> days.add(t.customerId() + "|" + t.day()));
        assertThat(days).hasSize(6696);
        CalibrationSummary s = CalibrationSummary.fromTransactions(raw, Cdnow.CALIBRATION_END, ClvTimeUnit.WEEKS);
        CalibrationSummary lifetimes = Cdnow.summaryWithValues();
        Map<String, String[]> cbs = new HashMap<>();
        Cdnow.holdoutRows().forEach(r -> cbs.put(r[0], r));
        assertThat(s.size()).isEqualTo(2357);
        int sumX = 0;
        int zeros = 0;
        for (int i = 0; i < s.size(); i++) {
            CustomerStatistics c = s.customer(i);
            CustomerStatistics l = lifetimes.customer(Integer.parseInt(c.customerId()) - 1);
            String[] b = cbs.get(c.customerId());
            assertThat(c.x()).isEqualTo(l.x()).isEqualTo(Integer.parseInt(b[1]));
            assertThat(c.tx()).isCloseTo(l.tx(), within(0.0043)).isCloseTo(Double.parseDouble(b[2]), within(1e-6));
            assertThat(c.bigT()).isCloseTo(l.bigT(), within(0.0043)).isCloseTo(Double.parseDouble(b[3]), within(1e-6));
            assertThat(c.mx())
                    .isCloseTo(l.mx(), within(0.005 + 1e-9))
                    .isCloseTo(Double.parseDouble(b[4]), within(1e-4));
            sumX += c.x();
            zeros += c.x() == 0 ? 1 : 0;
        }
        assertThat(sumX).isEqualTo(2457);
        assertThat(zeros).isEqualTo(1411);
        assertThat(s.repeatBuyers()).isEqualTo(946);
    }
}
