package io.basira.server.checkout.api;

import io.basira.server.checkout.CheckoutChanges;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A store's checkout policies and its catalogue of payment methods and carriers, and the audit of
 * every change (docs/checkout.md). Changes answer with what was saved, plus warnings for codes the
 * catalogue does not have.
 */
@RestController
@RequestMapping("/api/v1/checkout")
public class CheckoutSetupController {

    private static final int MAX_AUDIT = 1000;

    private final JdbcCheckoutPolicies policies;
    private final CheckoutChanges changes;
    private final JdbcCheckoutAudit audit;
    private final CheckoutSetup setup;

    public CheckoutSetupController(
            JdbcCheckoutPolicies policies, CheckoutChanges changes, JdbcCheckoutAudit audit, CheckoutSetup setup) {
        this.policies = policies;
        this.changes = changes;
        this.audit = audit;
        this.setup = setup;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            schema = @Schema(implementation = CheckoutAnswers.PolicyAnswer.class))))
    @GetMapping("/policies")
    public List<Map<String, Object>> list(Store store) {
        return policies.of(store.id()).policies().stream()
                .map(CheckoutJson::json)
                .toList();
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.PolicyAnswer.class)))
    @GetMapping("/policies/{id}")
    public Map<String, Object> get(Store store, @PathVariable long id) {
        return policies.of(store.id()).policies().stream()
                .filter(p -> p.id().equals(Long.toString(id)))
                .findFirst()
                .map(CheckoutJson::json)
                .orElseThrow(() -> new NotFound("this store has no checkout policy " + id));
    }

    @ApiResponse(
            responseCode = "201",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.SavedPolicy.class)))
    @PostMapping("/policies")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(Store store, @Valid @RequestBody PolicyRequest body, HttpServletRequest request) {
        return worded(setup.createPolicy(store, actor(request), body));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.SavedPolicy.class)))
    @PutMapping("/policies/{id}")
    public Map<String, Object> update(
            Store store, @PathVariable long id, @Valid @RequestBody PolicyRequest body, HttpServletRequest request) {
        return worded(setup.updatePolicy(store, actor(request), id, body));
    }

    @DeleteMapping("/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Store store, @PathVariable long id, HttpServletRequest request) {
        changes.deletePolicy(store, actor(request), id);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.CatalogueAnswer.class)))
    @GetMapping("/catalogue")
    public Map<String, Object> catalogue(Store store) {
        return CheckoutJson.json(policies.of(store.id()).catalogue());
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.CatalogueAnswer.class)))
    @PutMapping("/catalogue")
    public Map<String, Object> saveCatalogue(
            Store store, @Valid @RequestBody CatalogueRequest body, HttpServletRequest request) {
        return setup.saveCatalogue(store, actor(request), body);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(array = @ArraySchema(schema = @Schema(implementation = CheckoutAnswers.AuditEntry.class))))
    @GetMapping("/audit")
    public List<Map<String, Object>> audit(Store store, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_AUDIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_AUDIT);
        }
        return audit.list(store.id(), limit);
    }

    /** The saved policy with its catalogue warnings in words. */
    private static Map<String, Object> worded(Map<String, Object> saved) {
        Map<String, Object> json = new LinkedHashMap<>(saved);
        Collection<?> unknown = (Collection<?>) saved.get("warnings");
        json.put(
                "warnings",
                unknown.stream()
                        .map(code -> code + " is not in the store's catalogue")
                        .toList());
        return json;
    }

    private JdbcCheckoutAudit.Actor actor(HttpServletRequest request) {
        return audit.actor(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }
}
