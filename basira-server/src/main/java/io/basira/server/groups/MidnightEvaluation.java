package io.basira.server.groups;

import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-evaluates, at each store's local midnight, the groups whose rules move with the date
 * ({@code last_purchase_at < -90d}, {@code birthday BETWEEN today AND +7d}, {@code age}). The durable
 * scheduler ({@code io.basira.server.platform.jobs.StoreMidnights}) calls {@link #run(Store)} at each store's local
 * midnight; the last evaluated date is stored, so a run that comes late (after a restart) catches up, and a
 * run on a date already evaluated does nothing.
 */
public class MidnightEvaluation {

    private static final Logger log = LoggerFactory.getLogger(MidnightEvaluation.class);

    private final LiveGroups live;
    private final JdbcStores stores;

    public MidnightEvaluation(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    /**
     * Passes midnight for one store when its date moved past the last evaluated one.
     *
     * @return the number of movements made
     */
    public int run(Store store) {
        return live.passMidnight(store);
    }

    /** One check of every store; returns the number of movements made. Failures of one store do not stop the rest. */
    public int run() {
        int movements = 0;
        for (Store store : stores.all()) {
            try {
                movements += run(store);
            } catch (RuntimeException e) {
                log.error(
                        "midnight evaluation of store {} failed; retried at the next check",
                        store.slug(),
                        RedactedFailure.of(e));
            }
        }
        return movements;
    }
}
