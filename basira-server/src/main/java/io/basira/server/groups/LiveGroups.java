package io.basira.server.groups;

import io.basira.server.api.RedactedFailure;
import io.basira.card.CustomerSnapshot;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.server.jdbc.JdbcCustomerQueries;
import io.basira.server.jdbc.JdbcGroupMembers;
import io.basira.server.jdbc.JdbcGroups;
import io.basira.server.jdbc.JdbcManualMembers;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live group membership for every store: each store's {@link StoreGroups} is built from the database on
 * first use and kept in step with every committed write, and each change of membership is persisted as
 * movements with their {@link MembershipCause}.
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
 * A full re-evaluation reads the customers and evaluates every group on a private {@link StoreGroups},
 * holding only {@code rebuilding}, so readers and incremental writes go on meanwhile. Every incremental
 * change bumps the store's write counter and records the customers it re-tested; before the swap the
 * re-evaluation reads those customers again from the database and re-tests them on its private state, so
 * a card written meanwhile is never overwritten by the re-evaluation's older read.
 * When persisting fails, the store's memory is dropped and rebuilt from the database on next use, so
 * memory never runs ahead of what was committed.
 */
public final class LiveGroups {

    private static final Logger log = LoggerFactory.getLogger(LiveGroups.class);
    /** Above this many changed customers, reloading the whole store is cheaper than one query each. */
    private static final int RELOAD_ABOVE = 500;

    private final Map<StoreId, Holder> stores = new ConcurrentHashMap<>();
    private final JdbcCustomerQueries customers;
    private final JdbcGroups groups;
    private final JdbcManualMembers manual;
    private final JdbcGroupMembers membership;
    private final Persistence persistence;

    /** The transaction and clock the writers persist with. */
    public record Persistence(TransactionTemplate transaction, Clock clock) {}

    public LiveGroups(JdbcCustomerQueries customers, JdbcGroups groups, JdbcManualMembers manual,
            JdbcGroupMembers membership, Persistence persistence) {
        this.customers = customers;
        this.groups = groups;
        this.manual = manual;
        this.membership = membership;
        this.persistence = persistence;
    }

    private static final class Holder {
        final ReentrantLock rebuilding = new ReentrantLock();
        final ReentrantLock writing = new ReentrantLock();
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        /** What readers see; replaced under the exclusive {@code lock}, changed in place under it too. */
        volatile StoreGroups state;
        volatile LocalDate evaluatedOn;
        /** Incremental changes applied (under {@code writing}). */
        long writes;
        /** The customers re-tested since the running full re-evaluation started (under {@code writing}); null when none runs. */
        Set<String> touched;
    }

    /** One evaluation of a full re-evaluation: which groups, as of which day, recorded with which cause. */
    private record Step(MembershipCause cause, Function<StoreGroups, List<String>> keys, LocalDate day) {}

    /**
     * A full re-evaluation: {@code define} changes the fresh state's definitions before it is evaluated,
     * {@code steps} say what is evaluated, {@code persisted} runs in the transaction of the movements, and
     * {@code evaluatedOn} (null: unchanged) is the store's new last evaluated date.
     */
    private record Plan(boolean load, Consumer<StoreGroups> define, Function<StoreGroups, List<Step>> steps,
            Runnable persisted, LocalDate evaluatedOn) {}

    /** Runs {@code action} on the store's groups under the shared lock, loading the store first when needed. */
    <T> T read(Store store, Function<StoreGroups, T> action) {
        Holder holder = holder(store);
        while (true) {
            holder.lock.readLock().lock();
            try {
                StoreGroups state = holder.state;
                if (state != null) {
                    return action.apply(state);
                }
            } finally {
                holder.lock.readLock().unlock();
            }
            ensureLoaded(store, holder, MembershipCause.IMPORT);
        }
    }

    /**
     * Runs {@code action} (a manual change, a deletion: cheap, no full evaluation) on the store's groups
     * with every lock held, after any full re-evaluation in progress. An exception other than a refusal
     * ({@link IllegalArgumentException}, not found) drops the store's memory.
     */
    <T> T change(Store store, Function<StoreGroups, T> action) {
        Holder holder = holder(store);
        holder.rebuilding.lock();
        try {
            while (true) {
                ensureLoaded(store, holder, MembershipCause.IMPORT);
                holder.writing.lock();
                holder.lock.writeLock().lock();
                try {
                    StoreGroups state = holder.state;
                    if (state != null) {
                        return action.apply(state);
                    }
                } catch (RuntimeException e) {
                    dropUnlessRefusal(holder, e);
                    throw e;
                } finally {
                    holder.lock.writeLock().unlock();
                    holder.writing.unlock();
                }
            }
        } finally {
            holder.rebuilding.unlock();
        }
    }

