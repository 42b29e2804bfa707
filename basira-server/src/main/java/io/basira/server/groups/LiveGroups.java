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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>Locking: one read-write lock per store. Writers (a data change, a rule change, a manual action,
 * midnight) hold it exclusively while they evaluate and persist; readers (counts, preview, why) share it.
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
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        StoreGroups state;
        LocalDate evaluatedOn;
    }

    /** Runs {@code action} on the store's groups under the shared lock. */
    <T> T read(Store store, Function<StoreGroups, T> action) {
        Holder holder = holder(store);
        holder.lock.readLock().lock();
        try {
            if (holder.state != null) {
                return action.apply(holder.state);
            }
        } finally {
            holder.lock.readLock().unlock();
        }
        return write(store, action);
    }

    /**
     * Runs {@code action} on the store's groups under the exclusive lock. An exception other than a
     * refusal ({@link IllegalArgumentException}) drops the store's memory.
     */
    <T> T write(Store store, Function<StoreGroups, T> action) {
        return write(store, MembershipCause.IMPORT, action);
    }

    /** As {@link #write(Store, Function)}; a load needed first records what it finds changed with {@code loadCause}. */
    private <T> T write(Store store, MembershipCause loadCause, Function<StoreGroups, T> action) {
        Holder holder = holder(store);
        holder.lock.writeLock().lock();
        try {
            if (holder.state == null) {
                load(store, holder, loadCause);
            }
            return action.apply(holder.state);
        } catch (RuntimeException e) {
            if (!(e instanceof IllegalArgumentException) && !(e instanceof io.basira.server.api.ApiErrors.NotFound)) {
                holder.state = null;
            }
            throw e;
        } finally {
            holder.lock.writeLock().unlock();
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
            write(store, state -> {
                if (customerIds.isEmpty() || customerIds.size() > RELOAD_ABOVE) {
                    customers.forEach(store.id(), state::upsert);
                    List<Movement> moves = state.evaluate(state.order(), context(store));
                    persist(store, moves, customerIds.isEmpty() ? MembershipCause.IMPORT : MembershipCause.ORDER, () -> {});
                    return moves;
                }
                RoaringBitmap rows = new RoaringBitmap();
                customers.findAll(store.id(), customerIds).forEach(customer -> rows.add(state.upsert(customer)));
                List<Movement> moves = state.retest(rows, context(store));
                persist(store, moves, MembershipCause.ORDER, () -> {});
                return moves;
            });
        } catch (RuntimeException e) {
            log.error("group membership of store {} could not follow a write; it is rebuilt on next use", store.slug(),
                    RedactedFailure.of(e));
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
            return write(store, MembershipCause.ANALYTICS, state -> {
                customers.forEach(store.id(), state::upsert);
                List<Movement> moves = state.evaluate(state.order(), context(store));
                persist(store, moves, MembershipCause.ANALYTICS, () -> {});
                return moves.size();
            });
        } catch (RuntimeException e) {
            log.error("group membership of store {} could not follow an analytics refresh; it is rebuilt on next use",
                    store.slug(), RedactedFailure.of(e));
            return 0;
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
        return write(store, state -> {
            LocalDate today = today(store);
            if (holder.evaluatedOn != null && !holder.evaluatedOn.isBefore(today)) {
                return 0;
            }
            return midnight(store, holder, state, today);
        });
    }

    private int midnight(Store store, Holder holder, StoreGroups state, LocalDate today) {
        Set<String> moving = new java.util.TreeSet<>();
        state.groups().stream().filter(Group::dependsOnToday).forEach(g -> moving.add(g.key()));
        List<Movement> moves = state.evaluate(state.withDependents(moving), contextOn(store, today));
        persist(store, moves, MembershipCause.MIDNIGHT, () -> membership.setEvaluatedOn(store.id(), today));
        holder.evaluatedOn = today;
        return moves.size();
    }

    /**
     * Builds the store's memory from the database, then brings the stored membership up to date: first as
     * of the last evaluated date (what changed meanwhile is data: {@code cause}, normally {@code import}),
     * then, when that date is past, for today (cause {@code midnight}).
     */
    private void load(Store store, Holder holder, MembershipCause cause) {
        StoreGroups state = StoreGroups.read(store, customers, groups, manual);
        membership.all(store.id()).forEach(state::setStoredMembers);
        LocalDate today = today(store);
        LocalDate last = membership.evaluatedOn(store.id()).filter(d -> d.isBefore(today)).orElse(today);
        List<Movement> moves = state.evaluate(state.order(), contextOn(store, last));
        persist(store, moves, cause, () -> membership.setEvaluatedOn(store.id(), last));
        holder.evaluatedOn = last;
        holder.state = state;
        if (last.isBefore(today)) {
            midnight(store, holder, state, today);
        }
    }

    private Holder holder(Store store) {
        return stores.computeIfAbsent(store.id(), id -> new Holder());
    }

    /** Forgets every store's memory (tests; or after changing data behind the server's back). */
    public void forgetAll() {
        stores.clear();
    }
}
