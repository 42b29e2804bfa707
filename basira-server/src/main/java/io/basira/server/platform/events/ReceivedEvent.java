package io.basira.server.platform.events;

import io.basira.events.DomainEvent;
import java.time.Instant;

/**
 * A committed event as a listener receives it.
 *
 * @param id the event's row in {@code domain_events}
 * @param origin the id of the process that recorded it
 * @param local whether this process recorded it (false: another instance, the command line, a process
 *     that died before delivering it)
 */
public record ReceivedEvent(long id, String origin, Instant recordedAt, DomainEvent event, boolean local) {}
