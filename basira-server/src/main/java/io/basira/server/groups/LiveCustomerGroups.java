package io.basira.server.groups;

import io.basira.checkout.CustomerGroups;
import io.basira.server.jdbc.JdbcStores;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checkout's view of group membership: the live, in-memory membership of {@link LiveGroups}
 * (never a database query per decision). Stores are looked up once and kept: a store's currency
 * and time zone do not change.
 */
@Component
public class LiveCustomerGroups implements CustomerGroups {

    private final LiveGroups live;
    private final JdbcStores stores;
    private final Map<StoreId, Store> known = new ConcurrentHashMap<>();

    public LiveCustomerGroups(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    @Override
    public Set<String> groupsOf(StoreId store, String customerExternalId) {
        Store resolved = known.computeIfAbsent(store, id -> stores.findById(id)
                .orElseThrow(() -> new IllegalArgumentException("no store " + id)));
        return live.groupsOf(resolved, customerExternalId);
    }
}
