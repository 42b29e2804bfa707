package io.basira.server.groups;

import io.basira.server.api.RedactedFailure;
import io.basira.server.jdbc.JdbcStores;
import io.basira.shared.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-evaluates, at each store's local midnight, the groups whose rules move with the date
 * ({@code last_purchase_at < -90d}, {@code birthday BETWEEN today AND +7d}, {@code age}). Checks every
 * minute ({@code basira.groups.midnight-cron}, {@code -} to switch off) which stores' dates moved past the
 * last evaluated date; that date is stored, so a restart catches up.
 */
public class MidnightEvaluation {

    private static final Logger log = LoggerFactory.getLogger(MidnightEvaluation.class);

    private final LiveGroups live;
    private final JdbcStores stores;

    public MidnightEvaluation(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    @Scheduled(cron = "${basira.groups.midnight-cron:0 * * * * *}")
    public void scheduled() {
        run();
    }

    /** One check of every store; returns the number of movements made. Failures of one store do not stop the rest. */
    public int run() {
        int movements = 0;
        for (Store store : stores.all()) {
            try {
                movements += live.passMidnight(store);
            } catch (RuntimeException e) {
                log.error("midnight evaluation of store {} failed; retried at the next check", store.slug(),
                        RedactedFailure.of(e));
            }
        }
        return movements;
    }
}
