package io.basira.server.customers.web;

import io.basira.groups.GroupInsights;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.cards.CustomerCsvExport;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.cards.web.CustomerView;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.groups.web.RuleBuilderData;
import io.basira.shared.Dates;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customers page: search by name, e-mail, phone or id; sort by any indicator; pages of
 * {@value #PAGE_SIZE}; the CSV export. An htmx request (the search box as one types) gets only the
 * results fragment.
 */
@DashboardPage
final class CustomerListPage {

    static final int PAGE_SIZE = 25;

    private final JdbcCustomerQueries customers;
    private final GroupInsights groups;
    private final CustomerCsvExport export;
    private final Clock clock;
    private final FieldCatalogue fields;
    private final MessageSource messages;
    private final RuleBuilderData builder;

    CustomerListPage(
            JdbcCustomerQueries customers,
            GroupInsights groups,
            Clock clock,
            FieldCatalogue fields,
            MessageSource messages,
            RuleBuilderData builder) {
        this.messages = messages;
        this.builder = builder;
        this.customers = customers;
        this.groups = groups;
        this.export = new CustomerCsvExport(customers, clock, fields);
        this.clock = clock;
        this.fields = fields;
    }

    @GetMapping("/customers")
    String list(
            SignedIn signedIn,
            Model model,
            Locale locale,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "total_spent") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "") String rule,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        CustomerSort order = sortOrDefault(sort);
        boolean descending = !"asc".equals(direction);
        int pageNumber = Math.max(page, 0);
        Set<String> members = null;
        if (!rule.isBlank()) {
            try {
                members = groups.matching(signedIn.store(), RuleText.parse(rule, fields));
            } catch (IllegalArgumentException e) {
                model.addAttribute("ruleError", MerchantMessages.of(e, new PageText(messages, locale)));
            }
        }
        var result = members == null
                ? customers.page(signedIn.store().id(), q, order, descending, pageNumber, PAGE_SIZE)
                : customers.page(signedIn.store().id(), q, order, descending, pageNumber, PAGE_SIZE, members::contains);
        model.addAttribute("rule", rule);
        LocalDate today = Dates.dateIn(clock.instant(), signedIn.store().timeZone());
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        model.addAttribute(
                "rows",
                result.items().stream()
                        .map(s -> CustomerView.of(s, signedIn.store(), today, fmt))
                        .toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("direction", descending ? "desc" : "asc");
        model.addAttribute("sorts", sortNames());
        if (htmx == null) {
            model.addAttribute("catalogue", builder.json(signedIn.store()));
        }
        return htmx != null ? "customers :: results" : "customers";
    }

    @GetMapping(value = "/customers/export", produces = "text/csv")
    void exportCsv(SignedIn signedIn, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"customers-" + signedIn.store().slug() + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            export.write(signedIn.store(), out);
        }
    }

    private CustomerSort sortOrDefault(String sort) {
        try {
            return CustomerSort.of(sort, fields);
        } catch (IllegalArgumentException e) {
            return CustomerSort.TOTAL_SPENT;
        }
    }

    private List<String> sortNames() {
        return CustomerSort.values(fields).stream().map(CustomerSort::name).toList();
    }
}
