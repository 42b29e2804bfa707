package io.basira.groups;

import java.util.Objects;

/** A customer entering ({@code entered}) or leaving a group. */
public record Movement(String groupKey, String customerId, boolean entered) {
    public Movement {
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(customerId, "customerId");
    }
}
