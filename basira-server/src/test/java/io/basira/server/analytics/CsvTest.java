package io.basira.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void text_cells_are_spreadsheet_safe_and_numbers_stay_numbers() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(Csv.cell("@A1")).isEqualTo("'@A1");
        assertThat(Csv.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
        assertThat(Csv.cell(-3L)).isEqualTo("-3");
        assertThat(Csv.cell("Riyadh")).isEqualTo("Riyadh");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
