package io.basira.server.groups.web;

import io.basira.fields.CardFields;
import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.groups.ManualList;
import io.basira.groups.ManualMembership;
import io.basira.segment.And;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.InGroup;
import io.basira.segment.Operator;
import io.basira.segment.Value;
import io.basira.server.cards.CardCsv;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.web.CustomerView;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.DashboardWords;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.RuleWords;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.dashboard.WhyView;
import io.basira.server.groups.jdbc.JdbcGroupMemberQueries;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
 * One group: its rule, members (pages of {@value #PAGE_SIZE}, sortable by any indicator) each with
 * why they are in, the history of entries and exits with their causes, the CSV export, and manual
 * additions and exclusions ({@link ManualMembership}, as the API makes them).
 */
@DashboardPage
final class GroupPage {

    static final int PAGE_SIZE = 25;
    static final int HISTORY_SIZE = 50;

    private final GroupInsights insights;
    private final ManualMembership manual;
    private final JdbcGroupMemberQueries members;
    private final Clock clock;
    private final FieldCatalogue fields;
    private final MessageSource messages;
    private final io.basira.server.privacy.GroupAudit audit;
    private final DashboardWords words;

    GroupPage(
            GroupInsights insights,
            ManualMembership manual,
            JdbcGroupMemberQueries members,
            Clock clock,
            FieldCatalogue fields,
            MessageSource messages,
            io.basira.server.privacy.GroupAudit audit,
            DashboardWords words) {
        this.messages = messages;
        this.audit = audit;
        this.words = words;
        this.insights = insights;
        this.manual = manual;
        this.members = members;
        this.clock = clock;
        this.fields = fields;
    }

    /** A member: the card's values, and why they are in. */
    public record Member(CustomerView customer, WhyView why) {}

    @GetMapping("/groups/{key}")
    String group(
            SignedIn signedIn,
            @PathVariable String key,
            Model model,
            Locale locale,
            @RequestParam(defaultValue = "total_spent") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            @RequestParam(defaultValue = "0") int page) {
        Store store = signedIn.store();
        var entry = insights.groupWithCount(store, key);
        CustomerSort order = sortOrDefault(sort);
        boolean descending = !"asc".equals(direction);
        int pageNumber = Math.max(page, 0);
        var result = members.page(store.id(), key, order, descending, pageNumber, PAGE_SIZE);
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        DashboardFormats fmt = new DashboardFormats(locale, store);
        RuleWords ruleWords = words.rules(store, locale, fmt);
        List<Member> rows = result.items().stream()
                .map(s -> new Member(
                        CustomerView.of(s, store, today, fmt),
                        WhyView.of(insights.why(store, key, s.customer().externalId()), ruleWords)))
                .toList();
        Group group = entry.getKey();
        model.addAttribute("group", group);
        model.addAttribute("ruleWords", group.rule() == null ? null : ruleWords.rule(group.rule()));
        model.addAttribute("count", entry.getValue());
        model.addAttribute("withoutOrders", withoutOrders(store, key));
        model.addAttribute("rows", rows);
        model.addAttribute("total", result.total());
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("direction", descending ? "desc" : "asc");
        model.addAttribute("history", members.history(store.id(), key, null, 0, HISTORY_SIZE));
        return "group";
    }

    @GetMapping(value = "/groups/{key}/export", produces = "text/csv")
    void export(SignedIn signedIn, @PathVariable String key, HttpServletResponse response) throws IOException {
        Store store = signedIn.store();
        insights.groupWithCount(store, key);
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"group-" + key + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            CardCsv.write(fields, store, today, sink -> members.forEach(store.id(), key, sink), out);
        }
    }

    /**
     * Adds, excludes, or takes either back: {@code action} is {@code add}, {@code exclude},
     * {@code remove-addition} or {@code remove-exclusion}.
     */
    @PostMapping("/groups/{key}/manual")
    String manual(
            SignedIn signedIn,
            @PathVariable String key,
            @RequestParam("customer_id") String customerId,
            @RequestParam String action,
            Locale locale,
            RedirectAttributes redirect) {
        String id = customerId.strip();
        try {
            boolean member = switch (action) {
                case "add" -> manual.change(signedIn.store(), key, id, ManualList.ADDITIONS, true);
                case "remove-addition" -> manual.change(signedIn.store(), key, id, ManualList.ADDITIONS, false);
                case "exclude" -> manual.change(signedIn.store(), key, id, ManualList.EXCLUSIONS, true);
                case "remove-exclusion" -> manual.change(signedIn.store(), key, id, ManualList.EXCLUSIONS, false);
                default -> throw new IllegalArgumentException("unknown action '" + action + "'");
            };
            audit.manual(
                    signedIn.store().id(),
                    PrivacyPages.actor(signedIn),
                    key,
                    id,
                    action.endsWith("addition") || action.equals("add") ? ManualList.ADDITIONS : ManualList.EXCLUSIONS,
                    !action.startsWith("remove"));
            redirect.addFlashAttribute("manualDone", action);
            redirect.addFlashAttribute("manualCustomer", id);
            redirect.addFlashAttribute("manualMember", member);
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("error", MerchantMessages.manualChange(e, id, new PageText(messages, locale)));
        }
        return "redirect:/groups/" + key;
    }

    /**
     * How many members have no counted order ({@code order_count = 0}): customers who never bought match rules
     * such as {@code total_spent < 200}, and a checkout policy for the group reaches them (and anonymous visitors,
     * see the simulator), so the page says how many there are.
     */
    private int withoutOrders(Store store, String key) {
        Condition noOrders = new Comparison(CardFields.ORDER_COUNT, Operator.EQ, Value.number(0));
        return insights.preview(store, new And(List.of(new InGroup(key), noOrders)));
    }

    private CustomerSort sortOrDefault(String sort) {
        try {
            return CustomerSort.of(sort, fields);
        } catch (IllegalArgumentException e) {
            return CustomerSort.TOTAL_SPENT;
        }
    }
}
