package io.basira.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.basira.demo.CanonicalCsv;
import io.basira.shared.Dates;
import io.basira.shared.Numerals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * A store's canonical CSV folder as Parquet: one {@code <file>.parquet} folder per CSV file, the same columns,
 * typed — date-times as timestamps (instants; text without an offset read in the store's zone, as the import
 * does), {@code birth_date} as a date, money and unit prices as {@code decimal(20,6)}, counts and ratings as
 * integers, the rest as text. The export's files for the job ({@code group_lists.csv}, {@code browsing_events.csv},
 * {@code loyalty_program.csv}, {@code loyalty_ledger.csv}; text but {@code occurred_at}) too, when the folder has them. The job reads such a folder as it reads the CSV one ({@link StoreTables}).
 */
public final class ParquetFolder {

    static final Set<String> INSTANTS = Set.of("created_at", "updated_at", "added_at", "occurred_at");

    /** The export's files the job reads besides the canonical ones (as text, {@code occurred_at} an instant). */
    static final Map<String, List<String>> EXTRA_FILES = Map.of(
            GroupLists.FILE, GroupLists.COLUMNS,
            BrowsingJob.FILE, BrowsingJob.COLUMNS,
            LoyaltyJob.PROGRAM, LoyaltyJob.PROGRAM_COLUMNS,
            LoyaltyJob.LEDGER, LoyaltyJob.LEDGER_COLUMNS);

    static final Set<String> DECIMALS = Set.of("total", "discount_total", "unit_price", "price");
    static final Set<String> WHOLE = Set.of("quantity", "items_count", "rating");

    private ParquetFolder() {}

    /** Writes every file the CSV store has; @return the rows written, by file */
    public static Map<String, Long> write(SparkSession spark, StoreSource csvStore, String out) {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        UserDefinedFunction instant = udf(instant(csvStore.timeZone()), DataTypes.TimestampType);
        UserDefinedFunction decimal = udf(decimal(), DataTypes.createDecimalType(20, 6));
        UserDefinedFunction whole = udf(whole(), DataTypes.IntegerType);
        UserDefinedFunction date = udf(date(), DataTypes.DateType);
        Map<String, List<String>> files = new java.util.LinkedHashMap<>();
        for (CanonicalCsv file : CanonicalCsv.values()) {
            files.put(file.fileName(), file.columns());
        }
        files.putAll(new java.util.TreeMap<>(EXTRA_FILES));
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            if (csvStore.file(file.getKey(), spark.sparkContext().hadoopConfiguration())
                    .isEmpty()) {
                continue;
            }
            Dataset<Row> text = StoreTables.read(spark, List.of(csvStore), file.getKey(), file.getValue());
            List<Column> typed = new ArrayList<>();
            for (String name : file.getValue()) {
                Column c = col(name);
                typed.add((INSTANTS.contains(name)
                                ? instant.apply(c)
                                : DECIMALS.contains(name)
                                        ? decimal.apply(c)
                                        : WHOLE.contains(name)
                                                ? whole.apply(c)
                                                : name.equals("birth_date") ? date.apply(c) : c)
                        .as(name));
            }
            // one part file in the CSV's row order: the rows gathered in one task and sorted there by their
            // place in the file (no global sort: no sampling job, no shuffle)
            Dataset<Row> table = text.coalesce(1).sortWithinPartitions("seq").select(typed.toArray(Column[]::new));
            org.apache.hadoop.fs.Path target =
                    new org.apache.hadoop.fs.Path(out, file.getKey().replace(".csv", ".parquet"));
            table.write().mode(SaveMode.Overwrite).parquet(target.toString());
            rows.put(file.getKey(), rowsIn(target, spark.sparkContext().hadoopConfiguration()));
        }
        return rows;
    }

    /** The rows of a written Parquet folder, from its part files' footers (read by the driver, no Spark job). */
    static long rowsIn(org.apache.hadoop.fs.Path folder, Configuration conf) {
        try {
            FileSystem fs = folder.getFileSystem(conf);
            long rows = 0;
            for (FileStatus part : fs.listStatus(folder, p -> p.getName().endsWith(".parquet"))) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(part, conf))) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footers of " + folder, e);
        }
    }

    private static UDF1<String, Timestamp> instant(String zone) {
        return text -> blank(text) ? null : Timestamp.from(Dates.parseInstant(text, java.time.ZoneId.of(zone)));
    }

    private static UDF1<String, BigDecimal> decimal() {
        return text -> blank(text) ? null : Numerals.decimal(text.strip()).setScale(6, RoundingMode.UNNECESSARY);
    }

    private static UDF1<String, Integer> whole() {
        return text -> {
            if (blank(text)) {
                return null;
            }
            Long value = Numerals.whole(text.strip(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (value == null) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
            return value.intValue();
        };
    }

    private static UDF1<String, Date> date() {
        return text -> blank(text) ? null : Date.valueOf(Dates.parseDate(text));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
