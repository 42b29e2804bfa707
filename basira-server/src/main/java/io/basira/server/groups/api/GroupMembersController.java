package io.basira.server.groups.api;

import io.basira.groups.GroupInsights;
import io.basira.groups.ManualList;
import io.basira.groups.ManualMembership;
import io.basira.segment.FieldCatalogue;
import io.basira.server.cards.CardCsv;
import io.basira.server.cards.api.CardJson;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.groups.jdbc.JdbcGroupMemberQueries;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A group's members: paged cards, CSV, why one customer is in, manual additions and exclusions, history. */
@RestController
@RequestMapping("/api/v1/groups/{key}")
public class GroupMembersController {

    private static final int MAX_PAGE_SIZE = 500;

    private final GroupInsights insights;
    private final ManualMembership manual;
    private final JdbcGroupMemberQueries members;
    private final Clock clock;
    private final FieldCatalogue fields;

    private final io.basira.server.privacy.GroupAudit audit;
    private final io.basira.server.privacy.AuditLog log;

    public GroupMembersController(
            GroupInsights insights,
            ManualMembership manual,
            JdbcGroupMemberQueries members,
            Clock clock,
            FieldCatalogue fields,
            io.basira.server.privacy.GroupAudit audit,
            io.basira.server.privacy.AuditLog log) {
        this.audit = audit;
        this.log = log;
        this.fields = fields;
        this.insights = insights;
        this.manual = manual;
        this.members = members;
        this.clock = clock;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.MembersPage.class)))
    @GetMapping("/members")
    public Map<String, Object> list(
            Store store,
            @PathVariable String key,
            @RequestParam(defaultValue = "customer_id") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        insights.groupWithCount(store, key);
        var result = members.page(store.id(), key, CustomerSort.of(sort, fields), descending(direction), page, size);
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "items",
                result.items().stream().map(s -> CardJson.of(s, store, today)).toList());
        json.put("page", result.page());
        json.put("size", result.size());
        json.put("total", result.total());
        return json;
    }

    /** The members as the customer export: {@code customer_id} and the indicators, by customer id. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string", description = "CSV with a header row (docs/export.md)")))
    @GetMapping(value = "/members/export", produces = "text/csv")
    public void export(Store store, @PathVariable String key, HttpServletResponse response) throws IOException {
        insights.groupWithCount(store, key);
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"group-" + key + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            CardCsv.write(fields, store, today, sink -> members.forEach(store.id(), key, sink), out);
        }
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.Why.class)))
    @GetMapping("/members/{customerId}/why")
    public Map<String, Object> why(Store store, @PathVariable String key, @PathVariable String customerId) {
        return GroupJson.why(insights.why(store, key, customerId));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.ManualChange.class)))
    @PostMapping("/additions/{customerId}")
    public Map<String, Object> add(Store store, @PathVariable String key, @PathVariable String customerId) {
        return manual(store, key, customerId, ManualList.ADDITIONS, true);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.ManualChange.class)))
    @DeleteMapping("/additions/{customerId}")
    public Map<String, Object> removeAddition(Store store, @PathVariable String key, @PathVariable String customerId) {
        return manual(store, key, customerId, ManualList.ADDITIONS, false);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.ManualChange.class)))
    @PostMapping("/exclusions/{customerId}")
    public Map<String, Object> exclude(Store store, @PathVariable String key, @PathVariable String customerId) {
        return manual(store, key, customerId, ManualList.EXCLUSIONS, true);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.ManualChange.class)))
    @DeleteMapping("/exclusions/{customerId}")
    public Map<String, Object> removeExclusion(Store store, @PathVariable String key, @PathVariable String customerId) {
        return manual(store, key, customerId, ManualList.EXCLUSIONS, false);
    }

    /** Entries and exits, newest first: {@code customer_id}, {@code change} (entered|left), {@code at}, {@code cause}. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.HistoryPage.class)))
    @GetMapping("/history")
    public Map<String, Object> history(
            Store store,
            @PathVariable String key,
            @RequestParam(name = "customer_id", required = false) String customerId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        checkPage(page, size);
        insights.groupWithCount(store, key);
        List<Map<String, Object>> items = members.history(store.id(), key, customerId, page, size).stream()
                .map(h -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("customer_id", h.customerId());
                    e.put("change", h.movement());
                    e.put("at", h.at().toString());
                    e.put("cause", h.cause());
                    return e;
                })
                .toList();
        return Map.of("items", items, "page", page, "size", size);
    }

    private Map<String, Object> manual(Store store, String key, String customerId, ManualList kind, boolean on) {
        boolean member = manual.change(store, key, customerId, kind, on);
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                        org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes())
                .getRequest();
        audit.manual(
                store.id(),
                log.apiKey(io.basira.server.platform.security.ApiKeyAuthentication.presentedKey(request)
                        .orElse(null)),
                key,
                customerId,
                kind,
                on);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("group", key);
        json.put("customer_id", customerId);
        json.put("member", member);
        return json;
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static boolean descending(String direction) {
        return switch (direction.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("direction must be asc or desc, not '" + direction + "'");
        };
    }
}