    /**
     * Saves a definition: {@code prepare} checks the change against the store's groups as they are (and
     * throws its refusals before anything changes) and returns the group to save; then the group and the
     * groups naming it are evaluated over the store's customers read afresh, off the readers' lock, and
     * the definition is saved with the movements (cause {@code rule_change}) in one transaction.
     */
    Group define(Store store, Function<StoreGroups, Group> prepare) {
        Holder holder = holder(store);
        holder.rebuilding.lock();
        try {
            ensureLoaded(store, holder, MembershipCause.IMPORT);
            Group group = read(store, prepare);
            Group existing = read(store, state -> state.group(group.key()));
            if (existing != null && java.util.Objects.equals(existing.rule(), group.rule())) {
                return change(store, state -> {         // a new name only: nothing to evaluate
                    persist(store, List.of(), MembershipCause.RULE_CHANGE, () -> groups.save(store.id(), group));
                    state.define(group);
                    return group;
                });
            }
            LocalDate today = today(store);
            rebuild(store, holder, new Plan(false, fresh -> fresh.define(group),
                    fresh -> List.of(new Step(MembershipCause.RULE_CHANGE,
                            s -> s.withDependents(Set.of(group.key())), today)),
                    () -> groups.save(store.id(), group), null));
            return group;
        } finally {
            holder.rebuilding.unlock();
        }
    }

    private static void dropUnlessRefusal(Holder holder, RuntimeException e) {
        if (!(e instanceof IllegalArgumentException) && !(e instanceof io.basira.server.api.ApiErrors.NotFound)) {
            holder.state = null;
        }
    }

    /** Persists the movements with {@code cause} in one transaction after {@code definitionChange}. */
    void persist(Store store, List<Movement> movements, MembershipCause cause, Runnable definitionChange) {
        persistence.transaction().executeWithoutResult(status -> {
            definitionChange.run();
            membership.apply(store.id(), movements, cause, persistence.clock().instant());
        });
    }

    /** Today in the store's time zone, with its currency's digits. */
    EvaluationContext context(Store store) {
        return contextOn(store, today(store));
    }

    LocalDate today(Store store) {
        return Dates.dateIn(persistence.clock().instant(), store.timeZone());
    }

    static EvaluationContext contextOn(Store store, LocalDate day) {
        return new EvaluationContext(day, store.timeZone(), Money.fractionDigits(store.currency()));
    }

    /**
     * The groups a customer is in right now, from memory (docs/groups.md); for a customer the store
     * does not know, the groups an empty card satisfies today.
     */
    public Set<String> groupsOf(Store store, String customerId) {
        return read(store, state -> customerId != null && state.rowOf(customerId) >= 0
                ? state.groupsOf(customerId)
                : state.groupsOfNewcomer(context(store)));
    }

    /**
     * What the store's in-memory groups hold that rules could make grow ({@link IndexedAudience.Footprint}):
     * for tests and monitoring. Loads the store when it is not in memory.
     */
    public IndexedAudience.Footprint footprint(Store store) {
        return read(store, state -> ((IndexedAudience) state.audience).footprint());
    }

    /** After a committed write: re-test the customers it changed, or reload the store (empty set: an import). */
    public void cardsChanged(Store store, Set<String> customerIds) {
        Holder holder = holder(store);
        if (holder.state == null && !groups.any(store.id())) {
            return;
        }
        try {
            if (customerIds.isEmpty() || customerIds.size() > RELOAD_ABOVE) {
                reevaluate(store, holder, MembershipCause.IMPORT,
                        customerIds.isEmpty() ? MembershipCause.IMPORT : MembershipCause.ORDER);
            } else {
                retest(store, holder, customerIds);
            }
        } catch (RuntimeException e) {
            log.error("group membership of store {} could not follow a write; it is rebuilt on next use", store.slug(),
                    RedactedFailure.of(e));
        }
    }

    /**
     * An incremental change: reads these customers, re-tests them against every group in the memory readers
     * see, persists the movements (cause {@code order}), bumps the write counter and records the customers
     * for a full re-evaluation running meanwhile.
     */
    private void retest(Store store, Holder holder, Set<String> customerIds) {
        while (true) {
            ensureLoaded(store, holder, MembershipCause.IMPORT);
            holder.writing.lock();
            try {
                List<CustomerSnapshot> changed = customers.findAll(store.id(), customerIds);  // before readers wait
                holder.lock.writeLock().lock();
                try {
                    StoreGroups state = holder.state;
                    if (state == null) {
                        continue;
                    }
                    RoaringBitmap rows = new RoaringBitmap();
                    changed.forEach(customer -> rows.add(state.upsert(customer)));
                    List<Movement> moves = state.retest(rows, context(store));
                    persist(store, moves, MembershipCause.ORDER, () -> {});
                    holder.writes++;
                    if (holder.touched != null) {
                        holder.touched.addAll(customerIds);
                    }
                    return;
                } catch (RuntimeException e) {
                    holder.state = null;
                    throw e;
                } finally {
                    holder.lock.writeLock().unlock();
                }
            } finally {
                holder.writing.unlock();
            }
        }
    }

