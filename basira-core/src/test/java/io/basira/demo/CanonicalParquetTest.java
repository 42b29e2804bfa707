package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canonical folder as Parquet (what basira-spark reads back cell by cell is tested there, SameAnswersTest):
 * the files and row counts, the typed columns, a header-only file, and a cell the import would refuse.
 */
class CanonicalParquetTest {

    @TempDir
    Path dir;

    @Test
    void every_csv_file_becomes_a_parquet_file_with_its_rows() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        new DemoStoreGenerator().write(DemoStoreSpec.defaults().withCustomers(40), csv);
        Files.writeString(csv.resolve("group_lists.csv"), "group,customer_id,list\n", StandardCharsets.UTF_8);
        Map<String, Long> rows = CanonicalParquet.write(csv, ZoneId.of("Asia/Riyadh"), dir.resolve("parquet"));
        assertThat(rows)
                .containsEntry("customers.csv", 40L)
                .containsEntry("group_lists.csv", 0L)
                .hasSize(8);
        for (String name : rows.keySet()) {
            byte[] bytes = Files.readAllBytes(dir.resolve("parquet").resolve(name.replace(".csv", ".parquet")));
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII))
                    .as(name)
                    .isEqualTo("PAR1");
            assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII))
                    .as(name)
                    .isEqualTo("PAR1");
        }
    }

    @Test
    void canonical_columns_are_typed_and_others_are_text() {
        MessageType orders = CanonicalParquet.schema(CanonicalCsv.ORDERS.columns(), true);
        assertThat(orders.getType("created_at").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        assertThat(orders.getType("total").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.decimalType(6, 20));
        assertThat(orders.getType("status").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        MessageType customers = CanonicalParquet.schema(CanonicalCsv.CUSTOMERS.columns(), true);
        assertThat(customers.getType("birth_date").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.dateType());
        MessageType lists = CanonicalParquet.schema(List.of("group", "customer_id", "total"), false);
        assertThat(lists.getType("total").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.BINARY);
    }

    @Test
    void a_cell_the_import_refuses_names_the_file_line_and_column() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(
                csv.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total\n"
                        + "O1,C1,2024-02-01,completed,10.00\nO2,C1,2024-02-02,completed,ten\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CanonicalParquet.write(csv, ZoneId.of("UTC"), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders.csv, line 3, column total: 'ten'");
    }
}
