package io.basira.server.platform.events;

import io.basira.events.DomainEvent;
import io.basira.events.DomainEvents;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link DomainEvents}, looked up at each publication rather than when the user is
 * built: for use cases wired before the outbox, whose listeners depend on them (the group engine). Without
 * an outbox in the context, nothing is published.
 */
public final class LazyDomainEvents implements DomainEvents {

    private final ObjectProvider<DomainEvents> events;

    public LazyDomainEvents(ObjectProvider<DomainEvents> events) {
        this.events = events;
    }

    @Override
    public void publish(DomainEvent event) {
        events.getIfAvailable(() -> DomainEvents.NONE).publish(event);
    }
}
