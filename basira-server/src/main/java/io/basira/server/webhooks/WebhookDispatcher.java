package io.basira.server.webhooks;

import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims a batch ({@link JdbcWebhookDeliveries#claimDue}), sends each on its own thread of the
 * pool, records the attempt, and goes on while rows are due. A 2xx delivers; a 410 fails the delivery, disables the
 * endpoint ({@code gone}) and cancels its other pending deliveries; anything else (another status, a timeout, a
 * refused address) is retried on the {@link RetrySchedule}, honouring {@code Retry-After}, until the tenth attempt.
 * Times come from the application's clock; the signature's timestamp is the attempt's.
 */
public final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ROUNDS = 50;

    private final JdbcWebhookDeliveries deliveries;
    private final JdbcWebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final Clock clock;
    private final Batches batches;

    /**
     * How sends are batched.
     *
     * @param pool runs the sends of a batch, {@code concurrency} requests at a time
     * @param lease how long a claimed delivery is kept from others (longer than a request can take)
     */
    public record Batches(ExecutorService pool, int concurrency, Duration lease) {}

    public WebhookDispatcher(
            JdbcWebhookDeliveries deliveries,
            JdbcWebhookEndpoints endpoints,
            WebhookSender sender,
            Clock clock,
            Batches batches) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.clock = clock;
        this.batches = batches;
    }

    /** Sends every delivery due now, a batch at a time (at most 50 batches a call). @return attempts made */
    public int dispatchDue() {
        int attempts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = clock.instant();
            List<JdbcWebhookDeliveries.Claimed> batch =
                    deliveries.claimDue(now, now.plus(batches.lease()), batches.concurrency());
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> sends = new ArrayList<>();
            for (JdbcWebhookDeliveries.Claimed claimed : batch) {
                sends.add(batches.pool().submit(() -> attempt(claimed)));
            }
            for (Future<?> send : sends) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return attempts;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn(
                            "a webhook attempt could not be recorded; it is tried again after its lease",
                            RedactedFailure.of(e.getCause()));
                }
            }
            attempts += batch.size();
        }
        return attempts;
    }

    private void attempt(JdbcWebhookDeliveries.Claimed claimed) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        List<String> secrets =
                endpoints.secrets(claimed.endpointId()).orElseThrow().validAt(started);
        WebhookSender.Answer answer =
                sender.send(claimed.url(), claimed.messageId(), started.getEpochSecond(), secrets, claimed.payload());
        long durationMs = (System.nanoTime() - t0) / 1_000_000;
        Instant now = clock.instant();
        JdbcWebhookDeliveries.Attempt attempt = new JdbcWebhookDeliveries.Attempt(
                started, answer.statusCode(), durationMs, answer.error() == null ? null : truncate(answer.error()));
        Integer status = answer.statusCode();
        if (status != null && status >= 200 && status < 300) {
            deliveries.record(claimed, attempt, JdbcWebhookDeliveries.DELIVERED, null);
        } else if (status != null && status == 410) {
            deliveries.record(claimed, attempt, JdbcWebhookDeliveries.FAILED, null);
            StoreId store = new StoreId(claimed.storeId());
            if (endpoints.setEnabled(store, claimed.endpointId(), "gone", now)) {
                deliveries.cancelPending(claimed.endpointId());
                log.info(
                        "webhook endpoint {} of store {} answered 410 Gone: disabled",
                        claimed.endpointId(),
                        claimed.storeId());
            }
        } else {
            Optional<Instant> next = RetrySchedule.nextAttempt(
                    claimed.attempt(), now, RetrySchedule.retryAfter(answer.retryAfter(), now));
            deliveries.record(
                    claimed,
                    attempt,
                    next.isPresent() ? JdbcWebhookDeliveries.PENDING : JdbcWebhookDeliveries.FAILED,
                    next.orElse(null));
        }
    }

    private static String truncate(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