    /**
     * After the store's analytics card fields were refreshed and committed: reloads every customer (with the
     * new fields) and re-evaluates every group, cause {@code analytics}. A store not in memory yet is loaded,
     * and what the load finds changed is recorded with that cause too (the command line's refresh).
     *
     * @return the number of movements made
     */
    public int analyticsRefreshed(Store store) {
        Holder holder = holder(store);
        if (holder.state == null && !groups.any(store.id())) {
            return 0;
        }
        try {
            return reevaluate(store, holder, MembershipCause.ANALYTICS, MembershipCause.ANALYTICS);
        } catch (RuntimeException e) {
            log.error("group membership of store {} could not follow an analytics refresh; it is rebuilt on next use",
                    store.slug(), RedactedFailure.of(e));
            return 0;
        }
    }

    /**
     * Group definitions or manual lists changed behind this memory (another instance, the command line):
     * a store in memory re-reads them with every customer and re-evaluates every group (cause
     * {@code rule_change}); a store not in memory is left to load on first use.
     */
    public void groupsRedefined(Store store) {
        Holder holder = holder(store);
        if (holder.state == null) {
            return;
        }
        try {
            reevaluate(store, holder, MembershipCause.IMPORT, MembershipCause.RULE_CHANGE);
        } catch (RuntimeException e) {
            log.error("group membership of store {} could not follow a change of its groups; it is rebuilt on next use",
                    store.slug(), RedactedFailure.of(e));
        }
    }

    /**
     * Reads every customer afresh and re-evaluates every group with {@code cause}, off the readers' lock; a
     * store not in memory is loaded instead (what it finds changed recorded with {@code loadCause}), which
     * is the same evaluation.
     */
    private int reevaluate(Store store, Holder holder, MembershipCause loadCause, MembershipCause cause) {
        holder.rebuilding.lock();
        try {
            if (holder.state == null) {
                return load(store, holder, loadCause);
            }
            LocalDate today = today(store);
            return rebuild(store, holder, new Plan(false, fresh -> {},
                    fresh -> List.of(new Step(cause, StoreGroups::order, today)), () -> {}, null));
        } finally {
            holder.rebuilding.unlock();
        }
    }

    /**
     * Midnight: when the store's date moved past the last evaluated one, re-evaluates the groups whose
     * rules depend on today (and the groups naming them), cause {@code midnight}. Loads the store when it
     * has groups and is not in memory yet (which catches up by itself).
     *
     * @return the number of movements made
     */
    public int passMidnight(Store store) {
        Holder holder = holder(store);
        if (holder.state == null && !groups.any(store.id())) {
            return 0;
        }
        LocalDate evaluated = holder.evaluatedOn;
        if (holder.state != null && evaluated != null && !evaluated.isBefore(today(store))) {
            return 0;                                           // without waiting for a re-evaluation in progress
        }
        holder.rebuilding.lock();
        try {
            if (holder.state == null) {
                load(store, holder, MembershipCause.IMPORT);
                return 0;
            }
            LocalDate today = today(store);
            if (holder.evaluatedOn != null && !holder.evaluatedOn.isBefore(today)) {
                return 0;
            }
            return rebuild(store, holder, new Plan(false, fresh -> {},
                    fresh -> List.of(midnight(today)), () -> {}, today));
        } finally {
            holder.rebuilding.unlock();
        }
    }

    private static Step midnight(LocalDate today) {
        return new Step(MembershipCause.MIDNIGHT, state -> {
            Set<String> moving = new java.util.TreeSet<>();
            state.groups().stream().filter(Group::dependsOnToday).forEach(g -> moving.add(g.key()));
            return state.withDependents(moving);
        }, today);
    }

    /** Loads the store when it is not in memory (or was dropped), after any full re-evaluation in progress. */
    private void ensureLoaded(Store store, Holder holder, MembershipCause cause) {
        if (holder.state != null) {
            return;
        }
        holder.rebuilding.lock();
        try {
            if (holder.state == null) {
                load(store, holder, cause);
            }
        } finally {
            holder.rebuilding.unlock();
        }
    }

