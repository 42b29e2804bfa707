package io.basira.server.checkout;

import io.basira.checkout.CustomerGroups;
import io.basira.shared.StoreId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Membership set by the test: (store, customer) → groups. Stands in for the groups engine. */
public final class InMemoryCustomerGroups implements CustomerGroups {

    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();

    public void put(StoreId store, String customer, String... keys) {
        groups.put(store.value() + "/" + customer, Set.of(keys));
    }

    @Override
    public Set<String> groupsOf(StoreId store, String customerExternalId) {
        return customerExternalId == null
                ? Set.of()
                : groups.getOrDefault(store.value() + "/" + customerExternalId, Set.of());
    }
}
