package io.basira.server.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void cells_are_quoted_only_where_needed_and_text_that_looks_like_a_formula_stays_text() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = SpreadsheetCsv.writer(out);
        csv.writeRecord("customer_id", "total");
        csv.writeRecord(SpreadsheetCsv.cell("=HYPERLINK(\"x\",\"y\")"), SpreadsheetCsv.cell(new BigDecimal("-12.50")));
        csv.writeRecord(SpreadsheetCsv.cell("C1, \"the\" first"), SpreadsheetCsv.cell(null));
        csv.writeRecord(SpreadsheetCsv.cell("-3"), SpreadsheetCsv.cell(new BigDecimal("1E+3")));
        csv.flush();
        assertThat(out)
                .hasToString("customer_id,total\n"
                        + "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",-12.50\n"
                        + "\"C1, \"\"the\"\" first\",\n"
                        + "-3,1000\n");
    }
}
