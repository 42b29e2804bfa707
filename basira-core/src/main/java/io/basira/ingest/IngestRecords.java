package io.basira.ingest;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.commerce.Order;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use case: upsert a store's records and keep the cards of every customer they touch current.
 *
 * <p>Cards are maintained on every write: after the records are written, each affected customer's
 * card is folded again from that customer's current records (so a completed order that becomes
 * {@code returned} leaves the counts it was in, and writing the same records twice changes
 * nothing). The caller owns the transaction: {@link #ingest} must run inside one, so that records
 * and cards commit together or not at all.
 *
 * <p>An order whose customer exists neither in the store nor in the batch is refused (not queued):
 * the whole batch is rejected with every such problem named.
 *
 * <p>Concurrent writes: before writing, a batch takes the {@link WriteLocks} of its records, reads
 * which customers those records belong to now (an order sent again for another customer leaves the
 * first customer's card too), then takes the locks of every customer whose card it will fold. So
 * two writes that touch one customer never overlap, and each card is folded from every committed
 * record of its customer. A batch with more than {@value #KEY_LOCK_LIMIT} keys takes the whole
 * store instead, as an import does.
 */
public final class IngestRecords {

    private final CommerceReads reads;
    private final CommerceWrites writes;
    private final CustomerActivity activity;
    private final Cards cards;
    private final WriteLocks locks;

    /** Above this many keys a batch locks its whole store rather than each record and customer. */
    static final int KEY_LOCK_LIMIT = 1000;

    public IngestRecords(CommerceReads reads, CommerceWrites writes, CustomerActivity activity, Cards cards,
            WriteLocks locks) {
        this.reads = reads;
        this.writes = writes;
        this.activity = activity;
        this.cards = cards;
        this.locks = locks;
    }

    /**
     * Checks, writes and refreshes cards.
     *
     * @return the external ids of the customers whose cards were refreshed
     * @throws IngestRejected when a record refers to a missing customer or order, or is in another currency
     */
    public Set<String> ingest(Store store, RecordBatch batch) {
        check(store, batch);
        Set<String> affected = lockFor(store.id(), batch);
        writeRecords(store.id(), batch, new LineReplacement());
        refreshCards(store, affected);
        return affected;
    }

    /**
     * Takes the store exclusively for the rest of the caller's transaction: for imports, which write
     * in chunks with {@link #write} and refresh cards once at the end.
     */
    public void lockStore(StoreId store) {
        locks.lockStore(store);
    }

    /**
     * Records first, then customers: the order every writer follows, so none waits in a cycle.
     *
     * @return the customers whose cards the batch may change, now locked
     */
    private Set<String> lockFor(StoreId store, RecordBatch batch) {
        Set<String> recordKeys = new LinkedHashSet<>();
        batch.products().forEach(p -> recordKeys.add("product:" + p.externalId()));
        batch.orders().forEach(o -> recordKeys.add("order:" + o.externalId()));
        batch.carts().forEach(c -> recordKeys.add("cart:" + c.externalId()));
        batch.reviews().forEach(r -> recordKeys.add("review:" + r.externalId()));
        Set<String> customers = batch.affectedCustomers();
        if (recordKeys.size() + customers.size() > KEY_LOCK_LIMIT) {
            locks.lockStore(store);
            return withEarlierCustomers(store, batch, customers);
        }
        if (!recordKeys.isEmpty()) {
            locks.lockRecords(store, recordKeys);
            withEarlierCustomers(store, batch, customers);
        }
        locks.lockCustomers(store, customers);
        return customers;
    }

    private Set<String> withEarlierCustomers(StoreId store, RecordBatch batch, Set<String> customers) {
        if (!batch.orders().isEmpty() || !batch.carts().isEmpty() || !batch.reviews().isEmpty()) {
            customers.addAll(reads.currentCustomers(store, batch));
        }
        return customers;
    }

    /** The checks of {@link #ingest} alone. @throws IngestRejected listing every problem */
    public void check(Store store, RecordBatch batch) {
        List<String> problems = new ArrayList<>();
        for (Order order : batch.orders()) {
            if (!order.total().currency().equals(store.currency())) {
                problems.add("order '" + order.externalId() + "': currency " + order.total().currency()
                        + " is not the store's currency " + store.currency());
            }
        }
        Set<String> missingCustomers = reads.missingCustomers(store.id(), batch.referencedCustomers());
        if (!missingCustomers.isEmpty()) {
            for (CustomerReference reference : references(batch)) {
                if (missingCustomers.contains(reference.customerId())) {
                    problems.add(reference.record() + ": customer '" + reference.customerId()
                            + "' does not exist in store '" + store.slug() + "'");
                }
            }
        }
        Set<String> lineOrders = new LinkedHashSet<>();
        batch.orderLines().forEach(line -> lineOrders.add(line.orderExternalId()));
        batch.orders().forEach(order -> lineOrders.remove(order.externalId()));
        for (String missing : sorted(reads.missingOrders(store.id(), lineOrders))) {
            problems.add("order line of order '" + missing + "': the order does not exist in store '" + store.slug() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IngestRejected(problems);
        }
    }

    /**
     * Writes the batch without checks, locks or card refresh: for chunked imports that were
     * validated before, hold the store's lock ({@link #lockStore}) and refresh cards once at the
     * end, all in one transaction.
     *
     * @param owners whom the store's records belonged to when the import began
     * @return the customers whose cards the batch may change: those it names and those its orders,
     *     carts and reviews belonged to before
     */
    public Set<String> write(StoreId store, RecordBatch batch, LineReplacement lines, RecordOwners owners) {
        Set<String> affected = batch.affectedCustomers();
        affected.addAll(owners.of(batch));
        writeRecords(store, batch, lines);
        return affected;
    }

    private void writeRecords(StoreId store, RecordBatch batch, LineReplacement lines) {
        writes.upsertProducts(store, batch.products());
        writes.upsertCustomers(store, batch.customers());
        writes.upsertOrders(store, batch.orders());
        writes.replaceOrderLines(store, batch.orderLines(), lines);
        writes.upsertActivity(store, batch.carts(), batch.reviews(), batch.wishlistItems());
    }

    /**
     * Folds every given card again from the stored records, holding the store exclusively: after a
     * definition changed, or to repair cards written wrong. Runs inside the caller's transaction.
     *
     * @return the number of cards stored
     */
    public int rebuildCards(Store store, Collection<String> customerIds) {
        locks.lockStore(store.id());
        return refreshCards(store, customerIds).size();
    }

    /** Folds the cards of the given customers from their current records and stores them. */
    public Map<String, CustomerCard> refreshCards(Store store, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, CardAccumulator> folds = new HashMap<>(customerIds.size() * 2);
        customerIds.forEach(id -> folds.put(id, new CardAccumulator()));
        activity.replay(store.id(), customerIds, id -> folds.computeIfAbsent(id, any -> new CardAccumulator()));
        Map<String, CustomerCard> result = new HashMap<>(folds.size() * 2);
        folds.forEach((id, fold) -> result.put(id, fold.card()));
        cards.save(store, result);
        return result;
    }

    /** A record of the batch (named for a person) and the customer it refers to. */
    private record CustomerReference(String record, String customerId) {}

    private static List<CustomerReference> references(RecordBatch batch) {
        List<CustomerReference> references = new ArrayList<>();
        batch.orders().forEach(o -> references.add(new CustomerReference("order '" + o.externalId() + "'",
                o.customerExternalId())));
        batch.carts().stream().filter(c -> c.customerExternalId() != null).forEach(c -> references.add(
                new CustomerReference("cart '" + c.externalId() + "'", c.customerExternalId())));
        batch.reviews().forEach(r -> references.add(new CustomerReference("review '" + r.externalId() + "'",
                r.customerExternalId())));
        batch.wishlistItems().forEach(w -> references.add(new CustomerReference(
                "wishlist item '" + w.productExternalId() + "'", w.customerExternalId())));
        return references;
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
