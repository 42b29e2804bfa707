package io.basira.server.platform.events;

import io.basira.events.DomainEvent;
import java.util.List;
import java.util.Set;

/**
 * Something that reacts to committed domain events: a durable listener of the outbox.
 *
 * <p>Every event of one of its {@link #types()} gets a delivery row for this listener in the
 * transaction that recorded it; the row goes when {@link #handle} returned. So the listener is told at
 * least once: right after the commit on the publishing thread, or later by the retry loop (after a
 * failure, or after the process died between commit and delivery), possibly in another instance.
 * On PostgreSQL every other instance is also told, by its {@link EventFeed}, of the events it did not
 * record itself (no delivery row: that is for an instance's own memory).
 *
 * <p>Contract: idempotent (the same event twice changes nothing the second time: read the state the
 * event names and act on that); throw to have the delivery retried with backoff.
 */
public interface DomainEventListener {

    /** A stable name, stored with the delivery rows ({@code group-membership}). */
    String name();

    /** The events this listener is told of. */
    Set<Class<? extends DomainEvent>> types();

    void handle(ReceivedEvent received);

    default boolean wants(DomainEvent event) {
        return types().contains(event.getClass());
    }

    /**
     * Whether the publisher, after the commit, hands this listener's events to a background worker of its own
     * (one thread per listener, in batches: {@link #handleAll}) instead of telling it on the publishing thread,
     * so that the publisher does not wait for it (the webhook inbox: a delivery is acknowledged once stored, and
     * applied right after). The guarantee is the same: the delivery row stays until the listener returned.
     * Off in tests ({@code basira.events.background-delivery=false}): every listener is told on the publishing
     * thread.
     */
    default boolean inBackground() {
        return false;
    }

    /** Several events at once (a background worker's batch); throwing retries every one of them. */
    default void handleAll(List<ReceivedEvent> events) {
        events.forEach(this::handle);
    }
}