    /**
     * Builds the store's memory from the database, then brings the stored membership up to date: first as
     * of the last evaluated date (what changed meanwhile is data: {@code cause}, normally {@code import}),
     * then, when that date is past, for today (cause {@code midnight}). The caller holds {@code rebuilding}.
     */
    private int load(Store store, Holder holder, MembershipCause cause) {
        LocalDate today = today(store);
        return rebuild(store, holder, new Plan(true, fresh -> {}, fresh -> {
            LocalDate last = membership.evaluatedOn(store.id()).filter(d -> d.isBefore(today)).orElse(today);
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(cause, StoreGroups::order, last));
            if (last.isBefore(today)) {
                steps.add(midnight(today));
            }
            return steps;
        }, () -> {}, today));
    }

    /**
     * A full re-evaluation; the caller holds {@code rebuilding}. Off every lock: reads the store afresh into
     * a private state, starts it from the membership as it was when the re-evaluation started (the memory's,
     * or for a load the stored one) and evaluates. Then, holding {@code writing}: re-reads and re-tests the
     * customers written meanwhile (starting them from the membership their writes left), persists the
     * movements; and only for the swap, the exclusive lock.
     *
     * @return the number of movements persisted
     */
    private int rebuild(Store store, Holder holder, Plan plan) {
        while (true) {
            if (!plan.load() && holder.state == null) {
                load(store, holder, MembershipCause.IMPORT);       // memory was dropped: first the stored membership
            }
            StoreGroups.Membership before;
            long startedAt;
            holder.writing.lock();
            try {
                StoreGroups current = holder.state;
                before = current == null ? null : current.membership();
                startedAt = holder.writes;
                holder.touched = new HashSet<>();
            } finally {
                holder.writing.unlock();
            }
            StoreGroups next;
            List<Step> steps;
            List<List<Movement>> moves = new ArrayList<>();
            try {
                next = StoreGroups.read(store, customers, groups, manual);
                plan.define().accept(next);
                Map<String, Set<String>> previous = before == null ? membership.all(store.id()) : before.byCustomerId();
                previous.forEach((key, ids) -> {
                    if (next.group(key) != null) {
                        next.setStoredMembers(key, ids);
                    }
                });
                steps = plan.steps().apply(next);
                for (Step step : steps) {
                    moves.add(next.evaluate(step.keys().apply(next), contextOn(store, step.day())));
                }
            } catch (RuntimeException e) {
                holder.writing.lock();
                holder.touched = null;
                holder.writing.unlock();
                throw e;
            }
            Step last = steps.get(steps.size() - 1);
            holder.writing.lock();
            try {
                Set<String> touched = holder.touched;
                holder.touched = null;
                StoreGroups current = holder.state;
                if (before != null && current == null) {
                    continue;                                       // a write failed and dropped memory meanwhile
                }
                List<Movement> again = List.of();
                if (holder.writes != startedAt) {
                    moves.replaceAll(list -> list.stream().filter(m -> !touched.contains(m.customerId())).toList());
                    again = reapply(store, next, current, touched, last.day());
                }
                List<Movement> reapplied = again;
                persistence.transaction().executeWithoutResult(status -> {
                    plan.persisted().run();
                    for (int i = 0; i < steps.size(); i++) {
                        membership.apply(store.id(), moves.get(i), steps.get(i).cause(), persistence.clock().instant());
                    }
                    membership.apply(store.id(), reapplied, last.cause(), persistence.clock().instant());
                    if (plan.evaluatedOn() != null) {
                        membership.setEvaluatedOn(store.id(), plan.evaluatedOn());
                    }
                });
                holder.lock.writeLock().lock();
                try {
                    holder.state = next;
                    if (plan.evaluatedOn() != null) {
                        holder.evaluatedOn = plan.evaluatedOn();
                    }
                } finally {
                    holder.lock.writeLock().unlock();
                }
                return moves.stream().mapToInt(List::size).sum() + reapplied.size();
            } catch (RuntimeException e) {
                holder.lock.writeLock().lock();
                holder.state = null;
                holder.lock.writeLock().unlock();
                throw e;
            } finally {
                holder.writing.unlock();
            }
        }
    }

    /**
     * The customers written while a full re-evaluation ran, on its private state {@code next}: read again
     * from the database, put back in the groups their writes left them in ({@code current}, the memory
     * readers see), and re-tested; the movements returned are from that membership to the new one.
     */
    private List<Movement> reapply(Store store, StoreGroups next, StoreGroups current, Set<String> touched,
            LocalDate day) {
        RoaringBitmap rows = new RoaringBitmap();
        for (CustomerSnapshot customer : customers.findAll(store.id(), touched)) {
            int row = next.upsert(customer);
            rows.add(row);
            Set<String> now = current == null ? Set.of() : current.groupsOf(customer.customer().externalId());
            for (String key : next.order()) {
                next.setMember(key, row, now.contains(key));
            }
        }
        return next.retest(rows, contextOn(store, day));
    }

    private Holder holder(Store store) {
        return stores.computeIfAbsent(store.id(), id -> new Holder());
    }

    /** Forgets every store's memory (tests; or after changing data behind the server's back). */
    public void forgetAll() {
        stores.clear();
    }
}
