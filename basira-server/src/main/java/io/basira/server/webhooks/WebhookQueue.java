package io.basira.server.webhooks;

import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.List;

/**
 * The deliveries as the rest of the feature sees them: queue a message for an endpoint (its body written once, due
 * now, once per endpoint and message id), wake the dispatcher, cancel an endpoint's pending ones, read its log.
 */
public final class WebhookQueue {

    private final JdbcWebhookDeliveries deliveries;
    private final WebhookPayloads payloads;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake tells the dispatcher that deliveries are due (it sends on its own thread, never the caller's) */
    public WebhookQueue(JdbcWebhookDeliveries deliveries, WebhookPayloads payloads, Clock clock, Runnable wake) {
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.clock = clock;
        this.wake = wake;
    }

    /** Queues the message for the endpoint unless it is queued already. @return whether it was new */
    public boolean enqueue(WebhookEndpoint endpoint, WebhookMessage message) {
        return deliveries.enqueue(endpoint, message, payloads.body(message), clock.instant());
    }

    /** Sends what is due now rather than at the dispatcher's next poll. */
    public void wake() {
        wake.run();
    }

    public int cancelPending(long endpointId) {
        return deliveries.cancelPending(endpointId);
    }

    public List<JdbcWebhookDeliveries.Logged> log(StoreId store, long endpointId, int limit) {
        return deliveries.log(store, endpointId, limit);
    }
}
