package io.basira.server.cli;

import io.basira.loyalty.RebuildLedgers;
import io.basira.server.loyalty.LoyaltyAnswersText;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.loyalty.api.ProgramBody;
import io.basira.server.privacy.AuditLog;
import io.basira.shared.Store;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code basira loyalty program|rebuild|show|midnight} (docs/loyalty.md, "Command line"): show the store's program
 * and change its expiry (audited like the API's and the dashboard's changes), replay every ledger of a store
 * from scratch and compare it with the live one ({@code --repair} appends what settles the differences), show a
 * customer's standing and ledger, run the store's loyalty midnight now.
 */
@Command(
        name = "loyalty",
        description = "Rebuild and inspect a store's loyalty ledgers.",
        subcommands = {
            LoyaltyCommand.Program.class,
            LoyaltyCommand.Rebuild.class,
            LoyaltyCommand.Show.class,
            LoyaltyCommand.Midnight.class
        })
public class LoyaltyCommand {

    @Command(
            name = "program",
            description =
                    "Show the store's loyalty program (as the API gives it) and change how"
                            + " its points expire; a change is saved like the API's (same checks) and written to the audit log.")
    static class Program implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(
                names = "--expiry-kind",
                paramLabel = "inactivity|lot",
                description = "inactivity: the whole balance after --expiry-months without a purchase; lot: each lot"
                        + " --expiry-months after it was earned, the oldest spent first")
        String kind;

        @Option(names = "--expiry-months", paramLabel = "N", description = "0: points never expire")
        Integer months;

        @Option(names = "--expiry-warning-days", paramLabel = "N")
        Integer warningDays;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                LoyaltyService loyalty = context.getBean(LoyaltyService.class);
                ProgramBody body = ProgramBody.of(loyalty.program(store), store.currency());
                if (kind != null || months != null || warningDays != null) {
                    try {
                        loyalty.saveProgram(store, body.withExpiry(kind, months, warningDays), AuditLog.Actor.cli());
                    } catch (IllegalArgumentException refused) {
                        System.err.println("Not saved: " + refused.getMessage());
                        return 2;
                    }
                    body = ProgramBody.of(loyalty.program(store), store.currency());
                    System.out.println("Saved the loyalty program of '" + slug + "'");
                }
                System.out.println(context.getBean(JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(body));
                return 0;
            }
        }
    }

    @Command(
            name = "rebuild",
            description = "Replay every ledger of the store from its orders and recorded actions and"
                    + " compare it with the live ledger; exit 1 when they differ (and --repair was not given).")
    static class Rebuild implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--repair", description = "append entries that settle each differing order")
        boolean repair;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                long started = System.nanoTime();
                long cpuStarted = processCpuNanos();
                RebuildLedgers.Report report =
                        context.getBean(LoyaltyService.class).rebuild(store, repair);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                long cpu = processCpuNanos() - cpuStarted;
                System.out.printf(
                        "Replayed %d ledgers (%d sources) of '%s' in %.1f s%s: %s%n",
                        report.customers(),
                        report.sources(),
                        slug,
                        took.toMillis() / 1000.0,
                        cpu < 0
                                ? ""
                                : String.format(java.util.Locale.ROOT, " (%.1f s of this process's CPU)", cpu / 1e9),
                        report.equal() ? "equal to the live ledgers" : report.differing() + " difference(s)");
                report.differences().forEach(line -> System.out.println("  " + line));
                if (repair && report.repaired() > 0) {
                    System.out.printf("Appended %d settling entries%n", report.repaired());
                }
                return report.equal() || repair ? 0 : 1;
            }
        }
    }

    /** The CPU this process has used (every thread, the collector's too); -1 where the platform does not say. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    @Command(name = "show", description = "A customer's points, tier and ledger.")
    static class Show implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(names = "--customer", required = true, paramLabel = "ID")
        String customer;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                System.out.print(LoyaltyAnswersText.of(
                        context.getBean(LoyaltyService.class).customer(store, customer)));
                return 0;
            }
        }
    }

    @Command(
            name = "midnight",
            description = "Run the store's loyalty midnight now (expiry, birthdays, tiers);"
                    + " a no-op when today's has run.")
    static class Midnight implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                boolean ran = context.getBean(LoyaltyService.class).midnight(store);
                System.out.println(ran ? "Ran today's loyalty midnight of '" + slug + "'" : "Today's has run already");
                return 0;
            }
        }
    }
}
