package io.basira.server.analytics.web;

import io.basira.server.analytics.AnalysisName;
import io.basira.server.cards.jdbc.JdbcCustomerNames;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analytics pages (docs/analytics.md): one tab per analysis under
 * {@code /analytics/{tab}} ({@code /analytics} is the 80/20 tab), each with the as-of day and period
 * form, and the refresh of the analytics card fields for owners and marketers (the security chain
 * refuses the POST to support agents).
 */
@DashboardPage
public final class AnalyticsPages {

    /**
     * The tabs in their order: every analysis but the overview (the dashboard's home page), by its published
     * name; each is a fragment of templates/analytics-tabs.html.
     */
    public static final List<String> TABS = java.util.Arrays.stream(AnalysisName.values())
            .filter(name -> name != AnalysisName.OVERVIEW)
            .map(AnalysisName::code)
            .toList();

    private final DashboardAnalytics analytics;
    private final JdbcCustomerNames names;
    private final MessageSource messages;
    private final Clock clock;

    AnalyticsPages(DashboardAnalytics analytics, JdbcCustomerNames names, MessageSource messages, Clock clock) {
        this.analytics = analytics;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    String index(
            SignedIn signedIn,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        return tab(signedIn, "pareto", asOf, from, to, null, null, model, locale, response);
    }

    @GetMapping("/analytics/{tab}")
    String tab(
            SignedIn signedIn,
            @PathVariable String tab,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String direction,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (!TABS.contains(tab)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("unknownTab", tab);
            tab = "pareto";
        }
        Store store = signedIn.store();
        AnalyticsPeriod period = AnalyticsPeriod.read(asOf, from, to, clock, store.timeZone());
        DashboardFormats fmt = new DashboardFormats(locale, store);
        PageText text = new PageText(messages, locale);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        model.addAttribute("period", period);
        model.addAttribute(
                "periodForm",
                PeriodForm.of(period, PeriodForm.Default.WHOLE_HISTORY, clock, store.timeZone(), text, fmt));
        model.addAttribute("view", view(tab, store, period, sort, direction, fmt, text));
        return "analytics";
    }

    @PostMapping("/analytics/refresh")
    String refresh(
            SignedIn signedIn,
            @RequestParam(name = "tab", defaultValue = "pareto") String tab,
            RedirectAttributes redirect,
            Locale locale) {
        Store store = signedIn.store();
        var refreshed = analytics.refresh(store, AnalyticsPeriod.today(clock, store.timeZone()));
        DashboardFormats fmt = new DashboardFormats(locale, store);
        redirect.addFlashAttribute(
                "refreshed",
                new PageText(messages, locale)
                        .get("analytics.refresh.done", fmt.number(refreshed.customers()), fmt.date(refreshed.asOf())));
        return "redirect:/analytics/" + (TABS.contains(tab) ? tab : "pareto");
    }

    private Object view(
            String tab,
            Store store,
            AnalyticsPeriod period,
            String sort,
            String direction,
            DashboardFormats fmt,
            PageText text) {
        var window = period.window();
        return switch (tab) {
            case "cohorts" -> CohortView.of(analytics.cohorts(store, window), fmt, text);
            case "rfm" -> RfmView.of(analytics.rfm(store, window), fmt, text);
            case "types" -> TypesView.of(analytics.types(store, window), fmt, text);
            case "discounts" -> DiscountView.of(analytics.discounts(store, window), fmt, text);
            case "regions" -> RegionsView.of(analytics.regions(store, window), fmt, text);
            case "clv" -> clv(store, period, sort, direction, fmt, text);
            default -> ParetoView.of(analytics.pareto(store, window), fmt, text);
        };
    }

    /** The CLV tab's two parts: the distribution and models, and the churn-risk list. */
    record ClvTab(ClvView clv, ChurnRiskList churn) {}

    private ClvTab clv(
            Store store, AnalyticsPeriod period, String sort, String direction, DashboardFormats fmt, PageText text) {
        ClvDigest digest = ClvDigest.of(analytics.clv(store, period.request()));
        ChurnRiskList.Sort by = ChurnRiskList.Sort.of(sort);
        boolean ascending = "asc".equals(direction);
        return new ClvTab(
                ClvView.of(digest, fmt.currency(), fmt, text),
                ChurnRiskList.of(digest.highRisk(by, ascending), by, ascending, ids -> names.of(store.id(), ids), fmt));
    }
}
