package io.basira.checkout;

import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.util.Optional;

/** Port: loyalty's part of a checkout decision; empty for an anonymous visitor or a store without a program. */
@FunctionalInterface
public interface CheckoutLoyalty {

    Optional<LoyaltyQuote> quote(StoreId store, String customerId, Money totalBeforeShipping);

    /** No loyalty: the decision has no loyalty part. */
    CheckoutLoyalty NONE = (store, customer, total) -> Optional.empty();
}
