package io.basira.analytics;

import io.basira.shared.DateRange;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When an analysis looks: {@code asOf} is "today" (a date in the store's time zone); nothing after the
 * end of that day exists for the analysis. The optional period {@code from}..{@code to} (both inclusive,
 * store dates) selects the orders analysed; {@code to} defaults to {@code asOf}, {@code from} to the
 * beginning of the store's history (the overview uses its own default, see {@link Overview}).
 */
public record AnalysisWindow(LocalDate asOf, LocalDate from, LocalDate to) {

    public AnalysisWindow {
        DateRange.require(Objects.requireNonNull(asOf, "as-of date"), "as-of");
        DateRange.require(from, "from");
        DateRange.require(to, "to");
        if (to != null && to.isAfter(asOf)) {
            throw new IllegalArgumentException("to (" + to + ") is after as-of (" + asOf + ")");
        }
        if (from != null && from.isAfter(to == null ? asOf : to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + (to == null ? asOf : to) + ")");
        }
    }

    /** The whole history up to and including {@code asOf}. */
    public static AnalysisWindow asOf(LocalDate asOf) {
        return new AnalysisWindow(asOf, null, null);
    }

    /** The last day of the period (inclusive). */
    public LocalDate end() {
        return to == null ? asOf : to;
    }

    /** The first day of the period (inclusive); empty means from the beginning. */
    public Optional<LocalDate> start() {
        return Optional.ofNullable(from);
    }

    /** Whether {@code day} is inside the period. */
    public boolean contains(LocalDate day) {
        return !day.isAfter(end()) && (from == null || !day.isBefore(from));
    }
}
