package io.basira.server.browsing.web;

import io.basira.analytics.AnalysisWindow;
import io.basira.server.analytics.web.AnalyticsPeriod;
import io.basira.server.analytics.web.PeriodForm;
import io.basira.server.browsing.BrowsingAnalytics;
import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardLocales;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.CodedRefusal;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.shared.Numerals;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tracking snippet's page (docs/browsing.md): the store's public site key, the one line to paste (with
 * where it goes in Salla, Zid and Shopify themes, and the calls for product views, searches and sign-in), the
 * browsing analytics of a period the merchant picks (as-of, from, to: the API's parameters and defaults), with
 * charts of sessions per day and of new and returning visitors, and the site's settings: allowed origins,
 * consent mode, Do-Not-Track, retention.
 */
@DashboardPage
final class TrackingPage {

    /**
     * The browsing analytics of the period, formatted for the page. The charts' JSON is for static/js/analytics.js
     * ({@link ChartData}); {@code days} and the labels are their text alternatives, with the same numbers.
     */
    record Analytics(
            String from,
            String to,
            String visitors,
            String newVisitors,
            String returning,
            String newConversion,
            String returningConversion,
            String sessions,
            List<Map<String, String>> pages,
            List<Map<String, String>> products,
            List<Map<String, String>> days,
            String sessionsChart,
            String sessionsLabel,
            String visitorsChart,
            String visitorsLabel,
            boolean anyVisitor) {}

    private final JdbcBrowsingSites sites;
    private final io.basira.server.browsing.SiteChanges changes;
    private final BrowsingAnalytics analytics;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;

    TrackingPage(
            JdbcBrowsingSites sites,
            io.basira.server.browsing.SiteChanges changes,
            BrowsingAnalytics analytics,
            MessageSource messages,
            Clock clock,
            @Value("${basira.public-url:}") String publicUrl) {
        this.sites = sites;
        this.changes = changes;
        this.analytics = analytics;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * The page; {@code as_of}, {@code from} and {@code to} choose the analysed days as in
     * {@code GET /api/v1/browsing/analytics}. Dates that cannot be used are said why next to the form (in the
     * reader's language), and the default period is shown.
     */
    @GetMapping("/tracking")
    String page(
            SignedIn signedIn,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale) {
        Store store = signedIn.store();
        BrowsingSite site = sites.of(store.id());
        String base = publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        model.addAttribute("site", site);
        model.addAttribute("origins", String.join("\n", site.allowedOrigins()));
        model.addAttribute("line", "<script async src=\"" + base + "/t.js?k=" + site.siteKey() + "\"></script>");
        DashboardFormats fmt = new DashboardFormats(DashboardLocales.supported(locale), store);
        PageText text = new PageText(messages, locale);
        AnalyticsPeriod period = AnalyticsPeriod.read(asOf, from, to, clock, store.timeZone());
        model.addAttribute("period", period);
        model.addAttribute(
                "periodForm",
                PeriodForm.of(period, PeriodForm.Default.LAST_30_DAYS, clock, store.timeZone(), text, fmt));
        model.addAttribute("analytics", analytics(store, period.window(), fmt, text));
        return "tracking";
    }

    /** docs/browsing.md, "Analytics": the days {@link BrowsingAnalytics#firstDay} to the window's end. */
    @SuppressWarnings("unchecked")
    private Analytics analytics(Store store, AnalysisWindow window, DashboardFormats fmt, PageText text) {
        LocalDate from = BrowsingAnalytics.firstDay(window);
        LocalDate to = window.end();
        Map<String, Object> a = analytics.analyse(store.id(), store.timeZone(), from, to);
        Map<String, Object> visitors = (Map<String, Object>) a.get("visitors");
        Map<String, Object> conversion = (Map<String, Object>) a.get("conversion");
        List<Map<String, Object>> perDay = (List<Map<String, Object>>) a.get("sessions_per_day");
        long sessions =
                perDay.stream().mapToLong(day -> (Long) day.get("sessions")).sum();
        List<Map<String, String>> pages = ((List<Map<String, Object>>) a.get("pages"))
                .stream()
                        .map(p -> Map.of(
                                "path",
                                (String) p.get("path"),
                                "views",
                                fmt.number((Long) p.get("views")),
                                "visitors",
                                fmt.number((Long) p.get("visitors"))))
                        .toList();
        List<Map<String, String>> products = ((List<Map<String, Object>>) a.get("products"))
                .stream()
                        .map(p -> Map.of(
                                "product",
                                (String) p.get("product_id"),
                                "views",
                                fmt.number((Long) p.get("views")),
                                "viewers",
                                fmt.number((Long) p.get("viewers")),
                                "buyers",
                                fmt.number((Long) p.get("buyers")),
                                "conversion",
                                share(fmt, p.get("conversion"))))
                        .toList();
        List<Map<String, String>> days = perDay.stream()
                .map(day -> Map.of(
                        "day", fmt.date(LocalDate.parse((String) day.get("day"))),
                        "sessions", fmt.number((Long) day.get("sessions"))))
                .toList();
        long newVisitors = (Long) visitors.get("new");
        long returning = (Long) visitors.get("returning");
        String sessionsChart = ChartData.bars(
                        text.rightToLeft(),
                        days.stream().map(day -> day.get("day")).toList())
                .series(
                        text.get("tracking.analytics.sessions"),
                        perDay.stream().map(day -> day.get("sessions")).toList())
                .with("yName", text.get("tracking.analytics.sessions"))
                .json();
        String visitorsChart = ChartData.bars(
                        text.rightToLeft(),
                        List.of(text.get("tracking.analytics.new"), text.get("tracking.analytics.returning")))
                .series(text.get("tracking.analytics.visitors"), List.of(newVisitors, returning))
                .json();
        return new Analytics(
                fmt.date(from),
                fmt.date(to),
                fmt.number((Long) visitors.get("total")),
                fmt.number(newVisitors),
                fmt.number(returning),
                share(fmt, conversion.get("new")),
                share(fmt, conversion.get("returning")),
                fmt.number(sessions),
                pages,
                products,
                days,
                sessionsChart,
                text.get(
                        "tracking.analytics.sessions-chart.label",
                        fmt.date(from),
                        fmt.date(to),
                        fmt.number(sessions),
                        fmt.number(perDay.stream()
                                .mapToLong(day -> (Long) day.get("sessions"))
                                .max()
                                .orElse(0))),
                visitorsChart,
                text.get("tracking.analytics.visitors-chart.label", fmt.number(newVisitors), fmt.number(returning)),
                newVisitors + returning > 0);
    }

    private static String share(DashboardFormats fmt, Object share) {
        return share == null ? "—" : fmt.percent(new BigDecimal((String) share));
    }

    @PostMapping("/tracking")
    String save(
            SignedIn signedIn,
            @RequestParam(defaultValue = "") String origins,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "false") boolean dnt,
            @RequestParam(defaultValue = "13") String retention,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            Long months = Numerals.whole(retention, 1, 120);
            if (months == null) {
                throw new CodedRefusal(
                        "tracking.error.retention", "retention_months must be 1 to 120, not " + retention, retention);
            }
            changes.update(
                    signedIn.store().id(),
                    PrivacyPages.actor(signedIn),
                    BrowsingSite.origins(origins),
                    consent,
                    dnt,
                    months.intValue());
            redirect.addFlashAttribute("notice", "saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
        }
        return "redirect:/tracking";
    }
}
