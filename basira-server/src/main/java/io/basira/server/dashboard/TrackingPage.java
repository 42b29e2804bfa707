package io.basira.server.dashboard;

import io.basira.server.browsing.BrowsingAnalytics;
import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.JdbcBrowsingSites;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tracking snippet's page (docs/browsing.md): the store's public site key, the one line to paste (with
 * where it goes in Salla, Zid and Shopify themes, and the calls for product views, searches and sign-in), and
 * the site's settings: allowed origins, consent mode, Do-Not-Track, retention.
 */
@Controller
final class TrackingPage {

    /** The browsing analytics of the last {@value #DAYS} days, formatted for the page. */
    record Analytics(String from, String to, String visitors, String newVisitors, String returning,
            String newConversion, String returningConversion, String sessions, List<Map<String, String>> pages,
            List<Map<String, String>> products) {}

    static final int DAYS = 30;

    private final JdbcBrowsingSites sites;
    private final io.basira.server.browsing.SiteChanges changes;
    private final BrowsingAnalytics analytics;
    private final Clock clock;
    private final String publicUrl;

    TrackingPage(JdbcBrowsingSites sites, io.basira.server.browsing.SiteChanges changes, BrowsingAnalytics analytics,
            Clock clock, @Value("${basira.public-url:}") String publicUrl) {
        this.sites = sites;
        this.changes = changes;
        this.analytics = analytics;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/tracking")
    String page(SignedIn signedIn, Model model, java.util.Locale locale) {
        BrowsingSite site = sites.of(signedIn.store().id());
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        model.addAttribute("site", site);
        model.addAttribute("origins", String.join("\n", site.allowedOrigins()));
        model.addAttribute("line", "<script async src=\"" + base + "/t.js?k=" + site.siteKey() + "\"></script>");
        model.addAttribute("analytics", analytics(signedIn, new DashboardFormats(DashboardLocales.supported(locale),
                signedIn.store())));
        return "tracking";
    }

    /** docs/browsing.md, "Analytics", over the last {@value #DAYS} days of the store's calendar. */
    @SuppressWarnings("unchecked")
    private Analytics analytics(SignedIn signedIn, DashboardFormats fmt) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), signedIn.store().timeZone());
        LocalDate from = today.minusDays(DAYS - 1);
        Map<String, Object> a = analytics.analyse(signedIn.store().id(), signedIn.store().timeZone(), from, today);
        Map<String, Object> visitors = (Map<String, Object>) a.get("visitors");
        Map<String, Object> conversion = (Map<String, Object>) a.get("conversion");
        long sessions = ((List<Map<String, Object>>) a.get("sessions_per_day")).stream()
                .mapToLong(day -> (Long) day.get("sessions")).sum();
        List<Map<String, String>> pages = ((List<Map<String, Object>>) a.get("pages")).stream().map(p -> Map.of(
                "path", (String) p.get("path"), "views", fmt.number((Long) p.get("views")),
                "visitors", fmt.number((Long) p.get("visitors")))).toList();
        List<Map<String, String>> products = ((List<Map<String, Object>>) a.get("products")).stream().map(p -> Map.of(
                "product", (String) p.get("product_id"), "views", fmt.number((Long) p.get("views")),
                "viewers", fmt.number((Long) p.get("viewers")), "buyers", fmt.number((Long) p.get("buyers")),
                "conversion", share(fmt, p.get("conversion")))).toList();
        return new Analytics(fmt.date(from), fmt.date(today), fmt.number((Long) visitors.get("total")),
                fmt.number((Long) visitors.get("new")), fmt.number((Long) visitors.get("returning")),
                share(fmt, conversion.get("new")), share(fmt, conversion.get("returning")), fmt.number(sessions), pages,
                products);
    }

    private static String share(DashboardFormats fmt, Object share) {
        return share == null ? "—" : fmt.percent(new BigDecimal((String) share));
    }

    @PostMapping("/tracking")
    String save(SignedIn signedIn, @RequestParam(defaultValue = "") String origins,
            @RequestParam(defaultValue = "false") boolean consent, @RequestParam(defaultValue = "false") boolean dnt,
            @RequestParam(defaultValue = "13") int retention, RedirectAttributes redirect) {
        try {
            changes.update(signedIn.store().id(), PrivacyPages.actor(signedIn), BrowsingSite.origins(origins), consent,
                    dnt, retention);
            redirect.addFlashAttribute("notice", "saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tracking";
    }
}
