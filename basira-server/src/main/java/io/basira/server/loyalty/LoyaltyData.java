package io.basira.server.loyalty;

import io.basira.server.loyalty.jdbc.JdbcLoyaltyLedgers;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loyalty accounts, ledger and redemptions of a customer as a kind of the privacy registry (docs/privacy.md):
 * exported row by row with their table; on erasure the rows stay for the store's points liability, their customer
 * becomes the erasure's pseudonym and the ledger's free-text reason and actor go ({@link JdbcLoyaltyLedgers#eraseCustomer}).
 */
final class LoyaltyData implements CustomerDataKind {

    private final JdbcLoyaltyLedgers ledgers;

    LoyaltyData(JdbcLoyaltyLedgers ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public List<String> tables() {
        return List.of("loyalty_accounts", "loyalty_ledger", "loyalty_redemptions");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ledgers.exportCustomer(store.id(), person.customerId())
                .forEach((table, found) -> found.forEach(row -> {
                    Map<String, Object> exported = new LinkedHashMap<>();
                    exported.put("table", table);
                    exported.putAll(row);
                    rows.add(exported);
                }));
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        return ledgers.eraseCustomer(erasure.store().id(), erasure.customerId(), erasure.pseudonym());
    }
}
