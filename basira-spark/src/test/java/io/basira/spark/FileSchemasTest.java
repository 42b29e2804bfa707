package io.basira.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.demo.CanonicalParquet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schemas the driver finds ({@link FileSchemas}) are the ones Spark's own inference finds (each with its one
 * job), and a read with them gives the same rows: CSV headers with a BOM (dropped), spaces, a quoted name holding a comma and
 * a line break, a name given twice in two cases, an empty name; an empty file; a header without rows; and the
 * Parquet files of both writers (the job's, folders of part files, and the server's {@link CanonicalParquet}).
 */
class FileSchemasTest {

    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
    }

    @Test
    void a_csv_header_is_read_as_spark_reads_it() throws IOException {
        Path file = dir.resolve("odd.csv");
        Files.writeString(
                file,
                "\uFEFF Customer_ID ,\"na,me\nnext\",TOTAL,,total,\"q\"\"uote\"\r\n"
                        + "c1,\"a, \"\"quoted\"\"\nline\",1.50,x,2,\"\"\r\n"
                        + "c2,,,,,\r\n",
                StandardCharsets.UTF_8);
        Dataset<Row> inferred = inferred(file);
        assertThat(FileSchemas.csv(spark, file.toString())).isEqualTo(inferred.schema());
        assertThat(inferred.schema().fieldNames())
                .containsExactly(" Customer_ID ", "na,me\nnext", "TOTAL2", "_c3", "total4", "q\"uote");
        assertThat(FileSchemas.read(spark, file.toString(), false).collectAsList())
                .hasSize(2)
                .isEqualTo(inferred.collectAsList());
    }

    @Test
    void an_empty_file_and_a_header_without_rows_read_as_spark_reads_them() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThat(FileSchemas.csv(spark, empty.toString()))
                .isEqualTo(inferred(empty).schema());
        assertThat(FileSchemas.read(spark, empty.toString(), false).collectAsList())
                .isEmpty();
        Path header = Files.writeString(dir.resolve("header.csv"), "customer_id,created_at\n");
        assertThat(FileSchemas.csv(spark, header.toString()))
                .isEqualTo(inferred(header).schema());
        assertThat(FileSchemas.read(spark, header.toString(), false).columns())
                .containsExactly("customer_id", "created_at");
        assertThat(FileSchemas.read(spark, header.toString(), false).collectAsList())
                .isEmpty();
    }

    @Test
    void a_parquet_schema_is_the_one_spark_infers_for_both_writers() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("store"));
        Files.writeString(
                csv.resolve("customers.csv"),
                "customer_id,email,created_at,birth_date\nc1,a@x.sa,2024-01-02T10:00:00Z,1990-05-06\nc2,,2024-02-03,\n");
        Files.writeString(
                csv.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total,items_count\n"
                        + "o1,c1,2024-03-01T12:00:00+03:00,completed,10.50,2\n");
        Path server = dir.resolve("server-parquet");
        CanonicalParquet.write(csv, ZoneId.of("Asia/Riyadh"), server);
        Path job = dir.resolve("job-parquet");
        ParquetFolder.write(spark, new StoreSource("s", csv.toString(), "SAR", "Asia/Riyadh", false), job.toString());
        for (Path folder : List.of(server, job)) {
            for (String name : List.of("customers.parquet", "orders.parquet")) {
                String path = folder.resolve(name).toString();
                var expected = spark.read().parquet(path).schema();
                assertThat(FileSchemas.parquet(spark, path)).as(path).isEqualTo(expected);
                assertThat(expected.apply("created_at").dataType()).isEqualTo(DataTypes.TimestampType);
            }
        }
        assertThat(FileSchemas.parquet(spark, job.resolve("orders.parquet").toString())
                        .apply("total")
                        .dataType())
                .isEqualTo(DataTypes.createDecimalType(20, 6));
    }

    private static Dataset<Row> inferred(Path file) {
        return spark.read().options(Map.copyOf(FileSchemas.CSV)).csv(file.toString());
    }
}
