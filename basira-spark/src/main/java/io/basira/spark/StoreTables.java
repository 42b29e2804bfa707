package io.basira.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;

import io.basira.demo.CanonicalCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one canonical file ({@code orders.csv} ...) of every store into one table of text columns: the file's
 * canonical columns (docs/import.md; matched in any case, surrounding spaces ignored, a missing optional column
 * is null), then {@code store}. A Parquet store's typed columns are turned back into the canonical text
 * (instants as ISO-8601 UTC, decimals plain). Within a store, an id given twice keeps its later row, as the
 * import does ({@link #latest}).
 */
public final class StoreTables {

    /** the text of a Parquet timestamp (the session's zone is UTC) */
    static final String ISO_INSTANT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

    private StoreTables() {}

    /** The file's rows of every store that has it, or empty (with the canonical columns). */
    public static Dataset<Row> read(SparkSession spark, List<StoreSource> stores, CanonicalCsv file) {
        return read(spark, stores, file.fileName(), file.columns());
    }

    /**
     * The rows of the file {@code fileName} ({@code browsing_events.csv}, or its {@code .parquet}) of every store
     * that has it, as text {@code columns}, then {@code store} and {@code seq}; empty when no store has it.
     */
    public static Dataset<Row> read(
            SparkSession spark, List<StoreSource> stores, String fileName, List<String> fileColumns) {
        Dataset<Row> all = null;
        for (StoreSource store : stores) {
            Optional<String> path = store.file(fileName, spark.sparkContext().hadoopConfiguration());
            if (path.isEmpty()) {
                continue;
            }
            Dataset<Row> raw = FileSchemas.read(spark, path.get(), store.parquet());
            Dataset<Row> canonical = canonical(raw, fileColumns)
                    .withColumn("store", lit(store.slug()))
                    .withColumn("seq", monotonically_increasing_id());
            all = all == null ? canonical : all.unionByName(canonical);
        }
        if (all == null) {
            List<StructField> fields = new ArrayList<>();
            fileColumns.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
            fields.add(DataTypes.createStructField("store", DataTypes.StringType, false));
            fields.add(DataTypes.createStructField("seq", DataTypes.LongType, false));
            return spark.createDataFrame(new ArrayList<Row>(), new StructType(fields.toArray(StructField[]::new)));
        }
        return all;
    }

    /** The later row of each key within a store (a row's place in its file decides, as in the import). */
    public static Dataset<Row> latest(Dataset<Row> rows, String... key) {
        Column[] by = new Column[key.length + 1];
        by[0] = col("store");
        for (int i = 0; i < key.length; i++) {
            by[i + 1] = col(key[i]);
        }
        return rows.withColumn("_n", row_number().over(Window.partitionBy(by).orderBy(desc("seq"))))
                .filter(col("_n").equalTo(1))
                .drop("_n");
    }

    /** The canonical columns of the file as text, whatever the case and spacing of the header. */
    static Dataset<Row> canonical(Dataset<Row> raw, List<String> fileColumns) {
        Map<String, StructField> byName = new HashMap<>();
        for (StructField field : raw.schema().fields()) {
            byName.putIfAbsent(normal(field.name()), field);
        }
        List<Column> columns = new ArrayList<>();
        for (String name : fileColumns) {
            StructField field = byName.get(name);
            if (field == null) {
                columns.add(lit(null).cast(DataTypes.StringType).as(name));
            } else if (field.dataType().equals(DataTypes.TimestampType)) {
                columns.add(date_format(col(quoted(field.name())), ISO_INSTANT).as(name));
            } else {
                columns.add(col(quoted(field.name())).cast(DataTypes.StringType).as(name));
            }
        }
        return raw.select(columns.toArray(Column[]::new));
    }

    private static String normal(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
