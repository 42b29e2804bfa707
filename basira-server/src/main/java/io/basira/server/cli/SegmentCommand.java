package io.basira.server.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.fields.BuiltInFields;
import io.basira.groups.SegmentQuery;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.segment.text.RuleText;
import io.basira.server.platform.csv.SpreadsheetCsv;
import io.basira.shared.DateRange;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code basira segment count|export}: the customers of a store that a rule matches, as of a day
 * (docs/groups.md). A rule that cannot be read is reported with its position, exit code 2.
 */
@Command(
        name = "segment",
        description = "Count or export the customers a rule matches.",
        subcommands = {SegmentCommand.Count.class, SegmentCommand.Export.class})
public class SegmentCommand {

    /** What both subcommands take. */
    static class Query {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--store", required = true, paramLabel = "SLUG")
        String slug;

        @Option(
                names = "--query",
                required = true,
                paramLabel = "RULE",
                description = "the rule, e.g. 'total_spent > 1500 OR order_count > 10' (docs/rules.md)")
        String query;

        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description = "the day taken as today (default: today in the store's time zone)")
        LocalDate asOf;

        /**
         * Refuses a rule that does not parse or an as-of day outside the accepted dates, before any work. A
         * field the core does not know may be a server feature's: that rule is read again, against the
         * server's catalogue, once the application is up ({@link #run}).
         */
        void check() {
            try {
                RuleText.parse(query, BuiltInFields.catalogue());
            } catch (RuleSyntaxException e) {
                if (!e.reason().startsWith("unknown field '")) {
                    throw e;
                }
            }
            DateRange.require(asOf, "--as-of");
        }

        /** The matching customer ids, sorted, and a line describing the query. */
        List<String> run(ConfigurableApplicationContext context, StringBuilder description) {
            Condition rule = RuleText.parse(query, context.getBean(FieldCatalogue.class));
            Store store = Commands.store(context, slug);
            LocalDate day = asOf != null
                    ? asOf
                    : Dates.dateIn(context.getBean(Clock.class).instant(), store.timeZone());
            description
                    .append("store '")
                    .append(slug)
                    .append("', as of ")
                    .append(day)
                    .append(": ")
                    .append(RuleText.print(rule));
            return context.getBean(SegmentQuery.class).members(store, rule, day);
        }
    }

    @Command(
            name = "count",
            description = "Print the number of customers the rule matches (the last line is the number alone).")
    static class Count implements Callable<Integer> {
        @Mixin
        Query query;

        @Override
        public Integer call() {
            query.check();
            try (var context = SpringContexts.start(query.db, false, Map.of())) {
                StringBuilder description = new StringBuilder();
                List<String> ids = query.run(context, description);
                System.out.println(description);
                System.out.println(ids.size());
                return 0;
            }
        }
    }

    @Command(name = "export", description = "Write the matching customers' ids to a CSV file (header customer_id).")
    static class Export implements Callable<Integer> {
        @Mixin
        Query query;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv")
        Path out;

        @Override
        public Integer call() throws IOException {
            query.check();
            try (var context = SpringContexts.start(query.db, false, Map.of())) {
                StringBuilder description = new StringBuilder();
                List<String> ids = query.run(context, description);
                Path absolute = out.toAbsolutePath();
                if (absolute.getParent() != null) {
                    Files.createDirectories(absolute.getParent());
                }
                try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                    CsvWriter csv = SpreadsheetCsv.writer(writer);
                    csv.writeRecord("customer_id");
                    for (String id : ids) {
                        csv.writeRecord(SpreadsheetCsv.cell(id));
                    }
                    csv.flush();
                }
                System.out.println(description);
                System.out.println("Exported " + ids.size() + " customers to " + absolute);
                return 0;
            }
        }
    }
}
