package io.basira.server.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.checkout.CheckoutLoyalty;
import io.basira.checkout.LoyaltyQuote;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyPrograms;
import io.basira.loyalty.LoyaltyQuotes;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Checkout's loyalty: the store's program and the customer's standing in {@code loyalty_accounts}, read, never locked. */
public final class CheckoutLoyaltyFromAccounts implements CheckoutLoyalty {

    private final LoyaltyPrograms programs;
    private final JdbcTemplate jdbc;

    public CheckoutLoyaltyFromAccounts(LoyaltyPrograms programs, JdbcTemplate jdbc) {
        this.programs = programs;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LoyaltyQuote> quote(StoreId store, String customerId, Money total) {
        Optional<LoyaltyProgram> program = programs.of(store).filter(LoyaltyProgram::enabled);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        List<LoyaltyStanding> found = jdbc.query("SELECT points, pending, lifetime_points, tier, expiring_30d"
                + " FROM loyalty_accounts WHERE store_id = ? AND customer_external_id = ?", (rs, n) -> new LoyaltyStanding(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)),
                store.value(), customerId);
        LoyaltyStanding standing = found.isEmpty() ? LoyaltyStanding.NONE : found.get(0);
        return Optional.of(LoyaltyQuotes.quote(program.get(), standing, total));
    }
}
