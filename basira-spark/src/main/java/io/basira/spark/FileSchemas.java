package io.basira.spark;

import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.Footer;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.catalyst.csv.UnivocityParser;
import org.apache.spark.sql.execution.datasources.CodecStreams;
import org.apache.spark.sql.execution.datasources.csv.CSVUtils;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a store's file with its schema found by the driver, so that Spark runs no job to find it. Without a schema,
 * Spark runs one small job per file read: for a CSV file to read its header line, for Parquet to read a footer (at
 * a platform's scale, one job per file per store). Here the driver reads the same bytes through Hadoop's FileSystem
 * with the session's configuration ({@code s3a://}, {@code hdfs://}, local paths alike) and Spark's own code, and
 * hands Spark the schema it would have found:
 *
 * <ul>
 *   <li>CSV: the first record tokenized by Spark's parser with the read's own options ({@link #CSV}: quoting,
 *       escapes, multi-line cells, the charset, a BOM dropped), the names made
 *       as Spark makes them ({@code CSVUtils.makeSafeHeader}: an empty name becomes {@code _c<i>}, a name given
 *       twice gets its index), every column text; an empty file has no columns.
 *   <li>Parquet: the footer of the file Spark would read its schema from (without {@code mergeSchema}: the
 *       summary file, else the first data file by path), converted as Spark converts it (the Spark schema it
 *       wrote, else the Parquet types through the session's settings).
 * </ul>
 *
 * <p>The rows are then read by Spark exactly as before. {@code FileSchemasTest} holds both against Spark's own
 * inference (tricky headers, empty files, both Parquet writers), so a Spark upgrade that changes either shows.
 */
public final class FileSchemas {

    /** The options of every CSV read of the job. */
    public static final Map<String, String> CSV = csvOptions();

    private FileSchemas() {}

    private static Map<String, String> csvOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("header", "true");
        options.put("multiLine", "true");
        options.put("escape", "\"");
        options.put("encoding", "UTF-8");
        options.put("mode", "FAILFAST");
        options.put("inferSchema", "false");
        return java.util.Collections.unmodifiableMap(options);
    }

    /** The file at {@code path}, CSV ({@link #CSV}) or Parquet, read by Spark with the schema the driver found. */
    public static Dataset<Row> read(SparkSession spark, String path, boolean parquet) {
        return parquet
                ? spark.read().schema(parquet(spark, path)).parquet(path)
                : spark.read().options(CSV).schema(csv(spark, path)).csv(path);
    }

    /** The schema Spark infers for the CSV file at {@code path} with {@link #CSV}, read by the driver. */
    public static StructType csv(SparkSession spark, String path) {
        SQLConf conf = spark.sessionState().conf();
        CSVOptions options = new CSVOptions(
                scala.collection.immutable.Map$.MODULE$.from(scala.jdk.javaapi.CollectionConverters.asScala(CSV)),
                conf.csvColumnPruning(),
                conf.sessionLocalTimeZone());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String[] first;
        try (InputStream in = CodecStreams.createInputStream(hadoop, new Path(path))) {
            scala.collection.Iterator<String[]> records = UnivocityParser.tokenizeStream(
                    in, false, new CsvParser(options.asParserSettings()), options.charset());
            first = records.hasNext() ? records.next() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + path, e);
        }
        List<StructField> fields = new ArrayList<>();
        if (first != null) {
            for (String name : CSVUtils.makeSafeHeader(first, conf.caseSensitiveAnalysis(), options)) {
                fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
            }
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * The schema Spark infers for the Parquet file or folder at {@code path} (without {@code mergeSchema}), from the
     * footer the driver reads.
     */
    public static StructType parquet(SparkSession spark, String path) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try {
            FileStatus file = schemaFile(new Path(path), hadoop);
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(file, hadoop))) {
                return ParquetFileFormat.readSchemaFromFooter(
                        new Footer(file.getPath(), reader.getFooter()),
                        new ParquetToSparkSchemaConverter(spark.sessionState().conf()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Parquet footer of " + path, e);
        }
    }

    /**
     * The file Spark reads the schema from: the file itself, or in a folder {@code _common_metadata}, else
     * {@code _metadata}, else the first data file by path (names starting with {@code _} or {@code .} are not data).
     */
    private static FileStatus schemaFile(Path path, Configuration hadoop) throws IOException {
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus status = fs.getFileStatus(path);
        if (!status.isDirectory()) {
            return status;
        }
        FileStatus[] listed = fs.listStatus(path);
        for (String summary : List.of("_common_metadata", "_metadata")) {
            for (FileStatus f : listed) {
                if (f.isFile() && f.getPath().getName().equals(summary)) {
                    return f;
                }
            }
        }
        return java.util.Arrays.stream(listed)
                .filter(FileStatus::isFile)
                .filter(f -> !f.getPath().getName().startsWith("_")
                        && !f.getPath().getName().startsWith("."))
                .min(Comparator.comparing(f -> f.getPath().toString()))
                .orElseThrow(() -> new IllegalArgumentException("no Parquet file in " + path));
    }
}
