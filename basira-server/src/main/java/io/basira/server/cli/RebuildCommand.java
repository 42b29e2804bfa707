package io.basira.server.cli;

import io.basira.server.importing.RebuildCards;
import io.basira.shared.Store;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira rebuild cards --store SLUG}: folds every card of the store again from its stored
 * records, streamed and written in batches, in one transaction that holds the store's writes; the
 * groups follow ({@link RebuildCards}, docs/operations.md).
 */
@Command(name = "rebuild", description = "Recompute derived data of a store from its stored records.")
public class RebuildCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to rebuild: cards")
    String what;

    @Option(names = "--store", required = true, paramLabel = "SLUG")
    String slug;

    @Override
    public Integer call() {
        if (!"cards".equals(what)) {
            throw new Commands.UsageError("can rebuild 'cards', not '" + what + "'");
        }
        try (var context = SpringContexts.start(db, false, Map.of())) {
            Store store = Commands.store(context, slug);
            long started = System.nanoTime();
            long rebuilt = context.getBean(RebuildCards.class).run(store);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Rebuilt %d cards of '%s' in %.1f s%n", rebuilt, slug, took.toMillis() / 1000.0);
            return 0;
        }
    }
}
