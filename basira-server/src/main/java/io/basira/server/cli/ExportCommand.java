package io.basira.server.cli;

import io.basira.segment.FieldCatalogue;
import io.basira.server.customers.CustomerCsvExport;
import io.basira.server.importing.OrderItemsCsvExport;
import io.basira.server.importing.StoreCsvExport;
import io.basira.server.jdbc.JdbcCustomerQueries;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira export customers|order-items --store SLUG --out FILE.csv}: the customer cards, or the order lines
 * as the canonical {@code order_items.csv} (exact unit prices). {@code basira export store --store SLUG --format csv
 * --out FOLDER}: the store's data as the canonical CSV folder ({@link StoreCsvExport}); Parquet is written from that
 * folder by basira-spark (docs/spark.md), which keeps Hadoop's libraries out of the server.
 */
@Command(name = "export", description = "Export data of a store.")
public class ExportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to export: customers, order-items, store")
    String what;

    @Option(names = "--store", required = true, paramLabel = "SLUG") String slug;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FOLDER") Path out;

    @Option(names = "--format", paramLabel = "csv|parquet", description = "store: the folder's format (csv)")
    String format = "csv";

    @Override
    public Integer call() throws IOException {
        if ("store".equals(what)) {
            return store();
        }
        if (!"customers".equals(what) && !"order-items".equals(what)) {
            throw new Commands.UsageError("can export 'customers', 'order-items' or 'store', not '" + what + "'");
        }
        try (var context = SpringContexts.start(db, false, Map.of())) {
            Store store = Commands.store(context, slug);
            var export = new CustomerCsvExport(context.getBean(JdbcCustomerQueries.class), context.getBean(Clock.class),
                    context.getBean(FieldCatalogue.class));
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            long count;
            try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                count = "customers".equals(what) ? export.write(store, writer)
                        : new OrderItemsCsvExport(context.getBean(JdbcTemplate.class)).write(store, writer);
            }
            System.out.println("Exported " + count + ("customers".equals(what) ? " customers" : " order lines")
                    + " of '" + slug + "' to " + absolute);
            return 0;
        }
    }

    // export store (spark): the canonical folder; Parquet from it by basira-spark
    private Integer store() throws IOException {
        if ("parquet".equals(format)) {
            throw new Commands.UsageError("the server writes the canonical CSV folder; Parquet is written from it by "
                    + "basira-spark: basira export store --store " + slug + " --format csv --out FOLDER, then "
                    + "basira-spark/run parquet --in FOLDER --currency C --time-zone Z --out FOLDER.parquet (docs/spark.md)");
        }
        if (!"csv".equals(format)) {
            throw new Commands.UsageError("--format is csv or parquet, not '" + format + "'");
        }
        try (var context = SpringContexts.start(db, false, Map.of())) {
            Store store = Commands.store(context, slug);
            Path folder = out.toAbsolutePath();
            Map<String, Long> rows = new StoreCsvExport(context.getBean(JdbcTemplate.class)).write(store, folder);
            rows.forEach((file, count) -> System.out.println(file + ": " + count + " rows"));
            System.out.println("Exported store '" + slug + "' (" + store.currency().getCurrencyCode() + ", "
                    + store.timeZone().getId() + ") to " + folder);
            return 0;
        }
    }
}
