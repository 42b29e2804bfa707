package io.basira.checkout;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Objects;

/** Port: a store's catalogue and policies, as the merchant saved them. Thread-safe. */
public interface CheckoutPolicies {

    /** The store's catalogue ({@link Catalogue#standard()} when it set none) and its policies in order. */
    StorePolicies of(StoreId store);

    /** A store's catalogue and its policies, in the order the merchant created them. */
    record StorePolicies(Catalogue catalogue, List<Policy> policies) {
        public StorePolicies {
            Objects.requireNonNull(catalogue, "catalogue");
            policies = List.copyOf(policies);
        }
    }
}
