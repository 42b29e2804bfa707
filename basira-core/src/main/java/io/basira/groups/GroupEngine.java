package io.basira.groups;

import io.basira.card.CustomerSnapshot;
import io.basira.events.DomainEvents;
import io.basira.events.GroupsRedefined;
import io.basira.events.MembershipChanged;
import io.basira.events.UseCase;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * Use case: live group membership for every store. Each store's {@link StoreGroups} is built from the
 * stored data on first use and kept in step with every committed write; each change of membership is
 * stored as movements with their {@link MembershipCause}, and published ({@link MembershipChanged}, only
 * the movements that changed the stored membership; {@link GroupsRedefined} when definitions or manual
 * lists changed) in the transaction that stores it.
 *
 * <p>Locking, per store (docs/groups.md, "Locking"); always taken in this order, never the other way:
 * <ol>
 * <li>{@code rebuilding}: one full re-evaluation or change of definitions at a time (a load, an import or
 * analytics reload, a rule change, midnight, a manual list, a deletion).</li>
 * <li>{@code writing}: one change of memory and its persisted movements at a time (a write's re-test, the
 * reconciliation and persistence of a full re-evaluation, a manual change).</li>
 * <li>the read-write {@code lock}: readers (checkout, counts, preview, why) share it; the exclusive side is
 * held only while the state readers see is changed in place (a write's re-test) or replaced (a swap).</li>
 * </ol>
 * A full re-evaluation ({@link FullReevaluation}) reads the customers and evaluates every group on a
 * private {@link StoreGroups}, holding only {@code rebuilding}, so readers and incremental writes go on
 * meanwhile. Every incremental change bumps the store's write counter and records the customers it
 * re-tested; before the swap the re-evaluation reads those customers again and re-tests them on its
 * private state, so a card written meanwhile is never overwritten by the re-evaluation's older read.
 * When persisting fails, the store's memory is dropped and rebuilt from the stored data on next use, so
 * memory never runs ahead of what was committed.
 */
@UseCase
public final class GroupEngine {

    /** Above this many changed customers, reloading the whole store is cheaper than one query each. */
    static final int RELOAD_ABOVE = 500;

    private final Map<StoreId, StoreSlot> stores = new ConcurrentHashMap<>();
    final GroupPorts ports;
    final FieldCatalogue fields;
    private final DomainEvents events;
    private final Clock clock;
    private final FullReevaluation full = new FullReevaluation(this);

    /** Movements of one cause, persisted together. */
    record Moves(MembershipCause cause, List<Movement> movements) {}

    /** @param fields the fields rules may name (the server's catalogue): each store's audience has their columns */
    public GroupEngine(GroupPorts ports, FieldCatalogue fields, DomainEvents events, Clock clock) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code action} on the store's groups under the shared lock, loading the store first when needed. */
    <T> T read(Store store, Function<StoreGroups, T> action) {
        StoreSlot slot = slot(store);
        while (true) {
            slot.lock.readLock().lock();
            try {
                StoreGroups state = slot.state;
                if (state != null) {
                    return action.apply(state);
                }
            } finally {
                slot.lock.readLock().unlock();
            }
            ensureLoaded(store, slot);
        }
    }

    /**
     * Runs {@code action} (a manual change, a deletion: cheap, no full evaluation) on the store's groups
     * with every lock held, after any full re-evaluation in progress. An exception other than a refusal
     * ({@link IllegalArgumentException}, {@link NotFoundException}) drops the store's memory.
     */
    <T> T change(Store store, Function<StoreGroups, T> action) {
        StoreSlot slot = slot(store);
        slot.rebuilding.lock();
        try {
            while (true) {
                ensureLoaded(store, slot);
                slot.writing.lock();
                slot.lock.writeLock().lock();
                try {
                    StoreGroups state = slot.state;
                    if (state != null) {
                        return action.apply(state);
                    }
                } catch (RuntimeException e) {
                    if (!(e instanceof IllegalArgumentException) && !(e instanceof NotFoundException)) {
                        slot.state = null;
                    }
                    throw e;
                } finally {
                    slot.lock.writeLock().unlock();
                    slot.writing.unlock();
                }
            }
        } finally {
            slot.rebuilding.unlock();
        }
    }

    /**
     * Saves a definition: {@code prepare} checks the change against the store's groups as they are (and
     * throws its refusals before anything changes) and returns the group to save; then the group and the
     * groups naming it are evaluated over the store's customers read afresh, off the readers' lock, and
     * the definition is saved with the movements (cause {@code rule_change}) in one transaction.
     */
    Group define(Store store, Function<StoreGroups, Group> prepare) {
        StoreSlot slot = slot(store);
        slot.rebuilding.lock();
        try {
            ensureLoaded(store, slot);
            Group group = read(store, prepare);
            Group existing = read(store, state -> state.group(group.key()));
            Runnable save = () -> ports.definitions().save(store.id(), group);
            if (existing != null && Objects.equals(existing.rule(), group.rule())) {
                return change(
                        store,
                        state -> { // a new name only: nothing to evaluate
                            persist(store, save, Set.of(group.key()), List.of(), null);
                            state.define(group);
                            return group;
                        });
            }
            full.redefine(store, slot, group, save);
            return group;
        } finally {
            slot.rebuilding.unlock();
        }
    }

    /**
     * In one transaction: {@code definitionChange}, then each batch of movements against the stored
     * membership, the store's new last evaluated date ({@code evaluatedOn}, null: unchanged); publishes
     * what changed: {@link MembershipChanged} per cause for the movements that changed the stored
     * membership, {@link GroupsRedefined} for {@code redefined} (when not empty).
     *
     * @return the number of movements that changed the stored membership
     */
    int persist(
            Store store, Runnable definitionChange, Set<String> redefined, List<Moves> moves, LocalDate evaluatedOn) {
        return ports.transactions().inTransaction(() -> {
            definitionChange.run();
            Map<MembershipCause, Changes> byCause = new LinkedHashMap<>();
            int applied = 0;
            for (Moves batch : moves) {
                if (batch.movements().isEmpty()) {
                    continue;
                }
                List<Movement> changed =
                        ports.membership().apply(store.id(), batch.movements(), batch.cause(), clock.instant());
                applied += changed.size();
                if (!changed.isEmpty()) {
                    changed.forEach(byCause.computeIfAbsent(batch.cause(), c -> new Changes())::add);
                }
            }
            if (evaluatedOn != null) {
                ports.membership().setEvaluatedOn(store.id(), evaluatedOn);
            }
            if (!redefined.isEmpty()) {
                events.publish(new GroupsRedefined(store.id(), redefined));
            }
            byCause.forEach((cause, changes) ->
                    events.publish(new MembershipChanged(store.id(), cause.code(), changes.entered, changes.exited)));
            return applied;
        });
    }

    /** The movements of one cause by group: entered and exited. */
    private static final class Changes {
        final Map<String, Set<String>> entered = new TreeMap<>();
        final Map<String, Set<String>> exited = new TreeMap<>();

        void add(Movement m) {
            (m.entered() ? entered : exited)
                    .computeIfAbsent(m.groupKey(), k -> new TreeSet<>())
                    .add(m.customerId());
        }
    }

    /** Today in the store's time zone, with its currency's digits. */
    EvaluationContext context(Store store) {
        return contextOn(store, today(store));
    }

    LocalDate today(Store store) {
        return Dates.dateIn(clock.instant(), store.timeZone());
    }

    static EvaluationContext contextOn(Store store, LocalDate day) {
        return new EvaluationContext(day, store.timeZone(), Money.fractionDigits(store.currency()));
    }

    /**
     * The groups a customer is in right now, from memory (docs/groups.md); for a customer the store
     * does not know, the groups an empty card satisfies today.
     */
    public Set<String> groupsOf(Store store, String customerId) {
        return read(
                store,
                state -> customerId != null && state.rowOf(customerId) >= 0
                        ? state.groupsOf(customerId)
                        : state.groupsOfNewcomer(context(store)));
    }

    /**
     * What the store's in-memory groups hold that rules could make grow ({@link IndexedAudience.Footprint}):
     * for tests and monitoring. Loads the store when it is not in memory.
     */
    public IndexedAudience.Footprint footprint(Store store) {
        return read(store, state -> ((IndexedAudience) state.audience()).footprint());
    }

    /**
     * After a committed write: re-tests the customers it changed (cause {@code order}), or re-evaluates the
     * whole store (empty set: an import, cause {@code import}; more than {@value #RELOAD_ABOVE} customers).
     * A store with no group and nothing in memory has nothing to follow.
     *
     * @throws RuntimeException when following failed; the store's memory is then rebuilt on next use
     */
    public void cardsChanged(Store store, Set<String> customerIds) {
        StoreSlot slot = slot(store);
        if (slot.state == null && !ports.definitions().any(store.id())) {
            return;
        }
        if (customerIds.isEmpty() || customerIds.size() > RELOAD_ABOVE) {
            full.reevaluate(
                    store,
                    slot,
                    MembershipCause.IMPORT,
                    customerIds.isEmpty() ? MembershipCause.IMPORT : MembershipCause.ORDER);
        } else {
            retest(store, slot, customerIds);
        }
    }

    /**
     * An incremental change: reads these customers, re-tests them against every group in the memory readers
     * see, persists the movements (cause {@code order}), bumps the write counter and records the customers
     * for a full re-evaluation running meanwhile.
     */
    private void retest(Store store, StoreSlot slot, Set<String> customerIds) {
        while (true) {
            ensureLoaded(store, slot);
            slot.writing.lock();
            try {
                List<CustomerSnapshot> changed =
                        ports.customers().findAll(store.id(), customerIds); // before readers wait
                slot.lock.writeLock().lock();
                try {
                    StoreGroups state = slot.state;
                    if (state == null) {
                        continue;
                    }
                    RoaringBitmap rows = new RoaringBitmap();
                    changed.forEach(customer -> rows.add(state.upsert(customer)));
                    List<Movement> moves = state.retest(rows, context(store));
                    persist(store, () -> {}, Set.of(), List.of(new Moves(MembershipCause.ORDER, moves)), null);
                    slot.writes++;
                    if (slot.touched != null) {
                        slot.touched.addAll(customerIds);
                    }
                    return;
                } catch (RuntimeException e) {
                    slot.state = null;
                    throw e;
                } finally {
                    slot.lock.writeLock().unlock();
                }
            } finally {
                slot.writing.unlock();
            }
        }
    }

    /**
     * After the store's analytics card fields were refreshed and committed: reloads every customer (with the
     * new fields) and re-evaluates every group, cause {@code analytics}. A store not in memory yet is loaded,
     * and what the load finds changed is recorded with that cause too (the command line's refresh).
     *
     * @return the number of movements that changed the stored membership
     */
    public int analyticsRefreshed(Store store) {
        StoreSlot slot = slot(store);
        if (slot.state == null && !ports.definitions().any(store.id())) {
            return 0;
        }
        return full.reevaluate(store, slot, MembershipCause.ANALYTICS, MembershipCause.ANALYTICS);
    }

    /**
     * Group definitions or manual lists changed behind this memory (another instance, the command line):
     * a store in memory re-reads them with every customer and re-evaluates every group (cause
     * {@code rule_change}); a store not in memory is left to load on first use.
     */
    public void groupsRedefined(Store store) {
        StoreSlot slot = slot(store);
        if (slot.state == null) {
            return;
        }
        full.reevaluate(store, slot, MembershipCause.IMPORT, MembershipCause.RULE_CHANGE);
    }

    /**
     * Midnight: when the store's date moved past the last evaluated one, re-evaluates the groups whose
     * rules depend on today (and the groups naming them), cause {@code midnight}. Loads the store when it
     * has groups and is not in memory yet (which catches up by itself).
     *
     * @return the number of movements that changed the stored membership
     */
    public int passMidnight(Store store) {
        StoreSlot slot = slot(store);
        if (slot.state == null && !ports.definitions().any(store.id())) {
            return 0;
        }
        LocalDate evaluated = slot.evaluatedOn;
        if (slot.state != null && evaluated != null && !evaluated.isBefore(today(store))) {
            return 0; // without waiting for a re-evaluation in progress
        }
        return full.passMidnight(store, slot);
    }

    /** Loads the store when it is not in memory (or was dropped), after any full re-evaluation in progress. */
    void ensureLoaded(Store store, StoreSlot slot) {
        if (slot.state != null) {
            return;
        }
        slot.rebuilding.lock();
        try {
            if (slot.state == null) {
                full.load(store, slot, MembershipCause.IMPORT);
            }
        } finally {
            slot.rebuilding.unlock();
        }
    }

    private StoreSlot slot(Store store) {
        return stores.computeIfAbsent(store.id(), id -> new StoreSlot());
    }

    /** Forgets every store's memory (tests; or after changing data behind the engine's back). */
    public void forgetAll() {
        stores.clear();
    }
}
