package io.basira.server.cli;

import io.basira.demo.CanonicalParquet;
import io.basira.segment.FieldCatalogue;
import io.basira.server.cards.CustomerCsvExport;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.importing.OrderItemsCsvExport;
import io.basira.server.importing.StoreCsvExport;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira export customers|order-items --store SLUG --out FILE.csv}: the customer cards, or the order lines
 * as the canonical {@code order_items.csv} (exact unit prices). {@code basira export store --store SLUG --format csv
 * --out FOLDER}: the store's data as the canonical CSV folder ({@link StoreCsvExport}); {@code --format parquet}
 * writes the same files as typed Parquet ({@link CanonicalParquet}, parquet-java's writer without Hadoop at run
 * time; docs/spark.md).
 */
@Command(name = "export", description = "Export data of a store.")
public class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to export: customers, order-items, store")
    String what;

    @Option(names = "--store", required = true, paramLabel = "SLUG")
    String slug;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv|FOLDER")
    Path out;

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
            var export = new CustomerCsvExport(
                    context.getBean(JdbcCustomerQueries.class),
                    context.getBean(Clock.class),
                    context.getBean(FieldCatalogue.class));
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            long count;
            try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                count = "customers".equals(what)
                        ? export.write(store, writer)
                        : new OrderItemsCsvExport(context.getBean(JdbcTemplate.class)).write(store, writer);
            }
            System.out.println("Exported " + count + ("customers".equals(what) ? " customers" : " order lines")
                    + " of '" + slug + "' to " + absolute);
            return 0;
        }
    }

    // export store (spark): the canonical folder, as CSV or as typed Parquet
    private Integer store() throws IOException {
        if (!"csv".equals(format) && !"parquet".equals(format)) {
            throw new Commands.UsageError("--format is csv or parquet, not '" + format + "'");
        }
        try (var context = SpringContexts.start(db, false, Map.of())) {
            Store store = Commands.store(context, slug);
            Path folder = out.toAbsolutePath();
            StoreCsvExport export = new StoreCsvExport(
                    context.getBean(JdbcTemplate.class),
                    context.getBean(io.basira.loyalty.LoyaltyPorts.class).programs());
            Map<String, Long> rows;
            if ("csv".equals(format)) {
                rows = export.write(store, folder);
            } else {
                // the CSV folder first (the same rows, streamed), then each file as Parquet; the CSV goes away
                Files.createDirectories(folder);
                Path csv = Files.createTempDirectory(folder, ".csv-");
                try {
                    export.write(store, csv);
                    rows = CanonicalParquet.write(csv, store.timeZone(), folder);
                } finally {
                    try (Stream<Path> files = Files.list(csv)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                    Files.delete(csv);
                }
            }
            rows.forEach((file, count) -> System.out.println(
                    ("csv".equals(format) ? file : file.replace(".csv", ".parquet")) + ": " + count + " rows"));
            System.out.println("Exported store '" + slug + "' ("
                    + store.currency().getCurrencyCode() + ", "
                    + store.timeZone().getId() + ") to " + folder + ("csv".equals(format) ? "" : " as Parquet"));
            return 0;
        }
    }
}
