/**
 * Domain events: past-tense facts a use case publishes, through the {@link io.basira.events.DomainEvents}
 * port, in the transaction of the change it made. The adapter stores them with the change (a
 * transactional outbox) and delivers them after commit, at least once, so every listener is
 * idempotent: it reads the state the event names and acts on that, and the same event twice changes
 * nothing the second time.
 *
 * <p>Only use cases publish (classes annotated {@link io.basira.events.UseCase}); a test keeps it so.
 */
package io.basira.events;
