package io.basira.loyalty;

import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Port: the points ledgers of a store's customers, inside the caller's transaction.
 *
 * <p>{@link #lock} is what keeps balances right under concurrency: it locks each customer's account (one row
 * per customer, created when missing) in customer-id order until the transaction ends, and only then reads
 * the ledger; every change of a customer's points goes through it, so two writers never both spend the same
 * points and never wait on each other in a cycle. Entries are only ever appended ({@link #append}); the
 * natural key of an entry that is not of an order ({@code customer, cause, ref}) is unique, so a repeated
 * bonus or expiry is refused by the database as well.
 */
public interface LoyaltyLedgers {

    /** Locks these customers' accounts (sorted, created when missing) and returns their ledgers. */
    Map<String, Account> lock(StoreId store, Collection<String> customerIds);

    /**
     * Locks these customers' accounts as {@link #lock} does and returns the standing each keeps
     * ({@link KeptStanding}; absent or not trusted for an account just created) without reading their ledgers: the
     * write path advances a trusted one from the new entries alone, and reads the ledgers of the others
     * ({@link #readLocked}).
     */
    Map<String, KeptStanding> lockKept(StoreId store, Collection<String> customerIds);

    /** The ledgers of accounts this transaction has locked ({@link #lockKept}), as {@link #lock} returns them. */
    Map<String, Account> readLocked(StoreId store, Collection<String> customerIds);

    /** Appends entries (in the order given). */
    void append(StoreId store, Collection<LedgerEntry> entries);

    /** Stores each customer's standing (the card fields, the tier, and what a write needs to advance it). */
    void saveStandings(StoreId store, Map<String, KeptStanding> standings);

    /** Every account of the store with its ledger, in customer-id order (read, not locked). */
    void forEachAccount(StoreId store, Consumer<Account> sink);
}
