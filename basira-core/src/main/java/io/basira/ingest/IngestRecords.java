package io.basira.ingest;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.commerce.Order;
import io.basira.events.CardsChanged;
import io.basira.events.CustomersChanged;
import io.basira.events.DomainEvents;
import io.basira.events.OrdersRecorded;
import io.basira.events.UseCase;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Use case: upsert a store's records and keep the cards of every customer they touch current.
 *
 * <p>Cards are maintained on every write, incrementally: the stored cards of the batch's customers
 * are read under their locks, each order that changed is taken out of its earlier customer's card
 * and folded into its customer's ({@link CardAccumulator#retract}, {@link CardAccumulator#add}), so a
 * completed order that becomes {@code returned} leaves the counts it was in and writing the same
 * records twice changes nothing. A customer whose carts, reviews or wishlist the batch touches, or
 * whose card cannot take a retraction exactly (the order held its last purchase or first order
 * date), is folded again from their current records instead; {@link #refreshCards} always folds
 * from the records. The caller owns the transaction: {@link #ingest} must run inside one, so that
 * records and cards commit together or not at all.
 *
 * <p>An order whose customer exists neither in the store nor in the batch is refused (not queued):
 * the whole batch is rejected with every such problem named, before anything is written. ({@link
 * #ingest} learns which customers exist from the cards it reads under the locks: one read for both.)
 *
 * <p>Concurrent writes: before writing, a batch takes the {@link WriteLocks} of its records, reads
 * which customers those records belong to now (an order sent again for another customer leaves the
 * first customer's card too), then takes the locks of every customer whose card it will fold. So
 * two writes that touch one customer never overlap, and each card is folded from every committed
 * record of its customer. A batch with more than {@value #KEY_LOCK_LIMIT} keys takes the whole
 * store instead, as an import does.
 *
 * <p>Erased customers: the batch is screened by {@link ErasedCustomers} once its first locks are held (an erasure
 * takes the store exclusively, so no erasure falls between the screen and the commit): an erased customer's own
 * records are dropped and their orders moved to their pseudonym ({@link ErasedScreen}), and the pseudonyms are
 * locked with the other customers.
 *
 * <p>Participants: the stored versions of the batch's orders are read under those locks (they
 * name the orders' earlier customers too); after the records are written, every
 * {@link WriteParticipant} is told each order's version before and after ({@link OrdersWritten}),
 * in the same transaction, before the cards are folded.
 *
 * <p>Events, published in the write's transaction through {@link DomainEvents}: {@link OrdersRecorded}
 * (each order of the batch once, its status before and after), {@link CustomersChanged} (the customer
 * records written) and {@link CardsChanged} (the cards refreshed; a whole store for
 * {@link #rebuildCards}). A chunked import publishes the first two per chunk; its caller publishes the
 * cards it changed.
 */
@UseCase
public final class IngestRecords {

    private final CommerceReads reads;
    private final CommerceWrites writes;
    private final CardUpkeep cards;
    private final WriteLocks locks;
    private final List<WriteParticipant> participants;
    private final DomainEvents events;
    private final ErasedCustomers erased;

    /** Above this many keys a batch locks its whole store rather than each record and customer. */
    static final int KEY_LOCK_LIMIT = 1000;

    /**
     * @param participants told of every batch's orders in the write's transaction, in this order
     * @param events where the write's events go, in its transaction
     * @param erased the store's erased customers, whose records no write brings back
     */
    public IngestRecords(
            CommerceReads reads,
            CommerceWrites writes,
            CardUpkeep cards,
            WriteLocks locks,
            List<WriteParticipant> participants,
            DomainEvents events,
            ErasedCustomers erased) {
        this.reads = reads;
        this.writes = writes;
        this.cards = cards;
        this.locks = locks;
        this.participants = List.copyOf(participants);
        this.events = events;
        this.erased = erased;
    }

    /** Without erased customers. */
    public IngestRecords(
            CommerceReads reads,
            CommerceWrites writes,
            CardUpkeep cards,
            WriteLocks locks,
            List<WriteParticipant> participants,
            DomainEvents events) {
        this(reads, writes, cards, locks, participants, events, ErasedCustomers.NONE);
    }

    /** Without events: for the core's tests and tools that run no listeners. */
    public IngestRecords(
            CommerceReads reads,
            CommerceWrites writes,
            CardUpkeep cards,
            WriteLocks locks,
            List<WriteParticipant> participants) {
        this(reads, writes, cards, locks, participants, DomainEvents.NONE);
    }

    /**
     * Checks, writes and refreshes cards.
     *
     * @return the external ids of the customers whose cards were refreshed
     * @throws IngestRejected when a record refers to a missing customer or order, or is in another currency
     */
    public Set<String> ingest(Store store, RecordBatch batch) {
        return ingestScreened(store, batch).affected();
    }

    /**
     * What {@link #ingest} wrote: the customers whose cards were refreshed, and how many records of erased
     * customers were dropped ({@code namedErased}: the batch named an erased customer at all).
     */
    public record Ingested(Set<String> affected, boolean namedErased, int dropped) {}

    /** As {@link #ingest}, also telling whether the batch named erased customers (their records dropped or moved). */
    public Ingested ingestScreened(Store store, RecordBatch batch) {
        List<String> problems = currencyProblems(store, batch);
        Locked locked = lockFor(store.id(), batch);
        batch = locked.batch();
        Set<String> affected = locked.affected();
        Map<String, CustomerCard> stored = cards.cards().load(store.id(), affected);
        Set<String> missingCustomers = batch.referencedCustomers();
        missingCustomers.removeAll(stored.keySet());
        reject(store, batch, problems, missingCustomers);
        writeRecords(store.id(), batch, new LineReplacement());
        List<OrderChange> changes = tellParticipants(store.id(), batch, locked.before());
        foldCards(store, batch, changes, stored, locked.activityOwners());
        publishRecords(store.id(), batch, changes);
        if (!affected.isEmpty()) {
            events.publish(CardsChanged.of(store.id(), affected));
        }
        return new Ingested(
                affected,
                locked.screen() != null,
                locked.screen() == null ? 0 : locked.screen().dropped());
    }

    /**
     * Folds the write into the stored cards: each changed order taken out of its earlier customer's card
     * and put into its customer's, without reading their histories. Customers whose carts, reviews or
     * wishlist the batch touches, and those whose card cannot take a retraction exactly (the order held its
     * last purchase or first order date), are folded again from their records. Only cards that changed are
     * stored.
     *
     * @param stored the cards as they were before the write, read under the customers' locks (a customer
     *     the batch creates has none: its new row holds the empty card)
     */
    private void foldCards(
            Store store,
            RecordBatch batch,
            List<OrderChange> changes,
            Map<String, CustomerCard> stored,
            Set<String> activityOwners) {
        Set<String> replayed = new LinkedHashSet<>(activityOwners);
        batch.carts().stream()
                .filter(c -> c.customerExternalId() != null)
                .forEach(c -> replayed.add(c.customerExternalId()));
        batch.reviews().forEach(r -> replayed.add(r.customerExternalId()));
        batch.wishlistItems().forEach(w -> replayed.add(w.customerExternalId()));
        Map<String, CardAccumulator> folds = new LinkedHashMap<>();
        for (OrderChange change : changes) {
            Order before = change.before();
            Order after = change.after();
            if (before != null && sameCardFacts(before, after)) {
                continue;
            }
            if (before != null && !replayed.contains(before.customerExternalId())) {
                fold(folds, stored, before.customerExternalId()).retract(before);
            }
            if (!replayed.contains(after.customerExternalId())) {
                fold(folds, stored, after.customerExternalId()).add(after);
            }
        }
        Map<String, CustomerCard> result = new HashMap<>(folds.size() * 2 + replayed.size() * 2);
        folds.forEach((id, fold) -> {
            if (fold.isExact()) {
                result.put(id, fold.card());
            } else {
                replayed.add(id);
            }
        });
        result.putAll(foldFromRecords(store.id(), replayed));
        result.entrySet()
                .removeIf(card -> card.getValue().equals(stored.getOrDefault(card.getKey(), CustomerCard.EMPTY)));
        if (!result.isEmpty()) {
            cards.cards().save(store, result);
        }
    }

    private static CardAccumulator fold(
            Map<String, CardAccumulator> folds, Map<String, CustomerCard> stored, String id) {
        return folds.computeIfAbsent(id, any -> CardAccumulator.from(stored.getOrDefault(id, CustomerCard.EMPTY)));
    }

    /** Whether two versions of an order count the same on the card (its customer, status, date, total, discount). */
    private static boolean sameCardFacts(Order a, Order b) {
        return a.customerExternalId().equals(b.customerExternalId())
                && a.status() == b.status()
                && a.createdAt().equals(b.createdAt())
                && a.total().minor() == b.total().minor()
                && a.isDiscounted() == b.isDiscounted();
    }

    /** {@link OrdersRecorded} and {@link CustomersChanged} of what the batch wrote, when it wrote any. */
    private void publishRecords(StoreId store, RecordBatch batch, List<OrderChange> changes) {
        if (!changes.isEmpty()) {
            List<OrdersRecorded.Recorded> orders = new ArrayList<>(changes.size());
            for (OrderChange change : changes) {
                orders.add(new OrdersRecorded.Recorded(
                        change.after().externalId(),
                        change.after().customerExternalId(),
                        change.before() == null
                                ? null
                                : change.before().status().code(),
                        change.after().status().code()));
            }
            events.publish(new OrdersRecorded(store, orders));
        }
        if (!batch.customers().isEmpty()) {
            Set<String> customers = new LinkedHashSet<>();
            batch.customers().forEach(customer -> customers.add(customer.externalId()));
            events.publish(new CustomersChanged(store, customers));
        }
    }

    /**
     * Takes the store exclusively for the rest of the caller's transaction: for imports, which write
     * in chunks with {@link #write} and refresh cards once at the end.
     */
    public void lockStore(StoreId store) {
        locks.lockStore(store);
    }

    /**
     * Records first, then customers: the order every writer follows, so none waits in a cycle. The batch is
     * screened for erased customers under the first locks taken (the store is held, shared at least, from then on,
     * and an erasure takes it exclusively); a batch without records to lock (customers, wishlist items) takes its
     * customers' locks first, and the screen only drops records then (moving is for orders, which have keys).
     *
     * @return the screened batch, the customers it names with the earlier customers of its records (all locked),
     *     the stored versions of its orders, read under their locks, and the customers its carts and reviews
     *     belong to now
     */
    private Locked lockFor(StoreId store, RecordBatch batch) {
        Set<String> recordKeys = new LinkedHashSet<>();
        batch.products().forEach(p -> recordKeys.add("product:" + p.externalId()));
        batch.orders().forEach(o -> recordKeys.add("order:" + o.externalId()));
        batch.carts().forEach(c -> recordKeys.add("cart:" + c.externalId()));
        batch.reviews().forEach(r -> recordKeys.add("review:" + r.externalId()));
        Set<String> named = batch.affectedCustomers();
        boolean wholeStore = recordKeys.size() + named.size() > KEY_LOCK_LIMIT;
        if (wholeStore) {
            locks.lockStore(store);
        } else if (!recordKeys.isEmpty()) {
            locks.lockRecords(store, recordKeys);
        } else if (!named.isEmpty()) {
            locks.lockCustomers(store, named);
        }
        ErasedScreen screen = screen(store, named);
        if (screen != null) {
            batch = screen.screen(batch);
        }
        Set<String> customers = batch.affectedCustomers();
        Map<String, Order> before = storedOrders(store, batch);
        before.values().forEach(order -> customers.add(order.customerExternalId()));
        Set<String> activityOwners =
                batch.carts().isEmpty() && batch.reviews().isEmpty() ? Set.of() : reads.currentCustomers(store, batch);
        customers.addAll(activityOwners);
        if (!wholeStore && !recordKeys.isEmpty()) {
            locks.lockCustomers(store, customers);
        }
        return new Locked(batch, customers, before, activityOwners, screen);
    }

    /** The screen of the erased ones among {@code customers}; null when none of them was erased. */
    private ErasedScreen screen(StoreId store, Set<String> customers) {
        Map<String, String> pseudonyms = customers.isEmpty() ? Map.of() : erased.pseudonyms(store, customers);
        return pseudonyms.isEmpty() ? null : new ErasedScreen(pseudonyms::get);
    }

    /** What {@link #lockFor} read under the records' locks. */
    private record Locked(
            RecordBatch batch,
            Set<String> affected,
            Map<String, Order> before,
            Set<String> activityOwners,
            ErasedScreen screen) {}

    private Map<String, Order> storedOrders(StoreId store, RecordBatch batch) {
        return storedOrders(store, batch, any -> true);
    }

    /** The stored versions of the batch's orders, asking only for those that {@code mayBeStored}. */
    private Map<String, Order> storedOrders(StoreId store, RecordBatch batch, Predicate<String> mayBeStored) {
        Set<String> ids = new LinkedHashSet<>();
        batch.orders().forEach(order -> {
            if (mayBeStored.test(order.externalId())) {
                ids.add(order.externalId());
            }
        });
        return ids.isEmpty() ? Map.of() : reads.storedOrders(store, ids);
    }

    /** Each order of the batch once, its last version as {@code after}, to every participant. @return those changes */
    private List<OrderChange> tellParticipants(StoreId store, RecordBatch batch, Map<String, Order> before) {
        if (batch.orders().isEmpty()) {
            return List.of();
        }
        Map<String, Order> latest = new LinkedHashMap<>();
        batch.orders().forEach(order -> latest.put(order.externalId(), order));
        List<OrderChange> changes = new ArrayList<>(latest.size());
        latest.values().forEach(after -> changes.add(new OrderChange(before.get(after.externalId()), after)));
        if (!participants.isEmpty()) {
            OrdersWritten written = new OrdersWritten(store, changes);
            participants.forEach(participant -> participant.ordersWritten(written));
        }
        return changes;
    }

    /** The checks of {@link #ingest} alone. @throws IngestRejected listing every problem */
    public void check(Store store, RecordBatch batch) {
        reject(
                store,
                batch,
                currencyProblems(store, batch),
                reads.missingCustomers(store.id(), batch.referencedCustomers()));
    }

    private static List<String> currencyProblems(Store store, RecordBatch batch) {
        List<String> problems = new ArrayList<>();
        for (Order order : batch.orders()) {
            if (!order.total().currency().equals(store.currency())) {
                problems.add("order '" + order.externalId() + "': currency "
                        + order.total().currency() + " is not the store's currency " + store.currency());
            }
        }
        return problems;
    }

    /** Adds the missing customers' and orders' problems to {@code problems}; @throws IngestRejected when there are any */
    private void reject(Store store, RecordBatch batch, List<String> problems, Set<String> missingCustomers) {
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
        if (!lineOrders.isEmpty()) {
            for (String missing : sorted(reads.missingOrders(store.id(), lineOrders))) {
                problems.add("order line of order '" + missing + "': the order does not exist in store '" + store.slug()
                        + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IngestRejected(problems);
        }
    }

    /**
     * Writes the batch without checks, locks or card refresh: for chunked imports that were
     * validated before, hold the store's lock ({@link #lockStore}) and refresh cards once at the
     * end, all in one transaction. Reads the stored versions of the chunk's orders by key first and
     * tells the participants, as {@link #ingest} does: a chunk's before-images are what the store
     * held when the chunk began, an earlier chunk of the same import included.
     *
     * @param owners whom the store's carts and reviews belonged to when the import began
     * @return the customers whose cards the batch may change: those it names and those its orders,
     *     carts and reviews belonged to before
     */
    public Set<String> write(StoreId store, RecordBatch batch, LineReplacement lines, RecordOwners owners) {
        Map<String, Order> before = storedOrders(store, batch, owners::mayBeStored);
        Set<String> affected = batch.affectedCustomers();
        before.values().forEach(order -> affected.add(order.customerExternalId()));
        affected.addAll(owners.of(batch));
        writeRecords(store, batch, lines);
        owners.wrote(batch);
        publishRecords(store, batch, tellParticipants(store, batch, before));
        return affected;
    }

    private void writeRecords(StoreId store, RecordBatch batch, LineReplacement lines) {
        writes.upsertProducts(store, batch.products());
        writes.upsertCustomers(store, batch.customers());
        writes.upsertOrders(store, batch.orders());
        writes.replaceOrderLines(store, batch.orderLines(), lines);
        writes.upsertActivity(store, batch.carts(), batch.reviews(), batch.wishlistItems());
        if (!batch.cartLines().isEmpty()) {
            writes.replaceCartLines(store, batch.cartLines());
        }
    }

    /**
     * Folds every given card again from the stored records, holding the store exclusively: after a
     * definition changed, or to repair cards written wrong. Runs inside the caller's transaction.
     *
     * @return the number of cards stored
     */
    public int rebuildCards(Store store, Collection<String> customerIds) {
        locks.lockStore(store.id());
        int rebuilt = refreshCards(store, customerIds).size();
        events.publish(CardsChanged.wholeStore(store.id()));
        return rebuilt;
    }

    /** Folds the cards of the given customers from their current records and stores them. */
    public Map<String, CustomerCard> refreshCards(Store store, Collection<String> customerIds) {
        Map<String, CustomerCard> result = foldFromRecords(store.id(), customerIds);
        if (!result.isEmpty()) {
            cards.cards().save(store, result);
        }
        return result;
    }

    /** The cards of the given customers folded from their current records (not stored). */
    private Map<String, CustomerCard> foldFromRecords(StoreId store, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<String, CardAccumulator> folds = new HashMap<>(customerIds.size() * 2);
        customerIds.forEach(id -> folds.put(id, new CardAccumulator()));
        cards.activity().replay(store, customerIds, id -> folds.computeIfAbsent(id, any -> new CardAccumulator()));
        Map<String, CustomerCard> result = new HashMap<>(folds.size() * 2);
        folds.forEach((id, fold) -> result.put(id, fold.card()));
        return result;
    }

    /** A record of the batch (named for a person) and the customer it refers to. */
    private record CustomerReference(String record, String customerId) {}

    private static List<CustomerReference> references(RecordBatch batch) {
        List<CustomerReference> references = new ArrayList<>();
        batch.orders()
                .forEach(o -> references.add(
                        new CustomerReference("order '" + o.externalId() + "'", o.customerExternalId())));
        batch.carts().stream()
                .filter(c -> c.customerExternalId() != null)
                .forEach(c ->
                        references.add(new CustomerReference("cart '" + c.externalId() + "'", c.customerExternalId())));
        batch.reviews()
                .forEach(r -> references.add(
                        new CustomerReference("review '" + r.externalId() + "'", r.customerExternalId())));
        batch.wishlistItems()
                .forEach(w -> references.add(new CustomerReference(
                        "wishlist item '" + w.productExternalId() + "'", w.customerExternalId())));
        return references;
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
