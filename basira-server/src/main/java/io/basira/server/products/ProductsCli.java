package io.basira.server.products;

import io.basira.analytics.products.BoughtTogether;
import io.basira.server.analytics.Report;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.util.Set;

/**
 * What {@code basira analyze affinity|basket|next} run (docs/products.md, "Command line"): the command
 * passes its options here and prints the report.
 */
public final class ProductsCli {

    /** The analysis names this class answers. */
    public static final Set<String> NAMES = Set.of("affinity", "basket", "next");

    private ProductsCli() {}

    /** The options of the three commands; null where not given. */
    public record Options(
            String product,
            String customer,
            Integer minCount,
            Double minSupport,
            Double minConfidence,
            Integer limit,
            String evaluate) {}

    public static Report run(ProductAnalytics analytics, Store store, String name, Options o) {
        int limit = o.limit() == null ? 10 : o.limit();
        switch (name) {
            case "affinity":
                return analytics.affinity(store);
            case "basket": {
                BoughtTogether.Thresholds t = new BoughtTogether.Thresholds(
                        o.minCount() == null ? (o.product() == null ? 2 : 1) : o.minCount(),
                        o.minSupport() == null ? 0 : o.minSupport(),
                        o.minConfidence() == null ? 0 : o.minConfidence());
                return o.product() == null
                        ? analytics.basket(store, t, o.limit() == null ? 50 : limit)
                        : analytics.alsoBought(store, o.product(), t, limit);
            }
            case "next":
                if (o.evaluate() != null) {
                    return analytics.evaluate(store, parse(o.evaluate()), limit);
                }
                if (o.customer() == null) {
                    throw new IllegalArgumentException("analyze next needs --customer ID (or --evaluate YYYY-MM-DD)");
                }
                return analytics.next(store, o.customer(), limit);
            default:
                throw new IllegalArgumentException("unknown product analysis '" + name + "'");
        }
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--evaluate: '" + day + "' is not a date YYYY-MM-DD");
        }
    }
}
