package io.basira.server.messaging;

import io.basira.server.messaging.jdbc.MessagingSql;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One customer's marketing claims, one at a time across threads and instances: {@link #holding} runs its work in a
 * transaction that holds the customer's {@code contact_preferences} row ({@code SELECT … FOR UPDATE}; the row is
 * made first when the customer has none, with no language). So the frequency cap's read of the last marketing
 * message and the claim of the next one are one step: a second sender waits for the first's commit, then sees its
 * claim and defers (docs/campaigns.md, "Care").
 *
 * <p>The work must be short and only touch the database (the message is sent after the lock is let go), and must not
 * take other customers' locks (two locks in two orders could deadlock).
 */
public final class CustomerLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CustomerLock(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public <T> T holding(StoreId store, String customerId, Supplier<T> work) {
        ensureRow(store, customerId);
        return transaction.execute(status -> {
            jdbc.queryForList(
                    "SELECT customer_external_id FROM contact_preferences WHERE store_id = ? AND "
                            + "customer_external_id = ? FOR UPDATE",
                    String.class,
                    store.value(),
                    customerId);
            return work.get();
        });
    }

    /** Outside the transaction: a duplicate there would abort PostgreSQL's transaction. */
    private void ensureRow(StoreId store, String customerId) {
        try {
            jdbc.update(
                    "INSERT INTO contact_preferences (store_id, customer_external_id, language, updated_at) "
                            + "SELECT ?, ?, NULL, ? WHERE NOT EXISTS (SELECT 1 FROM contact_preferences WHERE store_id = ? "
                            + "AND customer_external_id = ?)",
                    store.value(),
                    customerId,
                    MessagingSql.at(clock.instant()),
                    store.value(),
                    customerId);
        } catch (DuplicateKeyException raced) {
            // another sender made it first: the row is there
        }
    }
}
