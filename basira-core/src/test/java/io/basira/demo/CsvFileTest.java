package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path folder;

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() throws IOException {
        Path file = folder.resolve("t.csv");
        try (CsvFile csv = new CsvFile(file, List.of("a", "b", "c", "d"))) {
            csv.row("plain", "one, two", "say \"hi\"", "line\nbreak");
            csv.row(null, "", "عطر", "cr\rhere");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("a,b,c,d\nplain,\"one, two\",\"say \"\"hi\"\"\",\"line\nbreak\"\n,,عطر,\"cr\rhere\"\n");
        assertThat(CsvTable.parse(text).get(1)).containsExactly("plain", "one, two", "say \"hi\"", "line\nbreak");
    }

    @Test
    void files_are_utf8_without_a_byte_order_mark() throws IOException {
        Path file = folder.resolve("t.csv");
        try (CsvFile csv = new CsvFile(file, List.of("name"))) {
            csv.row("محمد");
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 'n');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("name\nمحمد\n");
    }

    @Test
    void a_row_must_be_as_wide_as_the_header() throws IOException {
        try (CsvFile csv = new CsvFile(folder.resolve("t.csv"), List.of("a", "b"))) {
            assertThatThrownBy(() -> csv.row("only one")).hasMessageContaining("1 fields, the header 2");
            csv.row("x", "y");
            assertThat(csv.rows()).isEqualTo(1);
        }
    }
}
