package io.basira.server.customers.api;

import io.basira.segment.FieldCatalogue;
import io.basira.server.cards.CustomerCsvExport;
import io.basira.server.cards.api.CardJson;
import io.basira.server.cards.api.CustomerAnswers;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.cards.jdbc.JdbcTimeline;
import io.basira.server.groups.jdbc.JdbcGroupMembers;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.privacy.AuditLog;
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
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customer cards: one card with its timeline, a searchable sortable list, the CSV export. */
@RestController
@RequestMapping("/api/v1/customers")
public class CustomersController {

    private static final int MAX_PAGE_SIZE = 500;

    private final JdbcCustomerQueries customers;
    private final JdbcTimeline timeline;
    private final JdbcGroupMembers groups;
    private final CustomerCsvExport export;
    private final Clock clock;
    private final JdbcCustomerAnalytics analytics;
    private final FieldCatalogue fields;

    private final AuditLog audit;

    public CustomersController(
            JdbcCustomerQueries customers,
            JdbcTimeline timeline,
            JdbcGroupMembers groups,
            Clock clock,
            JdbcCustomerAnalytics analytics,
            FieldCatalogue fields,
            AuditLog audit) {
        this.audit = audit;
        this.customers = customers;
        this.fields = fields;
        this.analytics = analytics;
        this.timeline = timeline;
        this.groups = groups;
        this.export = new CustomerCsvExport(customers, clock, fields);
        this.clock = clock;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CustomerAnswers.FullCard.class)))
    @GetMapping("/{customerId}")
    public Map<String, Object> card(
            Store store, @PathVariable String customerId, jakarta.servlet.http.HttpServletRequest request) {
        var snapshot = customers
                .find(store.id(), customerId)
                .orElseThrow(() -> new NotFound("customer '" + customerId + "' does not exist in this store"));
        var person = snapshot.customer();
        audit.record(
                store.id(),
                audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null)),
                "customer.view",
                AuditLog.Subject.customer(
                        customerId,
                        ((person.firstName() == null ? "" : person.firstName()) + " "
                                        + (person.lastName() == null ? "" : person.lastName()))
                                .strip()),
                List.of());
        Map<String, Object> json = CardJson.of(snapshot, store, today(store));
        json.put("groups", groups.groupsOf(store.id(), customerId));
        json.put("analytics", CardJson.analytics(analytics.find(store, customerId)));
        json.put(
                "timeline",
                timeline.of(store, customerId).stream()
                        .map(entry -> {
                            Map<String, Object> e = new LinkedHashMap<>();
                            e.put("kind", entry.kind());
                            e.put("id", entry.id());
                            e.put("at", entry.at().toString());
                            e.putAll(entry.details());
                            return e;
                        })
                        .toList());
        return json;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CustomerAnswers.Page.class)))
    @GetMapping
    public Map<String, Object> list(
            Store store,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "customer_id") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        boolean descending = switch (direction.toLowerCase(java.util.Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new IllegalArgumentException("direction must be asc or desc, not '" + direction + "'");
        };
        var result = customers.page(store.id(), q, CustomerSort.of(sort, fields), descending, page, size);
        LocalDate today = today(store);
        List<Map<String, Object>> items =
                result.items().stream().map(s -> CardJson.of(s, store, today)).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("page", result.page());
        json.put("size", result.size());
        json.put("total", result.total());
        return json;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string", description = "CSV with a header row (docs/export.md)")))
    @GetMapping(value = "/export", produces = "text/csv")
    public void exportCsv(Store store, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"customers-" + store.slug() + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            export.write(store, out);
        }
    }

    private LocalDate today(Store store) {
        return Dates.dateIn(clock.instant(), store.timeZone());
    }
}
