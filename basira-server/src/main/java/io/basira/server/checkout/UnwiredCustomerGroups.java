package io.basira.server.checkout;

import io.basira.checkout.CustomerGroups;
import io.basira.shared.StoreId;
import java.util.Set;

/**
 * TEMPORARY: puts every customer in no group, so only policies aimed at everyone (or at "none of"
 * some groups) apply. Used only while the application has no other {@link CustomerGroups} bean; the
 * groups engine's live membership replaces it (see {@link CheckoutConfiguration}).
 */
public final class UnwiredCustomerGroups implements CustomerGroups {

    @Override
    public Set<String> groupsOf(StoreId store, String customerExternalId) {
        return Set.of();
    }
}
