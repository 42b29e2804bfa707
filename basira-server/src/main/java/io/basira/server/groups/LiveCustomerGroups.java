package io.basira.server.groups;

import io.basira.checkout.CustomerGroups;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checkout's view of group membership: the live, in-memory membership of {@link LiveGroups}
 * (never a database query per decision; {@link JdbcStores#findById} keeps the stores it found).
 */
@Component
public class LiveCustomerGroups implements CustomerGroups {

    private final LiveGroups live;
    private final JdbcStores stores;

    public LiveCustomerGroups(LiveGroups live, JdbcStores stores) {
        this.live = live;
        this.stores = stores;
    }

    @Override
    public Set<String> groupsOf(StoreId store, String customerExternalId) {
        Store resolved = stores.findById(store).orElseThrow(() -> new IllegalArgumentException("no store " + store));
        return live.groupsOf(resolved, customerExternalId);
    }
}
