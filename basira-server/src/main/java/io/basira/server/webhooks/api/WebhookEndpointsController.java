package io.basira.server.webhooks.api;

import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.privacy.AuditLog;
import io.basira.server.webhooks.WebhookEndpoint;
import io.basira.server.webhooks.WebhookEndpoints;
import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
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

/** {@code /api/v1/webhook-endpoints}: the caller's store's webhook endpoints and their delivery logs (docs/webhooks.md). */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
public class WebhookEndpointsController {

    private final WebhookEndpoints endpoints;
    private final AuditLog audit;

    public WebhookEndpointsController(WebhookEndpoints endpoints, AuditLog audit) {
        this.endpoints = endpoints;
        this.audit = audit;
    }

    /** Who changes: the API key presented. */
    private AuditLog.Actor actor(HttpServletRequest request) {
        return audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }

    @Schema(name = "WebhookEndpointRequest", description = "An endpoint to register or its new settings")
    @UnprocessableWhenInvalid
    public record EndpointRequest(
            @Schema(
                    description = "where to POST the events: http or https, a public address",
                    example = "https://example.com/basira")
            @NotBlank
            @Size(max = WebhookEndpoints.MAX_URL)
            String url,

            @Schema(description = "what it is for, for people", example = "CRM sync")
            @Size(max = WebhookEndpoints.MAX_DESCRIPTION)
            String description,

            @ArraySchema(
                    arraySchema = @Schema(description = "the event types it receives (GET .../event-types)"),
                    schema = @Schema(example = "group.entered"))
            @NotEmpty
            List<@NotNull @NotBlank String> eventTypes) {}

    @Schema(name = "WebhookEndpoint")
    public record EndpointJson(
            long id,
            String url,
            String description,
            List<String> eventTypes,
            boolean enabled,

            @Schema(
                    description = "why it is disabled: merchant (by hand) or gone (it answered 410); null when enabled",
                    nullable = true)
            String disabledReason,

            Instant createdAt,
            Instant updatedAt) {
        static EndpointJson of(WebhookEndpoint e) {
            return new EndpointJson(
                    e.id(),
                    e.url(),
                    e.description(),
                    e.eventTypes(),
                    e.enabled(),
                    e.disabledReason(),
                    e.createdAt(),
                    e.updatedAt());
        }
    }

    @Schema(name = "WebhookEndpointWithSecret", description = "an endpoint and its signing secret, shown this once")
    public record EndpointWithSecret(
            EndpointJson endpoint,

            @Schema(
                    description = "the whsec_ secret that signs its deliveries",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    @Schema(name = "WebhookEventTypes")
    public record EventTypes(List<String> eventTypes) {}

    @Schema(name = "WebhookTestSent")
    public record TestSent(
            @Schema(description = "the webhook-id of the test message")
            String messageId) {}

    @Schema(name = "WebhookAttempt")
    public record AttemptJson(
            int attempt,
            Instant at,

            @Schema(description = "the HTTP status answered; null when none came", nullable = true)
            Integer statusCode,

            long durationMs,
            @Schema(nullable = true) String error) {}

    @Schema(name = "WebhookDelivery")
    public record DeliveryJson(
            long id,
            String messageId,
            String eventType,
            Instant createdAt,

            @Schema(allowableValues = {"pending", "delivered", "failed", "cancelled"})
            String status,

            int attempts,

            @Schema(description = "when it is tried next (pending only)", nullable = true)
            Instant nextAttemptAt,

            List<AttemptJson> attemptLog) {
        static DeliveryJson of(JdbcWebhookDeliveries.Logged d) {
            return new DeliveryJson(
                    d.id(),
                    d.messageId(),
                    d.eventType(),
                    d.createdAt(),
                    d.status(),
                    d.attempts(),
                    d.nextAttemptAt(),
                    d.attemptLog().stream()
                            .map(a -> new AttemptJson(a.attempt(), a.at(), a.statusCode(), a.durationMs(), a.error()))
                            .toList());
        }
    }

    @Schema(name = "WebhookDeliveries")
    public record Deliveries(List<DeliveryJson> deliveries) {}

    @GetMapping("/event-types")
    @Operation(summary = "The event types an endpoint may receive")
    public EventTypes eventTypes() {
        return new EventTypes(endpoints.eventTypes());
    }

    @GetMapping
    @Operation(summary = "The store's endpoints (without secrets)")
    public List<EndpointJson> list(Store store) {
        return endpoints.list(store).stream().map(EndpointJson::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an endpoint; the answer holds its secret, shown this once")
    public EndpointWithSecret create(
            Store store, @Valid @RequestBody EndpointRequest request, HttpServletRequest http) {
        WebhookEndpoints.Created created =
                endpoints.create(store, actor(http), request.url(), request.description(), request.eventTypes());
        return new EndpointWithSecret(EndpointJson.of(created.endpoint()), created.secret());
    }

    @GetMapping("/{id}")
    public EndpointJson get(Store store, @PathVariable long id) {
        return EndpointJson.of(endpoints.get(store, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change an endpoint's URL, description and event types")
    public EndpointJson update(
            Store store, @PathVariable long id, @Valid @RequestBody EndpointRequest request, HttpServletRequest http) {
        return EndpointJson.of(
                endpoints.update(store, actor(http), id, request.url(), request.description(), request.eventTypes()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Store store, @PathVariable long id, HttpServletRequest http) {
        endpoints.delete(store, actor(http), id);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop sending to an endpoint; its pending deliveries are cancelled")
    public EndpointJson disable(Store store, @PathVariable long id, HttpServletRequest http) {
        return EndpointJson.of(endpoints.disable(store, actor(http), id));
    }

    @PostMapping("/{id}/enable")
    public EndpointJson enable(Store store, @PathVariable long id, HttpServletRequest http) {
        return EndpointJson.of(endpoints.enable(store, actor(http), id));
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "A new secret, shown this once; the previous one also signs for 24 hours")
    public EndpointWithSecret rotateSecret(Store store, @PathVariable long id, HttpServletRequest http) {
        WebhookEndpoints.Created rotated = endpoints.rotateSecret(store, actor(http), id);
        return new EndpointWithSecret(EndpointJson.of(rotated.endpoint()), rotated.secret());
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue a webhook.test message for the endpoint, sent at once")
    public TestSent test(Store store, @PathVariable long id) {
        return new TestSent(endpoints.sendTest(store, id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's newest deliveries with every attempt (status code, duration, next attempt)")
    public Deliveries deliveries(Store store, @PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        return new Deliveries(
                endpoints.log(store, id, limit).stream().map(DeliveryJson::of).toList());
    }
}
