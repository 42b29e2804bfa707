package io.basira.server.platform.events;

import java.util.UUID;

/** This process's id among the processes writing to one database: random per start, stored with each event. */
public record EventOrigin(String id) {

    public static EventOrigin random() {
        return new EventOrigin(UUID.randomUUID().toString());
    }

    public boolean recorded(String origin) {
        return id.equals(origin);
    }
}
