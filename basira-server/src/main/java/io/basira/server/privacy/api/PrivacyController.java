package io.basira.server.privacy.api;

import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.Changes;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.EraseCustomer;
import io.basira.server.privacy.ExportCustomer;
import io.basira.server.privacy.RetentionSettings;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Privacy over the API (docs/privacy.md): a customer's export (a zip) and erasure, the audit log searched by
 * customer and actor, and the retention settings. Every export and erasure is audited with the API key.
 */
@RestController
@RequestMapping("/api/v1")
public class PrivacyController {

    private static final int MAX_AUDIT = 1000;

    private final ExportCustomer export;
    private final EraseCustomer erase;
    private final AuditLog audit;
    private final RetentionSettings retention;

    public PrivacyController(ExportCustomer export, EraseCustomer erase, AuditLog audit, RetentionSettings retention) {
        this.export = export;
        this.erase = erase;
        this.audit = audit;
        this.retention = retention;
    }

    @Schema(name = "Erasure", description = "What an erasure removed: rows per kind of data (docs/privacy.md)")
    public record ErasureAnswer(long erasureId, Map<String, Integer> rows) {}

    @Schema(name = "AuditLogEntry", description = "One audit log entry: who, when, what, and the change field by field")
    public record AuditAnswer(
            long id,
            @Schema(format = "date-time") String at,
            String actorKind,
            String actor,
            String action,
            String subjectKind,
            String subjectId,
            String subjectName,
            String customerId,
            List<Changes.Change> changes) {}

    @Schema(name = "Retention", description = "How many days a store keeps each kind of data that has a retention")
    public record RetentionAnswer(Map<String, Integer> days, List<String> kinds) {}

    @Schema(name = "RetentionRequest")
    public record RetentionRequest(
            @NotNull @Min(1) @Max(36500) Integer days) {}

    @ApiResponse(
            responseCode = "200",
            description = "a zip: customer.json and one CSV per kind of data",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @GetMapping(value = "/customers/{customerId}/privacy-export", produces = "application/zip")
    public void export(
            Store store, @PathVariable String customerId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CustomerDataKind.Person person = export.person(store, customerId);
        audit.record(
                store.id(),
                actor(request),
                "customer.export",
                AuditLog.Subject.customer(customerId, name(person)),
                List.of());
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"customer-" + store.slug() + "-privacy.zip\"");
        export.write(store, person, response.getOutputStream());
    }

    @PostMapping("/customers/{customerId}/erase")
    public ErasureAnswer erase(Store store, @PathVariable String customerId, HttpServletRequest request) {
        EraseCustomer.Erased erased = erase.erase(store, customerId, actor(request), null);
        return new ErasureAnswer(erased.erasureId(), erased.counts());
    }

    @GetMapping("/audit")
    public List<AuditAnswer> audit(
            Store store,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_AUDIT);
        }
        return audit.search(store.id(), customer, actor, limit).stream()
                .map(e -> new AuditAnswer(
                        e.id(),
                        e.at().toString(),
                        e.actor().kind(),
                        e.actor().name(),
                        e.action(),
                        e.subject().kind(),
                        e.subject().id(),
                        e.subject().name(),
                        e.subject().customerId(),
                        e.changes()))
                .toList();
    }

    @GetMapping("/privacy/retention")
    public RetentionAnswer retention(Store store) {
        return new RetentionAnswer(retention.days(store.id()), retention.kinds());
    }

    @PutMapping("/privacy/retention/{kind}")
    public RetentionAnswer setRetention(
            Store store,
            @PathVariable String kind,
            @Valid @RequestBody RetentionRequest body,
            HttpServletRequest request) {
        retention.set(store, kind, body.days(), actor(request));
        return retention(store);
    }

    private AuditLog.Actor actor(HttpServletRequest request) {
        return audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }

    static String name(CustomerDataKind.Person person) {
        String name = ((person.firstName() == null ? "" : person.firstName()) + " "
                        + (person.lastName() == null ? "" : person.lastName()))
                .strip();
        return name.isEmpty() ? null : name;
    }
}
