package io.basira.server.webhooks;

import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.ConnectionChanges;
import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import io.basira.shared.Store;
import io.basira.shared.TextRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a merchant does with endpoints, from the API and the dashboard alike: register (the secret is shown once),
 * change, disable and enable, rotate the secret (the previous one keeps signing for {@link #ROTATION_OVERLAP}),
 * delete, send a test event, read the delivery log. Every change is audited with its actor ({@link ConnectionChanges}:
 * before and after, the secret masked), in the change's transaction: either both are kept or neither. Bad input is
 * refused whole with every problem named ({@link InvalidRecords}); another store's endpoint does not exist
 * ({@link NotFound}).
 */
public final class WebhookEndpoints {

    public static final int MAX_PER_STORE = 20;
    public static final int MAX_URL = 2000;
    public static final int MAX_DESCRIPTION = 500;
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    static final int LOG_LIMIT_MAX = 200;

    private final JdbcWebhookEndpoints endpoints;
    private final WebhookQueue queue;
    private final WebhookCatalogue catalogue;
    private final EndpointAddresses addresses;
    private final Clock clock;
    private final ConnectionChanges audit;

    public WebhookEndpoints(
            JdbcWebhookEndpoints endpoints,
            WebhookQueue queue,
            WebhookCatalogue catalogue,
            EndpointAddresses addresses,
            Clock clock,
            ConnectionChanges audit) {
        this.audit = audit;
        this.endpoints = endpoints;
        this.queue = queue;
        this.catalogue = catalogue;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** A new endpoint and its secret, shown this once. */
    public record Created(WebhookEndpoint endpoint, String secret) {}

    public List<String> eventTypes() {
        return catalogue.eventTypes();
    }

    public List<WebhookEndpoint> list(Store store) {
        return endpoints.list(store.id());
    }

    public WebhookEndpoint get(Store store, long id) {
        return endpoints.find(store.id(), id).orElseThrow(() -> notFound(id));
    }

    public Created create(Store store, AuditLog.Actor actor, String url, String description, List<String> eventTypes) {
        Checked checked = check(url, description, eventTypes);
        if (endpoints.count(store.id()) >= MAX_PER_STORE) {
            throw new InvalidRecords(
                    List.of("a store has at most " + MAX_PER_STORE + " webhook endpoints; delete one " + "first"));
        }
        String secret = WebhookSecret.generate();
        return audit.together(() -> {
            long id = endpoints.insert(
                    store.id(), checked.url(), checked.description(), checked.eventTypes(), secret, clock.instant());
            WebhookEndpoint created = get(store, id);
            audit.endpointChanged(store.id(), actor, "create", null, audited(created));
            return new Created(created, secret);
        });
    }

    private static ConnectionChanges.Endpoint audited(WebhookEndpoint endpoint) {
        return new ConnectionChanges.Endpoint(
                endpoint.id(), endpoint.url(), endpoint.description(), endpoint.eventTypes(), endpoint.enabled());
    }

    private WebhookEndpoint changed(Store store, AuditLog.Actor actor, String action, WebhookEndpoint before, long id) {
        WebhookEndpoint after = get(store, id);
        audit.endpointChanged(store.id(), actor, action, audited(before), audited(after));
        return after;
    }

    public WebhookEndpoint update(
            Store store, AuditLog.Actor actor, long id, String url, String description, List<String> eventTypes) {
        Checked checked = check(url, description, eventTypes);
        return audit.together(() -> {
            WebhookEndpoint before = get(store, id);
            if (!endpoints.update(
                    store.id(), id, checked.url(), checked.description(), checked.eventTypes(), clock.instant())) {
                throw notFound(id);
            }
            return changed(store, actor, "update", before, id);
        });
    }

    /** Disabled by the merchant: nothing more is queued for it and its pending deliveries are cancelled. */
    public WebhookEndpoint disable(Store store, AuditLog.Actor actor, long id) {
        return audit.together(() -> {
            WebhookEndpoint before = get(store, id);
            if (!endpoints.setEnabled(store.id(), id, "merchant", clock.instant())) {
                throw notFound(id);
            }
            queue.cancelPending(id);
            return changed(store, actor, "disable", before, id);
        });
    }

    public WebhookEndpoint enable(Store store, AuditLog.Actor actor, long id) {
        return audit.together(() -> {
            WebhookEndpoint before = get(store, id);
            if (!endpoints.setEnabled(store.id(), id, null, clock.instant())) {
                throw notFound(id);
            }
            return changed(store, actor, "enable", before, id);
        });
    }

    /** A new secret, shown this once; the previous one keeps signing (a second signature) for 24 hours. */
    public Created rotateSecret(Store store, AuditLog.Actor actor, long id) {
        String secret = WebhookSecret.generate();
        Instant now = clock.instant();
        return audit.together(() -> {
            if (!endpoints.rotate(store.id(), id, secret, now.plus(ROTATION_OVERLAP), now)) {
                throw notFound(id);
            }
            WebhookEndpoint rotated = get(store, id);
            audit.endpointSecretRotated(
                    store.id(),
                    actor,
                    audited(rotated),
                    now.plus(ROTATION_OVERLAP).toString());
            return new Created(rotated, secret);
        });
    }

    public void delete(Store store, AuditLog.Actor actor, long id) {
        audit.together(() -> {
            WebhookEndpoint before = get(store, id);
            if (!endpoints.delete(store.id(), id)) {
                throw notFound(id);
            }
            audit.endpointChanged(store.id(), actor, "delete", audited(before), null);
            return null;
        });
    }

    /** Queues a {@value WebhookCatalogue#TEST} message for the endpoint, due at once. @return its message id */
    public String sendTest(Store store, long id) {
        WebhookEndpoint endpoint = get(store, id);
        if (!endpoint.enabled()) {
            throw new InvalidRecords(List.of("endpoint " + id + " is disabled; enable it to send a test event"));
        }
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("endpoint_id", id);
        data.put("store", store.slug());
        WebhookMessage message = new WebhookMessage(
                "msg_test_" + UUID.randomUUID().toString().replace("-", ""), WebhookCatalogue.TEST, now, data);
        queue.enqueue(endpoint, message);
        queue.wake();
        return message.id();
    }

    public List<JdbcWebhookDeliveries.Logged> log(Store store, long id, int limit) {
        get(store, id);
        if (limit < 1 || limit > LOG_LIMIT_MAX) {
            throw new InvalidRecords(List.of("limit: between 1 and " + LOG_LIMIT_MAX + ", got " + limit));
        }
        return queue.log(store.id(), id, limit);
    }

    private record Checked(String url, String description, List<String> eventTypes) {}

    private Checked check(String url, String description, List<String> eventTypes) {
        List<String> problems = new ArrayList<>();
        String cleanUrl = url == null ? "" : url.strip();
        if (cleanUrl.isEmpty()) {
            problems.add("url: required");
        } else if (TextRules.lineProblem(cleanUrl, MAX_URL) != null) {
            problems.add("url: " + TextRules.lineProblem(cleanUrl, MAX_URL));
        } else {
            try {
                cleanUrl = addresses.check(cleanUrl).toString();
            } catch (EndpointAddresses.Refused e) {
                problems.add(e.getMessage());
            }
        }
        String cleanDescription = description == null ? "" : description.strip();
        String descriptionProblem = TextRules.lineProblem(cleanDescription, MAX_DESCRIPTION);
        if (descriptionProblem != null) {
            problems.add("description: " + descriptionProblem);
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (eventTypes == null || eventTypes.isEmpty()) {
            problems.add("event_types: pick at least one of " + String.join(", ", catalogue.eventTypes()));
        } else {
            for (String type : eventTypes) {
                if (type == null || !catalogue.offers(type.strip())) {
                    problems.add("event_types: '" + type + "' is not an event type; the types are "
                            + String.join(", ", catalogue.eventTypes()));
                } else {
                    types.add(type.strip());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecords(problems);
        }
        return new Checked(cleanUrl, cleanDescription, List.copyOf(types));
    }

    private static NotFound notFound(long id) {
        return new NotFound("this store has no webhook endpoint " + id);
    }
}
