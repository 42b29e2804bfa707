package io.basira.server.customers.web;

import io.basira.groups.GroupInsights;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.SegmentField;
import io.basira.server.analytics.web.DashboardAnalytics;
import io.basira.server.analytics.web.PredictionsView;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.cards.jdbc.JdbcTimeline;
import io.basira.server.cards.web.CustomerView;
import io.basira.server.cards.web.TimelineView;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.DashboardWords;
import io.basira.server.dashboard.RuleWords;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.dashboard.WhyView;
import io.basira.server.groups.LiveGroups;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.server.products.ProductAnalytics;
import io.basira.server.products.web.ProductViews;
import io.basira.shared.Dates;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer card, the page a support agent opens when the customer writes in: attributes,
 * indicators, timeline, the groups the customer is in with why, and the predictions of the last
 * analytics refresh, and the customer's loyalty points, tier and ledger (with a manual adjustment), and the
 * products she is most likely to buy next (docs/products.md, the same service as the API).
 */
@DashboardPage
final class CustomerCardPage {

    /** Timeline entries per page, newest first. */
    static final int TIMELINE_PAGE = 25;

    /** Likely next products shown on the card. */
    static final int NEXT_PRODUCTS = 5;

    private final JdbcCustomerQueries customers;
    private final JdbcTimeline timeline;
    private final DashboardAnalytics analytics;
    private final Clock clock;
    private final LiveGroups groups;
    private final GroupInsights insights;
    private final List<SegmentField> indicators;
    private final LoyaltyService loyalty;
    private final AuditLog audit;
    private final DashboardWords words;
    private final ProductAnalytics products;

    CustomerCardPage(
            JdbcCustomerQueries customers,
            JdbcTimeline timeline,
            DashboardAnalytics analytics,
            Clock clock,
            LiveGroups groups,
            GroupInsights insights,
            FieldCatalogue fields,
            LoyaltyService loyalty,
            AuditLog audit,
            DashboardWords words,
            ProductAnalytics products) {
        this.products = products;
        this.audit = audit;
        this.words = words;
        this.indicators = CustomerView.cardPageIndicators(fields);
        this.customers = customers;
        this.timeline = timeline;
        this.analytics = analytics;
        this.clock = clock;
        this.groups = groups;
        this.insights = insights;
        this.loyalty = loyalty;
    }

    @GetMapping("/customers/{customerId}")
    String card(
            SignedIn signedIn,
            @PathVariable String customerId,
            Model model,
            Locale locale,
            HttpServletResponse response,
            @RequestParam(name = "timeline", defaultValue = "0") int timelinePage) {
        var snapshot = customers.find(signedIn.store().id(), customerId);
        if (snapshot.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("customerId", customerId);
            return "customer-not-found";
        }
        audit.record(
                signedIn.store().id(),
                PrivacyPages.actor(signedIn),
                "customer.view",
                AuditLog.Subject.customer(
                        customerId, CustomerView.name(snapshot.get().customer())),
                List.of());
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        LocalDate today = Dates.dateIn(clock.instant(), signedIn.store().timeZone());
        RuleWords ruleWords = words.rules(signedIn.store(), locale, fmt);
        model.addAttribute("customer", CustomerView.of(snapshot.get(), signedIn.store(), today, fmt, indicators));
        List<JdbcTimeline.Entry> entries = timeline.of(signedIn.store(), customerId);
        int pages = Math.max(1, (entries.size() + TIMELINE_PAGE - 1) / TIMELINE_PAGE);
        int page = Math.min(Math.max(timelinePage, 0), pages - 1);
        List<JdbcTimeline.Entry> shown =
                entries.subList(page * TIMELINE_PAGE, Math.min(entries.size(), (page + 1) * TIMELINE_PAGE));
        model.addAttribute("timeline", TimelineView.of(shown, fmt, words.names(signedIn.store(), locale)));
        model.addAttribute("timelinePage", page);
        model.addAttribute("timelinePages", pages);
        model.addAttribute("timelineTotal", entries.size());
        model.addAttribute(
                "groups",
                groups.groupsOf(signedIn.store(), customerId).stream()
                        .sorted()
                        .map(key -> WhyView.of(insights.why(signedIn.store(), key, customerId), ruleWords))
                        .toList());
        model.addAttribute("loyalty", loyalty.customer(signedIn.store(), customerId));
        model.addAttribute("predictions", PredictionsView.of(analytics.cardFields(signedIn.store(), customerId), fmt));
        model.addAttribute(
                "nextProducts", ProductViews.next(products.next(signedIn.store(), customerId, NEXT_PRODUCTS), fmt));
        return "customer";
    }
}
