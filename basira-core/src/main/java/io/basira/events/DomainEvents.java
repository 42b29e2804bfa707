package io.basira.events;

/**
 * Port: publishes the events of a change.
 *
 * <p>Contract: {@link #publish} is called inside the transaction that makes the change (an adapter
 * may refuse a call outside one). The event is stored with the change, so it exists exactly when
 * the change committed, and every listener is told of it after the commit at least once, also when
 * the process died between commit and delivery (then on the next start, or by another instance).
 * Listeners run on the publishing thread right after the commit where they can, so a response is
 * sent after they followed the change; a listener that fails is retried later.
 */
public interface DomainEvents {

    void publish(DomainEvent event);

    /** Publishes nothing: for the core's tests and for tools that never run listeners. */
    DomainEvents NONE = event -> {};
}
