package io.basira.server.groups;

import io.basira.events.AnalyticsRefreshed;
import io.basira.events.BrowsingChanged;
import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.events.GroupsRedefined;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.platform.tenancy.JdbcStores;
import java.util.Set;

/**
 * The durable listener {@code group-membership}: keeps the in-memory groups following committed writes.
 * {@link CardsChanged} and {@link BrowsingChanged} re-test those customers (a whole-store change reloads the store),
 * {@link AnalyticsRefreshed} reloads every customer with the new fields and re-evaluates every group
 * (cause {@code analytics}), and {@link GroupsRedefined} from another process (another instance, the
 * command line) re-reads the definitions — this instance's own changes of groups are applied by the
 * engine that made them.
 *
 * <p>Told on the writer's thread right after the commit, so a write's response is sent after the groups
 * followed it; idempotent, since it re-reads the customers the event names.
 */
public class MembershipFollowsWrites implements DomainEventListener {

    public static final String NAME = "group-membership";

    private final LiveGroups live;
    private final JdbcStores stores;

    public MembershipFollowsWrites(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(CardsChanged.class, AnalyticsRefreshed.class, GroupsRedefined.class, BrowsingChanged.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        DomainEvent event = received.event();
        if (event instanceof GroupsRedefined && received.local()
                || event instanceof CardsChanged cards
                        && !cards.wholeStore()
                        && cards.customerIds().isEmpty()
                || event instanceof BrowsingChanged browsing
                        && !browsing.wholeStore()
                        && browsing.customerIds().isEmpty()) {
            return;
        }
        stores.findById(event.store()).ifPresent(store -> {
            if (event instanceof CardsChanged cards) {
                live.cardsChanged(store, cards.wholeStore() ? Set.of() : cards.customerIds());
            } else if (event instanceof BrowsingChanged browsing) {
                live.cardsChanged(store, browsing.wholeStore() ? Set.of() : browsing.customerIds());
            } else if (event instanceof AnalyticsRefreshed) {
                live.analyticsRefreshed(store);
            } else if (event instanceof GroupsRedefined) {
                live.groupsRedefined(store);
            }
        });
    }
}
