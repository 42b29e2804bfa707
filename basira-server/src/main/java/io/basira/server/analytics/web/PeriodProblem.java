package io.basira.server.analytics.web;

import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.shared.DateRange;
import io.basira.shared.Dates;
import java.time.LocalDate;

/**
 * Why the dates typed into a period form ({@link AnalyticsPeriod}) could not be used, in the reader's language:
 * which field, what was typed and what is wrong (not a date, outside the accepted dates, or the days in the wrong
 * order). {@link AnalyticsPeriod#error()} keeps the API's English reason; this says the same for the page, never
 * in English (a reason it cannot tell says only that the dates could not be read).
 */
public final class PeriodProblem {

    private PeriodProblem() {}

    /** The reason, or null when the period was read. */
    public static String describe(AnalyticsPeriod period, PageText text, DashboardFormats fmt) {
        if (period.error() == null) {
            return null;
        }
        String[][] fields = {
            {"analytics.as-of", period.asOf()}, {"analytics.from", period.from()}, {"analytics.to", period.to()}
        };
        LocalDate[] days = new LocalDate[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String typed = fields[i][1];
            if (typed.isEmpty()) {
                continue;
            }
            String field = text.get(fields[i][0]);
            try {
                days[i] = Dates.parseDate(io.basira.shared.Numerals.asciiDigits(typed));
            } catch (IllegalArgumentException e) {
                return text.get("analytics.period.problem.not-a-date", field, MerchantMessages.isolate(typed, text));
            }
            if (DateRange.problem(days[i]) != null) {
                return text.get(
                        "analytics.period.problem.out-of-range",
                        field,
                        MerchantMessages.isolate(typed, text),
                        fmt.date(DateRange.EARLIEST),
                        fmt.date(DateRange.LATEST));
            }
        }
        LocalDate asOf = days[0] == null ? period.asOfDate() : days[0];
        LocalDate to = days[2] == null ? asOf : days[2];
        if (days[2] != null && to.isAfter(asOf)) {
            return text.get("analytics.period.problem.to-after-as-of", fmt.date(to), fmt.date(asOf));
        }
        if (days[1] != null && days[1].isAfter(to)) {
            return text.get("analytics.period.problem.from-after-to", fmt.date(days[1]), fmt.date(to));
        }
        return text.get("analytics.period.problem.other");
    }
}
