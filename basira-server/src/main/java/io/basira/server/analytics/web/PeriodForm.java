package io.basira.server.analytics.web;

import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What the period form ({@code period-form.html}: from, to, as of) of the overview, the analytics tabs and the
 * Tracking page shows: the dates as typed, the largest day it offers, its hint, and — when the dates could not be
 * used — why, in the reader's language ({@link PeriodProblem}), followed by what is shown instead.
 *
 * @param asOf, from, to the values as typed (empty when absent)
 * @param today the largest date the inputs offer (ISO), today in the store's time zone
 * @param hint the hint under the form (which period empty dates mean)
 * @param problem the whole sentence shown beside the form, or null when the dates were used
 */
public record PeriodForm(String asOf, String from, String to, String today, String hint, String problem) {

    /** What empty dates mean, and so what a page shows when the typed dates cannot be used. */
    public enum Default {
        /** The 30 days up to as-of (the overview, the Tracking page). */
        LAST_30_DAYS("overview.period.hint", false, "analytics.period.error.last-30-days"),
        /** The whole history up to as-of (the analytics tabs; the hint names the as-of day). */
        WHOLE_HISTORY("analytics.period.hint", true, "analytics.period.error");

        private final String hint;
        private final boolean hintNamesAsOf;
        private final String problem;

        Default(String hint, boolean hintNamesAsOf, String problem) {
            this.hint = hint;
            this.hintNamesAsOf = hintNamesAsOf;
            this.problem = problem;
        }
    }

    public static PeriodForm of(
            AnalyticsPeriod period, Default defaults, Clock clock, ZoneId zone, PageText text, DashboardFormats fmt) {
        String reason = PeriodProblem.describe(period, text, fmt);
        return new PeriodForm(
                period.asOf(),
                period.from(),
                period.to(),
                AnalyticsPeriod.today(clock, zone).toString(),
                defaults.hintNamesAsOf ? text.get(defaults.hint, fmt.date(period.asOfDate())) : text.get(defaults.hint),
                reason == null ? null : text.get(defaults.problem, reason));
    }
}
