package io.basira.server.groups;

import io.basira.groups.GroupEngine;
import io.basira.segment.audience.IndexedAudience;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.shared.Store;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's handle on the core's group engine ({@link GroupEngine}: per-store memory, evaluation order,
 * movements, the locking discipline): what the write listeners, midnight and checkout call. A failure to
 * follow a change is logged (by error id, without its message) rather than thrown at the writer, whose
 * change committed; the engine has dropped the store's memory, which is rebuilt from the database on next use.
 */
public final class LiveGroups {

    private static final Logger log = LoggerFactory.getLogger(LiveGroups.class);

    private final GroupEngine engine;

    public LiveGroups(GroupEngine engine) {
        this.engine = engine;
    }

    public GroupEngine engine() {
        return engine;
    }

    /** After a committed write: re-test the customers it changed, or reload the store (empty set: an import). */
    public void cardsChanged(Store store, Set<String> customerIds) {
        try {
            engine.cardsChanged(store, customerIds);
        } catch (RuntimeException e) {
            log.error(
                    "group membership of store {} could not follow a write; it is rebuilt on next use",
                    store.slug(),
                    RedactedFailure.of(e));
        }
    }

    /**
     * After the store's analytics card fields were refreshed and committed: every group is re-evaluated
     * (cause {@code analytics}).
     *
     * @return the number of movements made (0 when following failed)
     */
    public int analyticsRefreshed(Store store) {
        try {
            return engine.analyticsRefreshed(store);
        } catch (RuntimeException e) {
            log.error(
                    "group membership of store {} could not follow an analytics refresh; it is rebuilt on next use",
                    store.slug(),
                    RedactedFailure.of(e));
            return 0;
        }
    }

    /** Group definitions or manual lists changed behind this memory (another instance, the command line). */
    public void groupsRedefined(Store store) {
        try {
            engine.groupsRedefined(store);
        } catch (RuntimeException e) {
            log.error(
                    "group membership of store {} could not follow a change of its groups; it is rebuilt on next use",
                    store.slug(),
                    RedactedFailure.of(e));
        }
    }

    /**
     * Midnight for one store: re-evaluates the groups that depend on today when its date moved past the last
     * evaluated one. Throws on failure (the scheduler retries).
     *
     * @return the number of movements made
     */
    public int passMidnight(Store store) {
        return engine.passMidnight(store);
    }

    /** The groups a customer is in right now, from memory; for an unknown customer, those an empty card satisfies. */
    public Set<String> groupsOf(Store store, String customerId) {
        return engine.groupsOf(store, customerId);
    }

    /** What the store's in-memory groups hold that rules could make grow: for tests and monitoring. */
    public IndexedAudience.Footprint footprint(Store store) {
        return engine.footprint(store);
    }

    /** Forgets every store's memory (tests; or after changing data behind the server's back). */
    public void forgetAll() {
        engine.forgetAll();
    }
}
