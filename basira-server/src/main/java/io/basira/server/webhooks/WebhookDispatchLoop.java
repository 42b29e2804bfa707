package io.basira.server.webhooks;

import io.basira.server.platform.jobs.BackgroundLoop;
import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's dispatch loop: every {@code poll}, and at once when woken (a delivery was queued), sends the due
 * deliveries ({@link WebhookDispatcher#dispatchDue}) on a thread of its own, never the writer's; about once an hour
 * (on the application's clock) deletes finished deliveries older than {@code retention}. Every instance on one
 * PostgreSQL runs one; they share the rows through their claims.
 */
public final class WebhookDispatchLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatchLoop.class);

    private final WebhookDispatcher dispatcher;
    private final JdbcWebhookDeliveries deliveries;
    private final Duration retention;
    private final Hourly housekeeping;

    public WebhookDispatchLoop(
            WebhookDispatcher dispatcher,
            JdbcWebhookDeliveries deliveries,
            Clock clock,
            Duration poll,
            Duration retention) {
        super("basira-webhooks", poll);
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.retention = retention;
        this.housekeeping = new Hourly(clock);
    }

    @Override
    protected void round() {
        dispatcher.dispatchDue();
        Instant now = housekeeping.due();
        if (now != null) {
            int forgotten = deliveries.forgetFinished(now.minus(retention));
            if (forgotten > 0) {
                log.info("deleted {} finished webhook deliveries older than {}", forgotten, retention);
            }
        }
    }

    @Override
    protected String failure() {
        return "sending webhooks failed";
    }
}
