package io.basira.server.cli;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basira demo generate}: writes a deterministic demo store as a canonical CSV folder. */
@Command(name = "demo", description = "Generate demo data.", subcommands = DemoCommand.Generate.class)
public class DemoCommand {

    @Command(
            name = "generate",
            description = "Write a realistic Saudi demo store as canonical CSV files (docs/demo-store.md).")
    static class Generate implements Callable<Integer> {
        @Mixin
        DatabaseOptions db; // accepted like every command; generating touches no database

        @Option(names = "--customers", defaultValue = "2000", description = "number of customers (default: 2000)")
        int customers;

        @Option(names = "--orders", description = "number of orders (default: about 2.5 per customer)")
        Long orders;

        @Option(names = "--seed", description = "random seed (default: a fixed one)")
        Long seed;

        @Option(names = "--end", description = "last day of activity, YYYY-MM-DD (default: a fixed date)")
        LocalDate end;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            DemoStoreSpec spec = DemoStoreSpec.defaults().withCustomers(customers);
            if (orders != null) {
                spec = spec.withOrders(orders);
            }
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            if (end != null) {
                spec = spec.withPeriod(end.minusYears(2).plusDays(1), end);
            }
            long started = System.nanoTime();
            var summary = new DemoStoreGenerator().write(spec, out);
            summary.rowsPerFile().forEach((file, rows) -> System.out.printf("%-18s %,12d rows%n", file, rows));
            System.out.printf("Wrote %s in %.1f s%n", out.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }
}
