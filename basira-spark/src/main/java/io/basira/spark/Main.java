package io.basira.spark;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.basira.card.CardColumns;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The job's command line (docs/spark.md), for {@code basira-spark/run} on one machine and for
 * {@code spark-submit} on a cluster:
 *
 * <pre>
 * cards     (--in FOLDER | --stores ROOT) [--currency C --time-zone Z] [--as-of DATE] --out FILE.csv|DIR
 * groups    ... --rules FILE.csv --out FILE.csv|DIR
 * analytics ... --out FILE.csv|DIR
 * parquet   --in FOLDER --currency C --time-zone Z --out FOLDER   (a canonical CSV folder as typed Parquet)
 * </pre>
 *
 * {@code --in} is one store's folder (the store is named after it); {@code --stores} a folder of store folders,
 * each store's currency and zone from {@code ROOT/stores.csv} ({@code store,currency,time_zone}) or the flags. An
 * {@code --out} ending in {@code .csv} is one CSV file written by the driver, sorted by customer (one store);
 * any other is a folder of Parquet and CSV partitioned by store, written by the executors. The last line printed
 * says how many rows were written.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException {
        try {
            Map<String, String> options = options(args);
            String command = options.get("command");
            String out = required(options, "out");
            try (SparkSession spark = session()) {
                Configuration hadoop = spark.sparkContext().hadoopConfiguration();
                List<StoreSource> stores = stores(options, hadoop);
                LocalDate asOf = options.containsKey("as-of")
                        ? LocalDate.parse(options.get("as-of"))
                        : LocalDate.now(stores.get(0).zone());
                String said = switch (command) {
                    case "cards" -> cards(spark, stores, asOf, Map.of(), out, false);
                    case "groups" ->
                        cards(
                                spark,
                                stores,
                                asOf,
                                GroupRules.read(java.nio.file.Path.of(required(options, "rules"))),
                                out,
                                true);
                    case "analytics" -> analytics(spark, stores, asOf, out);
                    case "parquet" -> parquet(spark, stores, out);
                    default ->
                        throw new IllegalArgumentException(
                                "unknown command '" + command + "': cards, groups, analytics or parquet");
                };
                System.out.println(said);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("basira-spark: " + e.getMessage());
            System.exit(2);
        }
    }

    /** A session: local mode on all cores unless spark-submit set the master; UTC; no UI. */
    public static SparkSession session() {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder()
                .appName("basira")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    static String cards(
            SparkSession spark,
            List<StoreSource> stores,
            LocalDate asOf,
            Map<String, String> rules,
            String out,
            boolean groups)
            throws IOException {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        CardsJob.Settings settings = new CardsJob.Settings(
                byStore,
                asOf,
                rules,
                groups && GroupRules.usesLoyalty(rules) ? LoyaltyJob.programs(spark, stores) : null);
        Dataset<Fact> facts = CardsJob.facts(spark, stores);
        if (!groups) {
            Dataset<CardLine> lines = CardsJob.cards(facts, settings);
            if (isCsv(out)) {
                long count = writeCsv(spark, out, CardColumns.header(), sorted(CardsJob.table(lines)), 1);
                return "Wrote " + count + " cards to " + where(spark, out);
            }
            Dataset<Row> table = CardsJob.table(lines).cache();
            writeFolder(table, out);
            return "Wrote " + table.count() + " cards to " + where(spark, out);
        }
        Dataset<CardLine> lines =
                CardsJob.cards(CardsJob.withGroupFacts(spark, stores, facts.cache(), asOf, rules), settings);
        Dataset<Row> members = GroupsOutput.members(lines).cache();
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : GroupsOutput.counts(members).collectAsList()) {
            counts.put(row.getString(0) + " " + row.getString(1), row.getLong(2));
        }
        for (String key : GroupRules.dependencies(rules).evaluationOrder()) {
            for (StoreSource store : stores) {
                counts.putIfAbsent(store.slug() + " " + key, 0L);
            }
        }
        counts.forEach((key, count) -> System.out.println(key + ": " + count));
        long total;
        if (isCsv(out)) {
            total = writeCsv(
                    spark,
                    out,
                    List.of("group", "customer_id"),
                    members.orderBy("store", "group", "customer_id")
                            .select("group", "customer_id")
                            .toLocalIterator(),
                    0);
        } else {
            writeFolder(members, out);
            total = members.count();
        }
        return "Wrote " + total + " memberships of " + rules.size() + " groups to " + where(spark, out);
    }

    static String parquet(SparkSession spark, List<StoreSource> stores, String out) throws IOException {
        if (stores.size() != 1 || stores.get(0).parquet()) {
            throw new IllegalArgumentException("parquet converts one store's canonical CSV folder: give --in FOLDER");
        }
        Map<String, Long> rows = ParquetFolder.write(spark, stores.get(0), out);
        rows.forEach((file, count) -> System.out.println(file + ": " + count + " rows"));
        return "Wrote " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows as Parquet to "
                + where(spark, out);
    }

    static String analytics(SparkSession spark, List<StoreSource> stores, LocalDate asOf, String out)
            throws IOException {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        List<AnalyticsJob.StoreResult> results = AnalyticsJob.analyze(CardsJob.facts(spark, stores), byStore, asOf)
                .collectAsList();
        List<String> header = new ArrayList<>();
        header.add("customer_id");
        header.addAll(AnalyticsJob.COLUMNS);
        long count = 0;
        for (AnalyticsJob.StoreResult result : results) {
            System.out.println(result.getStore() + ": method " + result.getMethod() + ", BG/NBD r, alpha, a, b, LL "
                    + result.getBgNbd() + ", Gamma-Gamma p, q, gamma, LL " + result.getGammaGamma());
        }
        if (isCsv(out)) {
            if (results.size() != 1) {
                throw new IllegalArgumentException("one CSV file holds one store's analytics: give an --out folder");
            }
            List<List<String>> rows = new ArrayList<>(results.get(0).getCustomers());
            rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
            count = writeCsv(
                    spark, out, header, rows.stream().map(r -> (Object) r).iterator(), 0);
        } else {
            for (AnalyticsJob.StoreResult result : results) {
                String file = new Path(out, result.getStore() + ".csv").toString();
                List<List<String>> rows = new ArrayList<>(result.getCustomers());
                rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
                count += writeCsv(
                        spark, file, header, rows.stream().map(r -> (Object) r).iterator(), 0);
            }
        }
        return "Wrote " + count + " customers' analytics to " + where(spark, out);
    }

    private static Iterator<?> sorted(Dataset<Row> table) {
        return table.orderBy("store", "customer_id").toLocalIterator();
    }

    private static boolean isCsv(String out) {
        return out.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The output's full URI, as Hadoop's FileSystem resolves it. */
    private static String where(SparkSession spark, String out) throws IOException {
        Path path = new Path(out);
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                .makeQualified(path)
                .toString();
    }

    private static void writeFolder(Dataset<Row> table, String out) {
        table.write().mode(SaveMode.Overwrite).partitionBy("store").parquet(new Path(out, "parquet").toString());
        table.write()
                .mode(SaveMode.Overwrite)
                .partitionBy("store")
                .option("header", "true")
                .option("escape", "\"")
                .csv(new Path(out, "csv").toString());
    }

    /**
     * Writes a header and rows (Spark rows, from column {@code skip} on, or lists of text) as the server's exports
     * do (FastCSV, LF; a customer id that starts like a formula gets a leading quote).
     */
    static long writeCsv(SparkSession spark, String file, List<String> header, Iterator<?> rows, int skip)
            throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        long count = 0;
        try (Writer writer =
                new BufferedWriter(new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8))) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(writer);
            csv.writeRecord(header);
            while (rows.hasNext()) {
                Object next = rows.next();
                List<String> values = new ArrayList<>();
                if (next instanceof Row row) {
                    for (int i = skip; i < row.length(); i++) {
                        values.add(row.isNullAt(i) ? "" : row.get(i).toString());
                    }
                } else {
                    for (Object value : (List<?>) next) {
                        values.add(value == null ? "" : value.toString());
                    }
                }
                int id = header.indexOf("customer_id");
                values.set(id, SpreadsheetText.safe(values.get(id)));
                csv.writeRecord(values);
                count++;
            }
            csv.flush();
        }
        return count;
    }

    /**
     * The stores of {@code --in} or {@code --stores}, listed through Hadoop's FileSystem with the session's
     * configuration: a local path, {@code file://}, {@code hdfs://} or {@code s3a://} (with hadoop-aws on the
     * classpath) alike.
     */
    static List<StoreSource> stores(Map<String, String> options, Configuration conf) throws IOException {
        if (options.containsKey("in") == options.containsKey("stores")) {
            throw new IllegalArgumentException(
                    "give either --in FOLDER (one store) or --stores ROOT (a folder of stores)");
        }
        if (options.containsKey("in")) {
            Path folder = new Path(options.get("in"));
            FileSystem fs = folder.getFileSystem(conf);
            return List.of(source(
                    fs, fs.makeQualified(folder), required(options, "currency"), required(options, "time-zone")));
        }
        Path given = new Path(options.get("stores"));
        FileSystem fs = given.getFileSystem(conf);
        Path root = fs.makeQualified(given);
        if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        Map<String, String[]> manifest = new HashMap<>();
        Path stores = new Path(root, "stores.csv");
        if (fs.exists(stores)) {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(fs.open(stores), StandardCharsets.UTF_8))) {
                List<String> lines = reader.lines().toList();
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] cells = line.split(",");
                    if (cells.length == 3) {
                        manifest.put(cells[0].strip(), new String[] {cells[1].strip(), cells[2].strip()});
                    }
                }
            }
        }
        List<StoreSource> sources = new ArrayList<>();
        List<FileStatus> folders = new ArrayList<>(Arrays.asList(fs.listStatus(root)));
        folders.sort(Comparator.comparing(f -> f.getPath().getName()));
        for (FileStatus status : folders) {
            if (!status.isDirectory()) {
                continue;
            }
            Path folder = status.getPath();
            String[] named = manifest.get(folder.getName());
            String currency = named != null ? named[0] : options.get("currency");
            String zone = named != null ? named[1] : options.get("time-zone");
            if (currency == null || zone == null) {
                throw new IllegalArgumentException("the store '" + folder.getName()
                        + "' has no line in stores.csv and no --currency and --time-zone were given");
            }
            sources.add(source(fs, folder, currency, zone));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no store folder");
        }
        return sources;
    }

    private static StoreSource source(FileSystem fs, Path folder, String currency, String zone) throws IOException {
        if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        ZoneId.of(zone);
        boolean parquet = fs.exists(new Path(folder, "orders.parquet"));
        return new StoreSource(folder.getName(), folder.toString(), currency, zone, parquet);
    }

    static Map<String, String> options(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: cards|groups|analytics (--in FOLDER | --stores ROOT) "
                    + "[--currency C --time-zone Z] [--as-of YYYY-MM-DD] [--rules FILE.csv] --out FILE.csv|DIR");
        }
        Map<String, String> options = new HashMap<>();
        options.put("command", args[0]);
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option VALUE at '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
