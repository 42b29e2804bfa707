package io.basira.groups;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.events.DomainEvent;
import io.basira.events.DomainEvents;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every port of the group engine in memory, for one store, thread-safe: customers (changed by the test as
 * a committed write would), definitions, manual lists, the stored membership with its history, one
 * transaction at a time, the events published and a clock the test moves. A gate can hold the next full
 * read of the customers after it read them, so a test can act while a full re-evaluation is in progress.
 */
final class InMemoryGroupStore implements GroupCustomers, GroupDefinitions, ManualLists, Transactions, DomainEvents {

    /** One stored history row. */
    record History(String groupKey, String customerId, boolean entered, String cause) {}

    private final Map<String, CustomerSnapshot> customers = new ConcurrentHashMap<>();
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<ManualList, Map<String, Set<String>>> manual =
            Map.of(ManualList.ADDITIONS, new TreeMap<>(), ManualList.EXCLUSIONS, new TreeMap<>());
    private final Map<String, Set<String>> members = new TreeMap<>();
    private final List<History> history = new ArrayList<>();
    private final List<DomainEvent> published = new ArrayList<>();
    private final Object database = new Object();
    private volatile LocalDate evaluatedOn;
    private final AtomicReference<CountDownLatch[]> gate = new AtomicReference<>();
    final MovableClock clock = new MovableClock(Instant.parse("2024-06-01T09:00:00Z"));
    /** The stored membership, its history and the last evaluated date. */
    final Stored stored = new Stored();

    GroupPorts ports() {
        return new GroupPorts(this, this, this, stored, this);
    }

    // --- the test's writes (committed data) ---

    void putCustomer(String id, CustomerCard card) {
        long key = 1000L + customers.size();
        CustomerSnapshot existing = customers.get(id);
        Customer customer = new Customer(
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2023-01-01T00:00:00Z"),
                Set.of());
        customers.put(id, new CustomerSnapshot(existing == null ? key : existing.rowId(), customer, card));
    }

    Set<String> customerIds() {
        return new TreeSet<>(customers.keySet());
    }

    /** The next {@link #forEach} waits after reading until {@link #release}; returns the latch it counts down once it read. */
    CountDownLatch holdNextFullRead(CountDownLatch release) {
        CountDownLatch read = new CountDownLatch(1);
        gate.set(new CountDownLatch[] {read, release});
        return read;
    }

    List<History> history() {
        synchronized (database) {
            return List.copyOf(history);
        }
    }

    List<DomainEvent> published() {
        synchronized (database) {
            return List.copyOf(published);
        }
    }

    void clearPublished() {
        synchronized (database) {
            published.clear();
        }
    }

    /** Puts a member in the stored membership directly, as another instance would have. */
    void storeMember(String key, String customerId) {
        synchronized (database) {
            members.computeIfAbsent(key, k -> new TreeSet<>()).add(customerId);
        }
    }

    // --- GroupCustomers ---

    @Override
    public Optional<CustomerSnapshot> find(StoreId store, String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public List<CustomerSnapshot> findAll(StoreId store, Collection<String> customerIds) {
        return customerIds.stream().map(customers::get).filter(c -> c != null).toList();
    }

    @Override
    public void forEach(StoreId store, Consumer<CustomerSnapshot> sink) {
        new TreeMap<>(customers).values().forEach(sink);
        CountDownLatch[] held = gate.getAndSet(null);
        if (held != null) {
            held[0].countDown();
            try {
                held[1].await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- GroupDefinitions ---

    @Override
    public List<Group> all(StoreId store) {
        return new TreeMap<>(groups).values().stream().toList();
    }

    @Override
    public void save(StoreId store, Group group) {
        groups.put(group.key(), group);
    }

    @Override
    public boolean delete(StoreId store, String key) {
        synchronized (database) {
            members.remove(key);
            manual.values().forEach(lists -> lists.remove(key));
        }
        return groups.remove(key) != null;
    }

    @Override
    public boolean any(StoreId store) {
        return !groups.isEmpty();
    }

    // --- ManualLists ---

    @Override
    public Map<String, Set<String>> all(StoreId store, ManualList list) {
        synchronized (database) {
            Map<String, Set<String>> copy = new TreeMap<>();
            manual.get(list).forEach((key, ids) -> copy.put(key, new TreeSet<>(ids)));
            return copy;
        }
    }

    @Override
    public boolean put(StoreId store, String groupKey, String customerId, ManualList list) {
        synchronized (database) {
            remove(store, groupKey, customerId, list.other());
            return manual.get(list)
                    .computeIfAbsent(groupKey, k -> new TreeSet<>())
                    .add(customerId);
        }
    }

    @Override
    public boolean remove(StoreId store, String groupKey, String customerId, ManualList list) {
        synchronized (database) {
            return manual.get(list).getOrDefault(groupKey, new TreeSet<>()).remove(customerId);
        }
    }

    /** The {@link StoredMembership} port. */
    final class Stored implements StoredMembership {

        @Override
        public Map<String, Set<String>> all(StoreId store) {
            synchronized (database) {
                Map<String, Set<String>> copy = new TreeMap<>();
                members.forEach((key, ids) -> {
                    if (!ids.isEmpty()) {
                        copy.put(key, new TreeSet<>(ids));
                    }
                });
                return copy;
            }
        }

        @Override
        public List<Movement> apply(StoreId store, List<Movement> movements, MembershipCause cause, Instant at) {
            synchronized (database) {
                List<Movement> applied = new ArrayList<>();
                for (Movement m : movements) {
                    Set<String> ids = members.computeIfAbsent(m.groupKey(), k -> new TreeSet<>());
                    if (m.entered() ? ids.add(m.customerId()) : ids.remove(m.customerId())) {
                        applied.add(m);
                        history.add(new History(m.groupKey(), m.customerId(), m.entered(), cause.code()));
                    }
                }
                return applied;
            }
        }

        @Override
        public Optional<LocalDate> evaluatedOn(StoreId store) {
            return Optional.ofNullable(evaluatedOn);
        }

        @Override
        public void setEvaluatedOn(StoreId store, LocalDate date) {
            evaluatedOn = date;
        }
    }

    // --- Transactions: one at a time (no rollback: these tests do not fail writes) ---

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        synchronized (database) {
            return work.get();
        }
    }

    // --- DomainEvents ---

    @Override
    public void publish(DomainEvent event) {
        if (!Thread.holdsLock(database)) {
            throw new IllegalStateException("published outside a transaction: " + event);
        }
        published.add(event);
    }

    /** A clock the test moves; thread-safe. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advanceDays(int days) {
            now.updateAndGet(t -> t.plusSeconds(86_400L * days));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
