package io.basira.ingest;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The customer each existing cart and review of a store belonged to when an import began: a
 * record that the import writes again for another customer leaves that customer's card too. Read
 * once, inside the import's transaction, after it took the store; records the import itself
 * creates need no entry (both of their customers are named in the import).
 *
 * <p>Orders' owners are not held here: {@link IngestRecords#write} reads the stored version of each
 * order of a chunk by key (it hands them to the {@link WriteParticipant}s as before-images), which
 * names the earlier customer too. Only the ids of the orders that can have a stored version are
 * kept — those in the store when the import began and those its earlier chunks wrote — so a new
 * order costs no lookup: inside an import's transaction the database cannot yet plan such lookups
 * well, and asking for every order made a large import quadratic.
 *
 * <p>Not thread-safe: one per import.
 */
public final class RecordOwners {

    private final Set<String> storedOrders;
    private final Set<String> writtenOrders = new HashSet<>();
    private final Map<String, String> carts;
    private final Map<String, String> reviews;

    /**
     * @param storedOrders the ids of the store's orders when the import began
     * @param carts cart id to customer id; carts of anonymous visitors are left out
     * @param reviews review id to customer id
     */
    public RecordOwners(Set<String> storedOrders, Map<String, String> carts, Map<String, String> reviews) {
        this.storedOrders = storedOrders;
        this.carts = carts;
        this.reviews = reviews;
    }

    /** For a store without records, or one being created. */
    public static RecordOwners none() {
        return new RecordOwners(Set.of(), Map.of(), Map.of());
    }

    /** Whether the order can have a stored version: it was in the store, or this import wrote it. */
    public boolean mayBeStored(String orderId) {
        return storedOrders.contains(orderId) || writtenOrders.contains(orderId);
    }

    /** Remembers the batch's orders as written by this import. */
    public void wrote(RecordBatch batch) {
        batch.orders().forEach(order -> writtenOrders.add(order.externalId()));
    }

    /** The customers the batch's carts and reviews belonged to before the import. */
    public Set<String> of(RecordBatch batch) {
        Set<String> owners = new LinkedHashSet<>();
        batch.carts().forEach(c -> addOwner(carts, c.externalId(), owners));
        batch.reviews().forEach(r -> addOwner(reviews, r.externalId(), owners));
        return owners;
    }

    private static void addOwner(Map<String, String> owners, String recordId, Set<String> into) {
        String owner = owners.get(recordId);
        if (owner != null) {
            into.add(owner);
        }
    }
}
