package io.basira.server.cli;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.lift.ArmResult;
import io.basira.server.campaigns.CampaignService;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira campaigns list|show|report|run-due} (docs/campaigns.md, "API/CLI/dashboard"): a store's campaigns,
 * one campaign, its report with the lift in words, and one enrolling-and-sending round now (what the server's loop does
 * every 30 s).
 */
@Command(
        name = "campaigns",
        description = "List, show and report a store's campaigns; run the due messages now.",
        subcommands = {
            CampaignsCommand.ListCampaigns.class,
            CampaignsCommand.Show.class,
            CampaignsCommand.Report.class,
            CampaignsCommand.RunDue.class
        })
public class CampaignsCommand {

    @Command(name = "list", description = "The store's campaigns: id, status, kind, name.")
    static class ListCampaigns implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                var campaigns = context.getBean(CampaignService.class).list(store);
                if (campaigns.isEmpty()) {
                    System.out.println("No campaigns in '" + slug + "'");
                }
                for (Campaign c : campaigns) {
                    System.out.printf(
                            "%6d  %-9s %-16s %s%n",
                            c.id(), c.status().code(), c.kind().code(), c.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "show", description = "One campaign's definition.")
    static class Show implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Campaign c = context.getBean(CampaignService.class).show(Commands.store(context, slug), id);
                System.out.printf(
                        "%d %s (%s, %s)%n  channel %s, purpose %s%n  control %d%%, attribution %d days%n",
                        c.id(),
                        c.name(),
                        c.kind().code(),
                        c.status().code(),
                        c.channel(),
                        c.purpose(),
                        c.controlPercent(),
                        c.attributionDays());
                return 0;
            }
        }
    }

    @Command(
            name = "report",
            description = "What became of a campaign's messages and the lift against its control" + " group.")
    static class Report implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                Store store = Commands.store(context, slug);
                CampaignService.Report report =
                        context.getBean(CampaignService.class).report(store, id);
                System.out.printf(
                        "%d %s (%s)%n",
                        id, report.campaign().name(), report.campaign().status().code());
                report.outcomes().forEach((state, n) -> System.out.printf("  %-32s %d%n", state, n));
                int digits = Money.fractionDigits(store.currency());
                System.out.println("  treatment: " + arm(report.lift().treatment(), digits));
                System.out.println("  control:   " + arm(report.lift().control(), digits));
                System.out.println(io.basira.server.campaigns.CampaignService.liftInEnglish(report.lift()));
                return 0;
            }
        }

        private static String arm(ArmResult arm, int digits) {
            return String.format(
                    "%d recipients, %d converted (%s%%), revenue per recipient %s",
                    arm.recipients(),
                    arm.conversions(),
                    BigDecimal.valueOf(100 * arm.conversionRate()).setScale(2, RoundingMode.HALF_UP),
                    arm.revenuePerRecipientMinor().movePointLeft(digits).setScale(digits, RoundingMode.HALF_UP));
        }
    }

    @Command(
            name = "run-due",
            description =
                    "Enrol what is due (abandoned carts, one-offs) and send the due messages" + " now, every store.")
    static class RunDue implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            try (var context = SpringContexts.start(db, false, Map.of())) {
                CampaignService.Run run = context.getBean(CampaignService.class).runDue();
                System.out.printf(
                        "%d enrolled; %d due: %d sent, %d waiting, %d suppressed, %d failed, %d cancelled%n",
                        run.enrolled(),
                        run.round().claimed(),
                        run.round().sent(),
                        run.round().deferred(),
                        run.round().suppressed(),
                        run.round().failed(),
                        run.round().cancelled());
                return 0;
            }
        }
    }
}
