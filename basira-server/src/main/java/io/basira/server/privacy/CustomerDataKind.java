package io.basira.server.privacy;

import io.basira.shared.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of data held about a customer (their orders, carts, group memberships, the webhook bodies that
 * named them...): what the privacy features need of it. A feature declares its kinds as Spring beans;
 * {@link PrivacyRegistry} collects every bean, and the contract test fails while a table with a customer
 * reference is in no kind's {@link #tables()} (docs/privacy.md, "Register a kind").
 *
 * <p>Every method acts on one store's rows only.
 */
public interface CustomerDataKind {

    /** A stable name (lower case, {@code a-z0-9_}): the export's key and CSV file name, the erasure's count. */
    String name();

    /** The tables (lower case) this kind reads and erases; each table with a customer reference is in one kind. */
    List<String> tables();

    /**
     * Everything this kind holds about the customer, one map per row (column name to value: text, numbers,
     * booleans, {@link Instant}s, dates; nested maps or lists for JSON payloads), in a stable order. Empty
     * when it holds nothing.
     */
    List<Map<String, Object>> export(Store store, Person person);

    /**
     * Removes (or de-identifies) what this kind holds about the person, inside the erasure's transaction,
     * after the pseudonym's customer row exists and before the person's own row is deleted.
     *
     * @return the number of rows deleted or changed
     */
    int erase(Erasure erasure);

    /**
     * After the erasure committed: what this kind keeps in memory about the person goes (a cache, an index).
     * The groups and the analytics' columns follow the erasure's events and need nothing here.
     */
    default void forgetInMemory(Store store, String customerId) {}

    /** The kind's retention when it has one: rows older than a store's setting are pruned at its midnight. */
    default Optional<Retention> retention() {
        return Optional.empty();
    }

    /**
     * The order among kinds during an erasure: lower first. Kinds that move rows to the pseudonym or delete
     * rows referencing the customer come before {@code customers} itself ({@link #LAST}).
     */
    default int eraseOrder() {
        return 0;
    }

    int LAST = 1000;

    /** Who is exported or erased: the store's customer id and what identifies them in payloads. */
    record Person(String customerId, String email, String phone, String firstName, String lastName) {

        /** The values whose presence in a JSON payload makes it about the person: the id, the e-mail, the phone. */
        public List<String> keys() {
            return java.util.stream.Stream.of(customerId, email, phone)
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
        }

        /** Every identifying value, names included: what an erased payload may no longer hold. */
        public List<String> traces() {
            return java.util.stream.Stream.of(customerId, email, phone, firstName, lastName)
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
        }
    }

    /** An erasure in progress: the store, the person, and the pseudonym that keeps their orders. */
    record Erasure(Store store, Person person, String pseudonym, Instant at) {

        public String customerId() {
            return person.customerId();
        }
    }

    /** Rows of a kind that may be pruned: those older than {@code before}, deleted by {@link #prune}. */
    interface Retention {

        /** Deletes the store's rows older than {@code before}; the customers whose cards changed go in {@code touched}. */
        int prune(Store store, Instant before, java.util.Set<String> touched);
    }
}
