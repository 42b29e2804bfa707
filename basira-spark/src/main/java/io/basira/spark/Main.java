package io.basira.spark;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.basira.card.CardColumns;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
            List<StoreSource> stores = stores(options);
            LocalDate asOf = options.containsKey("as-of") ? LocalDate.parse(options.get("as-of"))
                    : LocalDate.now(stores.get(0).zone());
            Path out = Path.of(required(options, "out"));
            try (SparkSession spark = session()) {
                String said = switch (command) {
                    case "cards" -> cards(spark, stores, asOf, Map.of(), out, false);
                    case "groups" -> cards(spark, stores, asOf, GroupRules.read(Path.of(required(options, "rules"))), out, true);
                    case "analytics" -> analytics(spark, stores, asOf, out);
                    case "parquet" -> parquet(spark, stores, out);
                    default -> throw new IllegalArgumentException(
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
        SparkSession.Builder builder = SparkSession.builder().appName("basira")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"));
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    static String cards(SparkSession spark, List<StoreSource> stores, LocalDate asOf, Map<String, String> rules, Path out,
            boolean groups) throws IOException {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        Dataset<CardLine> lines = CardsJob.cards(CardsJob.facts(spark, stores), new CardsJob.Settings(byStore, asOf, rules));
        if (!groups) {
            if (isCsv(out)) {
                long count = writeCsv(out, CardColumns.header(), sorted(CardsJob.table(lines)), 1);
                return "Wrote " + count + " cards to " + out.toAbsolutePath();
            }
            Dataset<Row> table = CardsJob.table(lines).cache();
            writeFolder(table, out);
            return "Wrote " + table.count() + " cards to " + out.toAbsolutePath();
        }
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
            total = writeCsv(out, List.of("group", "customer_id"), members.orderBy("store", "group", "customer_id")
                    .select("group", "customer_id").toLocalIterator(), 0);
        } else {
            writeFolder(members, out);
            total = members.count();
        }
        return "Wrote " + total + " memberships of " + rules.size() + " groups to " + out.toAbsolutePath();
    }

    static String parquet(SparkSession spark, List<StoreSource> stores, Path out) {
        if (stores.size() != 1 || stores.get(0).parquet()) {
            throw new IllegalArgumentException("parquet converts one store's canonical CSV folder: give --in FOLDER");
        }
        Map<String, Long> rows = ParquetFolder.write(spark, stores.get(0), out);
        rows.forEach((file, count) -> System.out.println(file + ": " + count + " rows"));
        return "Wrote " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows as Parquet to "
                + out.toAbsolutePath();
    }

    static String analytics(SparkSession spark, List<StoreSource> stores, LocalDate asOf, Path out) throws IOException {
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
            count = writeCsv(out, header, rows.stream().map(r -> (Object) r).iterator(), 0);
        } else {
            Files.createDirectories(out);
            for (AnalyticsJob.StoreResult result : results) {
                Path file = out.resolve(result.getStore() + ".csv");
                List<List<String>> rows = new ArrayList<>(result.getCustomers());
                rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
                count += writeCsv(file, header, rows.stream().map(r -> (Object) r).iterator(), 0);
            }
        }
        return "Wrote " + count + " customers' analytics to " + out.toAbsolutePath();
    }

    private static Iterator<?> sorted(Dataset<Row> table) {
        return table.orderBy("store", "customer_id").toLocalIterator();
    }

    private static boolean isCsv(Path out) {
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static void writeFolder(Dataset<Row> table, Path out) {
        table.write().mode(SaveMode.Overwrite).partitionBy("store").parquet(out.resolve("parquet").toString());
        table.write().mode(SaveMode.Overwrite).partitionBy("store").option("header", "true").option("escape", "\"")
                .csv(out.resolve("csv").toString());
    }

    /**
     * Writes a header and rows (Spark rows, from column {@code skip} on, or lists of text) as the server's exports
     * do (FastCSV, LF; a customer id that starts like a formula gets a leading quote).
     */
    static long writeCsv(Path file, List<String> header, Iterator<?> rows, int skip) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        long count = 0;
        try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
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

    /** The stores of {@code --in} or {@code --stores}. */
    static List<StoreSource> stores(Map<String, String> options) throws IOException {
        if (options.containsKey("in") == options.containsKey("stores")) {
            throw new IllegalArgumentException("give either --in FOLDER (one store) or --stores ROOT (a folder of stores)");
        }
        if (options.containsKey("in")) {
            Path folder = Path.of(options.get("in")).toAbsolutePath().normalize();
            return List.of(source(folder, required(options, "currency"), required(options, "time-zone")));
        }
        Path root = Path.of(options.get("stores")).toAbsolutePath().normalize();
        Map<String, String[]> manifest = new HashMap<>();
        Path stores = root.resolve("stores.csv");
        if (Files.exists(stores)) {
            for (String line : Files.readAllLines(stores, StandardCharsets.UTF_8).subList(1, Files.readAllLines(stores).size())) {
                String[] cells = line.split(",");
                if (cells.length == 3) {
                    manifest.put(cells[0].strip(), new String[] {cells[1].strip(), cells[2].strip()});
                }
            }
        }
        List<StoreSource> sources = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String[] given = manifest.get(folder.getFileName().toString());
                String currency = given != null ? given[0] : options.get("currency");
                String zone = given != null ? given[1] : options.get("time-zone");
                if (currency == null || zone == null) {
                    throw new IllegalArgumentException("the store '" + folder.getFileName()
                            + "' has no line in stores.csv and no --currency and --time-zone were given");
                }
                sources.add(source(folder, currency, zone));
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(root + " holds no store folder");
        }
        return sources;
    }

    private static StoreSource source(Path folder, String currency, String zone) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        ZoneId.of(zone);
        boolean parquet = Files.exists(folder.resolve("orders.parquet"));
        return new StoreSource(folder.getFileName().toString(), folder.toString(), currency, zone, parquet);
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
