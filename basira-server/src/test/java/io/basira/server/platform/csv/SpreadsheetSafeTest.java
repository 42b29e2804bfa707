package io.basira.server.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void text_that_a_spreadsheet_would_run_gets_a_leading_quote() {
        assertThat(SpreadsheetSafe.text("=HYPERLINK(\"http://evil.example\",\"open\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"open\")");
        assertThat(SpreadsheetSafe.text("+966 50 000 0000")).isEqualTo("'+966 50 000 0000");
        assertThat(SpreadsheetSafe.text("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetSafe.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetSafe.text("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetSafe.text("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinary_text_and_plain_numbers_are_left_as_they_are() {
        assertThat(SpreadsheetSafe.text("C100388")).isEqualTo("C100388");
        assertThat(SpreadsheetSafe.text("سارة = VIP")).isEqualTo("سارة = VIP");
        assertThat(SpreadsheetSafe.text("-12.50")).isEqualTo("-12.50");
        assertThat(SpreadsheetSafe.text("+3")).isEqualTo("+3");
        assertThat(SpreadsheetSafe.text("")).isEmpty();
        assertThat(SpreadsheetSafe.text(null)).isNull();
    }

    @Test
    void a_card_row_neutralises_its_customer_id_only() {
        assertThat(SpreadsheetSafe.cardRow(List.of("=1+1", "3", "-15.00", "")))
                .containsExactly("'=1+1", "3", "-15.00", "");
    }
}
