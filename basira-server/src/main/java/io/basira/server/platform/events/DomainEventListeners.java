package io.basira.server.platform.events;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's {@link DomainEventListener}s, in their order. While the context is being built they are
 * resolved at each use (a listener may depend on beans that publish events while they are made); once every
 * singleton exists the list is fixed and kept, so a delivery does not ask the bean factory again — that was
 * about 4 % of a single order's write CPU.
 */
final class DomainEventListeners implements Supplier<List<DomainEventListener>>, SmartInitializingSingleton {

    private final ObjectProvider<DomainEventListener> provider;
    private volatile List<DomainEventListener> resolved;

    DomainEventListeners(ObjectProvider<DomainEventListener> provider) {
        this.provider = provider;
    }

    @Override
    public List<DomainEventListener> get() {
        List<DomainEventListener> kept = resolved;
        return kept != null ? kept : provider.orderedStream().toList();
    }

    /** Every singleton exists: the listeners are what they will stay. */
    @Override
    public void afterSingletonsInstantiated() {
        resolved = provider.orderedStream().toList();
    }
}
