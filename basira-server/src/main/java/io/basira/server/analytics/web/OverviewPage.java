package io.basira.server.analytics.web;

import io.basira.server.analytics.jdbc.JdbcStoreOverview;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardLocales;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overview: customers, buyers, orders, revenue and average order value from the cards, and
 * orders and revenue per month (the last {@value #MONTHS}) from the order columns in memory; and the analytics
 * overview of a period (docs/analytics.md: new and returning customers, repeat purchase and retention
 * rates, average order value of new and returning customers) with the same per calendar month.
 */
@DashboardPage
final class OverviewPage {

    static final int MONTHS = 24;

    /** Calendar months of the "new and returning customers" chart. */
    static final int PERIOD_MONTHS = 12;

    private final JdbcStoreOverview overview;
    private final DashboardAnalytics analytics;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    OverviewPage(JdbcStoreOverview overview, DashboardAnalytics analytics, MessageSource messages, Clock clock) {
        this.overview = overview;
        this.analytics = analytics;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/")
    String overview(
            SignedIn signedIn,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale) {
        var store = signedIn.store();
        List<OrdersPerMonth.Month> months = analytics.ordersPerMonth(store, MONTHS);
        DashboardFormats fmt = new DashboardFormats(locale, store);
        model.addAttribute("totals", analytics.cardTotals(store, () -> overview.totals(store.id())));
        model.addAttribute("months", months);
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        boolean partial =
                !months.isEmpty() && months.get(months.size() - 1).month().equals(YearMonth.from(today));
        model.addAttribute("partialMonth", partial ? YearMonth.from(today) : null);
        model.addAttribute("todayDate", today);
        model.addAttribute("chart", chart(months, fmt, locale, store.currency(), partial));
        AnalyticsPeriod period = AnalyticsPeriod.read(asOf, from, to, clock, store.timeZone());
        model.addAttribute("period", period);
        PageText text = new PageText(messages, locale);
        model.addAttribute(
                "periodForm",
                PeriodForm.of(period, PeriodForm.Default.LAST_30_DAYS, clock, store.timeZone(), text, fmt));
        model.addAttribute(
                "periodView",
                PeriodOverviewView.of(analytics.overview(store, period.window(), PERIOD_MONTHS), fmt, text));
        return "overview";
    }

    /** The chart's data as JSON for static/js/overview.js: labels, the two series and their names. */
    private String chart(
            List<OrdersPerMonth.Month> months,
            DashboardFormats fmt,
            Locale locale,
            Currency currency,
            boolean partial) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("rtl", DashboardLocales.isRightToLeft(locale));
        List<String> labels =
                new ArrayList<>(months.stream().map(m -> fmt.month(m.month())).toList());
        if (partial) {
            int last = labels.size() - 1;
            labels.set(last, messages.getMessage("overview.chart.so-far", new Object[] {labels.get(last)}, locale));
        }
        chart.put("labels", labels);
        chart.put("partialLast", partial);
        chart.put("orders", months.stream().map(OrdersPerMonth.Month::orders).toList());
        chart.put(
                "revenue",
                months.stream()
                        .map(m -> Money.ofMinor(m.revenueMinor(), currency).toDecimal())
                        .toList());
        chart.put("ordersName", messages.getMessage("overview.chart.orders", null, locale));
        chart.put("revenueName", messages.getMessage("overview.chart.revenue", new Object[] {fmt.currency()}, locale));
        return json.writeValueAsString(chart);
    }
}
