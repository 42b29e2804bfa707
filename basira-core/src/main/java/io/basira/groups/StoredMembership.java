package io.basira.groups;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the stored membership of a store's groups, its history, and the last date evaluated for "today".
 * Writes join the caller's transaction ({@link Transactions}).
 */
public interface StoredMembership {

    /** Group key → the ids of its members as stored. */
    Map<String, Set<String>> all(StoreId store);

    /**
     * Applies the movements against the stored membership, idempotently: an entry is stored (with one
     * history row, at {@code at}, with {@code cause}) only when the customer is not a member as stored, an
     * exit only when they are. Several processes (or a retried delivery) may apply the same movements at
     * once: each movement changes the stored membership once, and only the apply that changed it writes its
     * history row.
     *
     * @return the movements that changed the stored membership, in the order given
     */
    List<Movement> apply(StoreId store, List<Movement> movements, MembershipCause cause, Instant at);

    /** The store-local date the store's groups were last evaluated for, if ever. */
    Optional<LocalDate> evaluatedOn(StoreId store);

    void setEvaluatedOn(StoreId store, LocalDate date);
}
