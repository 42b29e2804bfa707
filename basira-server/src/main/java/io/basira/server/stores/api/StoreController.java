package io.basira.server.stores.api;

import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.ConnectionChanges;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own store and its API keys: list, issue (the secret is in this response only), revoke. */
@RestController
@RequestMapping("/api/v1")
public class StoreController {

    private final JdbcApiKeys keys;
    private final ConnectionChanges audit;

    public StoreController(JdbcApiKeys keys, ConnectionChanges audit) {
        this.keys = keys;
        this.audit = audit;
    }

    private AuditLog.Actor actor(HttpServletRequest request) {
        return audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = StoreAnswers.StoreAnswer.class)))
    @GetMapping("/store")
    public Map<String, Object> store(Store store) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", store.slug());
        json.put("name", store.name());
        json.put("currency", store.currency().getCurrencyCode());
        json.put("time_zone", store.timeZone().getId());
        return json;
    }

    @GetMapping("/api-keys")
    public List<JdbcApiKeys.ApiKeyInfo> list(Store store) {
        return keys.list(store.id());
    }

    @ApiResponse(
            responseCode = "201",
            description = "OK",
            content = @Content(schema = @Schema(implementation = StoreAnswers.IssuedKey.class)))
    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(
            Store store, @Valid @RequestBody(required = false) NewApiKey body, HttpServletRequest request) {
        AuditLog.Actor actor = actor(request);
        var created = audit.together(() -> {
            var made = keys.create(store.id(), body == null ? null : body.label());
            audit.apiKeyCreated(
                    store.id(),
                    actor,
                    made.info().id(),
                    made.info().label(),
                    made.info().prefix());
            return made;
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", created.info().id());
        json.put("prefix", created.info().prefix());
        json.put("label", created.info().label());
        json.put("key", created.secret().value());
        json.put("note", "the key is shown only now; Basira keeps only its hash");
        return json;
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(Store store, @PathVariable long id, HttpServletRequest request) {
        AuditLog.Actor actor = actor(request);
        var key = keys.list(store.id()).stream().filter(k -> k.id() == id).findFirst();
        audit.together(() -> {
            if (!keys.revoke(store.id(), id)) {
                throw new NotFound("this store has no active API key " + id);
            }
            audit.apiKeyRevoked(
                    store.id(),
                    actor,
                    id,
                    key.map(JdbcApiKeys.ApiKeyInfo::label).orElse(null),
                    key.map(JdbcApiKeys.ApiKeyInfo::prefix).orElse(null));
            return null;
        });
    }
}
