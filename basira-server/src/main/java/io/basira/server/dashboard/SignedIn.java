package io.basira.server.dashboard;

import io.basira.server.platform.security.DashboardUser;
import io.basira.shared.Store;
import java.util.Objects;

/**
 * Who is asking and for which store: every dashboard controller takes this instead of a store id
 * from the request, so a page can only ever show the signed-in user's own store.
 */
public record SignedIn(Store store, DashboardUser user) {

    public SignedIn {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(user, "user");
        if (!store.id().equals(user.store())) {
            throw new IllegalArgumentException("user " + user.email() + " does not belong to store " + store.slug());
        }
    }
}
