package io.basira.server.groups;

import io.basira.server.analytics.AnalyticsRefreshed;
import io.basira.server.ingest.CardsChanged;
import io.basira.server.jdbc.JdbcStores;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to {@link CardsChanged} and {@link AnalyticsRefreshed}, which writers publish once their transaction committed (or inside it:
 * then this runs after the commit). Runs on the writer's thread, so a write's response is sent after the
 * groups followed it.
 */
public class MembershipFollowsWrites {

    private final LiveGroups live;
    private final JdbcStores stores;

    public MembershipFollowsWrites(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void cardsChanged(CardsChanged event) {
        stores.findById(event.store()).ifPresent(store -> live.cardsChanged(store, event.customerIds()));
    }

    /** The store's analytics card fields were replaced: every group is re-evaluated (cause {@code analytics}). */
    @TransactionalEventListener(fallbackExecution = true)
    public void analyticsRefreshed(AnalyticsRefreshed event) {
        stores.findById(event.store()).ifPresent(live::analyticsRefreshed);
    }
}
