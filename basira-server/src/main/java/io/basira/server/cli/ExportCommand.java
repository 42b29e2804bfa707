package io.basira.server.cli;

import io.basira.segment.FieldCatalogue;
import io.basira.server.customers.CustomerCsvExport;
import io.basira.server.importing.OrderItemsCsvExport;
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
 * as the canonical {@code order_items.csv} (exact unit prices).
 */
@Command(name = "export", description = "Export data of a store.")
public class ExportCommand implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to export: customers, order-items")
    String what;

    @Option(names = "--store", required = true, paramLabel = "SLUG") String slug;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv") Path out;

    @Override
    public Integer call() throws IOException {
        if (!"customers".equals(what) && !"order-items".equals(what)) {
            throw new Commands.UsageError("can export 'customers' or 'order-items', not '" + what + "'");
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
}
