package io.basira.server.analytics.web;

import io.basira.analytics.AnalysisWindow;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.shared.Dates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The as-of day and period of an analytics page, read from its form ({@code as_of}, {@code from},
 * {@code to}: ISO dates, empty = default) by the same rules as the API (docs/analytics.md, "Common
 * rules"). A form that cannot be read falls back to the defaults and keeps the reason in {@code error}
 * (the page shows it next to the form, with the values as typed).
 *
 * @param asOf, from, to the values as typed, never null (empty when absent), for the form
 * @param request what the analyses run with
 * @param error why the typed values were not used; null when they were
 */
public record AnalyticsPeriod(String asOf, String from, String to, AnalysisRequest request, String error) {

    public static AnalyticsPeriod read(String asOf, String from, String to, Clock clock, ZoneId zone) {
        String a = blankToNull(asOf);
        String f = blankToNull(from);
        String t = blankToNull(to);
        try {
            return new AnalyticsPeriod(
                    text(a), text(f), text(t), AnalysisRequest.parse(a, f, t, null, clock, zone), null);
        } catch (IllegalArgumentException e) {
            return new AnalyticsPeriod(
                    text(a),
                    text(f),
                    text(t),
                    AnalysisRequest.parse(null, null, null, null, clock, zone),
                    e.getMessage());
        }
    }

    public AnalysisWindow window() {
        return request.window();
    }

    /** The day the analyses treat as today. */
    public LocalDate asOfDate() {
        return request.window().asOf();
    }

    /**
     * The period as a query string for links to another tab ({@code ?as_of=…&from=…}, only the values
     * given), empty when none was given or they could not be read.
     */
    public String query() {
        if (error != null) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        append(query, "as_of", asOf);
        append(query, "from", from);
        append(query, "to", to);
        return query.toString();
    }

    /** {@code path} with the period's query and then {@code extra} ({@code name=value&…}, already safe). */
    public String link(String path, String extra) {
        String query = query();
        return path + query + (query.isEmpty() ? "?" : "&") + extra;
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
        }
    }

    /** Today in the store's time zone, the largest date the form accepts. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return Dates.dateIn(clock.instant(), zone);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
