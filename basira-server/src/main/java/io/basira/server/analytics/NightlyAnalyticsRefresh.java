package io.basira.server.analytics;

import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes every store's analytics card fields once a day, at the store's local midnight, as of the new
 * day, so that rules such as {@code revenue_percentile > 80} follow the data without anyone asking; each
 * refresh re-evaluates the store's groups (cause {@code analytics}, see {@link StoreAnalytics#refresh}).
 *
 * <p>The durable scheduler ({@code io.basira.server.platform.jobs.StoreMidnights}) calls {@link #run(Store)} at each
 * store's local midnight, and at start for a run it missed while the server was down. A run refreshes only
 * when the store was not refreshed on its current local date: the date of the last refresh is the stored
 * {@code computed_at} in the store's time zone (remembered in memory after the first check, and for stores
 * without customers, which store nothing). A refresh made by hand that day counts as the day's refresh.
 * The nightly run reads the store's order columns whole first, so writes made by another process (which
 * this process's post-commit hook never sees) are in memory again at least once a day. After a refresh the day's
 * CLV models are fitted in the background ({@link ClvModelsAhead}).
 */
public class NightlyAnalyticsRefresh {

    private static final Logger log = LoggerFactory.getLogger(NightlyAnalyticsRefresh.class);

    private final StoreAnalytics analytics;
    private final JdbcCustomerAnalytics cards;
    private final JdbcStores stores;
    private final Clock clock;
    private final ClvModelsAhead clvModels;
    private final Map<StoreId, LocalDate> refreshedOn = new ConcurrentHashMap<>();

    public NightlyAnalyticsRefresh(
            StoreAnalytics analytics,
            JdbcCustomerAnalytics cards,
            JdbcStores stores,
            Clock clock,
            ClvModelsAhead clvModels) {
        this.analytics = analytics;
        this.clvModels = clvModels;
        this.cards = cards;
        this.stores = stores;
        this.clock = clock;
    }

    /** Refreshes one store when it was not refreshed on its current local date; returns whether it did. */
    public boolean run(Store store) {
        return refreshIfDue(store);
    }

    /** One check of every store; returns the number of stores refreshed. A failing store does not stop the rest. */
    public int run() {
        int refreshed = 0;
        for (Store store : stores.all()) {
            try {
                if (refreshIfDue(store)) {
                    refreshed++;
                }
            } catch (RuntimeException e) {
                log.error(
                        "nightly analytics refresh of store {} failed; retried at the next check",
                        store.slug(),
                        RedactedFailure.of(e));
            }
        }
        return refreshed;
    }

    private boolean refreshIfDue(Store store) {
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        LocalDate last = refreshedOn.get(store.id());
        if (last == null || last.isBefore(today)) {
            last = cards.lastComputedAt(store)
                    .map(at -> Dates.dateIn(at, store.timeZone()))
                    .orElse(last);
        }
        if (last != null && !last.isBefore(today)) {
            refreshedOn.put(store.id(), last);
            return false;
        }
        long started = System.nanoTime();
        analytics.reread(store); // a day's writes by other processes are in the night's figures
        var done = analytics.refresh(store, today);
        refreshedOn.put(store.id(), today);
        clvModels.prepare(store); // the new day's CLV models, in the background
        log.info(
                "refreshed the analytics of {} customers of store {} as of {} (CLV: {}) in {} ms",
                done.customers(),
                store.slug(),
                today,
                done.clvMethod(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
