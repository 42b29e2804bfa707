package io.basira.server.analytics.api;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.region.PopulationTable;
import io.basira.shared.DateRange;
import io.basira.shared.Dates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The parameters of one analysis, as both interfaces take them: as-of (default: today in the store's time
 * zone), an optional period, the CLV time unit and the population table for regions.
 */
public record AnalysisRequest(AnalysisWindow window, ClvTimeUnit timeUnit, PopulationTable population) {

    public AnalysisRequest {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(population, "population");
    }

    /**
     * Reads the text parameters; null means absent.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong
     */
    public static AnalysisRequest parse(
            String asOf, String from, String to, String timeUnit, Clock clock, ZoneId zone) {
        LocalDate today = Dates.dateIn(clock.instant(), zone);
        LocalDate asOfDate = asOf == null ? today : date("as-of", asOf);
        LocalDate fromDate = from == null ? null : date("from", from);
        LocalDate toDate = to == null ? null : date("to", to);
        return new AnalysisRequest(
                new AnalysisWindow(asOfDate, fromDate, toDate), unit(timeUnit), PopulationTable.gulf());
    }

    public AnalysisRequest withPopulation(PopulationTable table) {
        return new AnalysisRequest(window, timeUnit, table);
    }

    /** The as-of day alone ({@code refresh}): the same parsing and range as {@link #parse}. */
    public static LocalDate asOf(String asOf, Clock clock, ZoneId zone) {
        return asOf == null ? Dates.dateIn(clock.instant(), zone) : date("as-of", asOf);
    }

    /** A date parameter, within the {@link DateRange}; errors name the parameter. */
    private static LocalDate date(String name, String text) {
        try {
            LocalDate date = Dates.parseDate(io.basira.shared.Numerals.asciiDigits(text));
            String problem = DateRange.problem(date);
            if (problem != null) {
                throw new IllegalArgumentException("'" + text.strip() + "' " + problem);
            }
            return date;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static ClvTimeUnit unit(String text) {
        if (text == null) {
            return ClvTimeUnit.DAYS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "days" -> ClvTimeUnit.DAYS;
            case "weeks" -> ClvTimeUnit.WEEKS;
            default -> throw new IllegalArgumentException("time-unit must be days or weeks, not '" + text + "'");
        };
    }
}
