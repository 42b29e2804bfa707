package io.basira.server.cli;

import io.basira.analytics.region.PopulationTable;
import io.basira.server.analytics.AnalysisName;
import io.basira.server.analytics.ClvReport;
import io.basira.server.analytics.Report;
import io.basira.server.analytics.ReportPrinter;
import io.basira.server.analytics.StoreAnalytics;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basira analyze NAME --store SLUG [--as-of D] [--from D --to D] [--format table|json|csv]} for the
 * analyses of docs/analytics.md; {@code analyze clv} also takes {@code --time-unit} and {@code --out}, and
 * prints the fitted models as its last line; {@code analyze refresh} recomputes the card fields.
 */
@Command(
        name = "analyze",
        description = "Analyse a store: overview, pareto, cohorts, rfm, types, discounts, regions, "
                + "clv, browsing, affinity, basket, next; or refresh the analytics card fields.")
public class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions db;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description =
                    "overview, pareto, cohorts, rfm, types, discounts, regions, clv, browsing, affinity, basket, next or refresh")
    String name;

    @Option(names = "--store", required = true, paramLabel = "SLUG")
    String slug;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description =
                    "today for the analysis (default: today in the store's time zone); for clv the last calibration day")
    String asOf;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day of the period (inclusive)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day of the period (inclusive)")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv")
    String format;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "clv: days (default) or weeks")
    String timeUnit;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "clv: write per-customer predictions here")
    Path out;

    @Option(
            names = "--population",
            paramLabel = "FILE.csv",
            description = "regions: extra population table (country,region,population)")
    Path population;

    // products (docs/products.md): analyze affinity | basket [--product ID] | next --customer ID | next --evaluate D
    @Option(names = "--product", paramLabel = "ID", description = "basket: the products bought with this one")
    String product;

    @Option(names = "--customer", paramLabel = "ID", description = "next: the customer whose next products to list")
    String customer;

    @Option(names = "--min-count", paramLabel = "N", description = "basket: pairs in at least N orders")
    Integer minCount;

    @Option(names = "--min-support", paramLabel = "0..1", description = "basket: minimum support")
    Double minSupport;

    @Option(names = "--min-confidence", paramLabel = "0..1", description = "basket: minimum confidence")
    Double minConfidence;

    @Option(names = "--limit", paramLabel = "N", description = "basket, next: how many rows")
    Integer limit;

    @Option(
            names = "--evaluate",
            paramLabel = "YYYY-MM-DD",
            description = "next: train before this day, test on the three months from it (hit rate and recall)")
    String evaluate;

    @Override
    public Integer call() throws IOException {
        if (io.basira.server.products.ProductsCli.NAMES.contains(name)) {
            return products();
        }
        boolean refresh = "refresh".equals(name);
        boolean browsing = "browsing".equals(name); // docs/browsing.md, "Analytics": JSON whatever the format
        AnalysisName analysis = refresh || browsing ? null : usage(() -> AnalysisName.of(name));
        ReportPrinter printer = usage(() -> ReportPrinter.of(format));
        // errors only on the console: stdout carries JSON or CSV that other programs read
        try (var context = SpringContexts.start(db, false, Map.of("logging.threshold.console", "error"))) {
            Store store = Commands.store(context, slug);
            StoreAnalytics analytics = context.getBean(StoreAnalytics.class);
            AnalysisRequest request = usage(() ->
                    AnalysisRequest.parse(asOf, from, to, timeUnit, context.getBean(Clock.class), store.timeZone()));
            if (browsing) {
                var window = request.window();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("analysis", "browsing");
                json.put("as_of", window.asOf().toString());
                json.putAll(context.getBean(io.basira.server.browsing.BrowsingAnalytics.class)
                        .analyse(
                                store.id(),
                                store.timeZone(),
                                io.basira.server.browsing.BrowsingAnalytics.firstDay(window),
                                window.end()));
                System.out.println(context.getBean(tools.jackson.databind.json.JsonMapper.class)
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json));
                return 0;
            }
            if (refresh) {
                var done = analytics.refresh(store, request.window().asOf());
                System.out.println("Refreshed the analytics of " + done.customers() + " customers of '" + slug
                        + "' as of " + done.asOf() + " (CLV: " + done.clvMethod() + ")");
                return 0;
            }
            if (population != null) {
                String text = Files.readString(population, StandardCharsets.UTF_8);
                PopulationTable table = request.population()
                        .with(
                                usage(() -> io.basira.server.analytics.PopulationCsv.parse(
                                        text, population.getFileName().toString())),
                                population.getFileName().toString());
                request = request.withPopulation(table);
            }
            if (analysis == AnalysisName.CLV) {
                return clv(analytics, store, request, printer);
            }
            Report report = analytics.run(store, analysis, request);
            printer.print(report, withParameters(report, request), System.out);
            return 0;
        }
    }

    private int products() {
        ReportPrinter printer = usage(() -> ReportPrinter.of(format));
        try (var context = SpringContexts.start(db, false, Map.of("logging.threshold.console", "error"))) {
            Store store = Commands.store(context, slug);
            var analytics = context.getBean(io.basira.server.products.ProductAnalytics.class);
            var options = new io.basira.server.products.ProductsCli.Options(
                    product, customer, minCount, minSupport, minConfidence, limit, evaluate);
            Report report = usage(() -> io.basira.server.products.ProductsCli.run(analytics, store, name, options));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("analysis", report.name());
            json.putAll(report.json());
            printer.print(report, json, System.out);
            return 0;
        }
    }

    private int clv(StoreAnalytics analytics, Store store, AnalysisRequest request, ReportPrinter printer)
            throws IOException {
        ClvReport clv = analytics.clv(store, request);
        Report report = clv.report();
        printer.print(report, withParameters(report, request), System.out);
        if (out != null) {
            Path absolute = out.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try (Writer writer = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                clv.writeCsv(writer);
            }
            System.out.println("Wrote " + clv.predictions().size() + " predictions to " + absolute);
        }
        System.out.println(clv.modelsJson());
        return 0;
    }

    private static Map<String, Object> withParameters(Report report, AnalysisRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("analysis", report.name());
        json.put("as_of", request.window().asOf().toString());
        json.putAll(report.json());
        return json;
    }

    private static <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new Commands.UsageError(e.getMessage());
        }
    }
}
