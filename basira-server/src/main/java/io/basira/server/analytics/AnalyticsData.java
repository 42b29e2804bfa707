package io.basira.server.analytics;

import io.basira.analytics.StoreFacts;
import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.analytics.jdbc.JdbcStoreFacts;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each store's order columns in memory, with a data version (docs/analytics.md, "How the analyses run").
 *
 * <p>A store is loaded on first use by streaming ({@link JdbcStoreFacts#load}). Every committed write
 * tells it as the durable listener {@code analytics-columns} of {@link CardsChanged} (after the commit on
 * the writer's thread; and, on PostgreSQL, the writes of other processes through the event feed): the
 * store's version goes up and the write's customers are remembered; an import (the whole store) marks the
 * whole store. The next read makes the columns
 * current: up to {@value #INCREMENTAL_LIMIT} remembered customers are read again and merged into the next
 * version ({@link JdbcStoreFacts#reload}: their attributes and orders, everything else copied), more than
 * that or a whole-store change reloads the store. Reads of one store are serialised while it is made
 * current (so a later read never installs older data than an earlier one); a read of a current store
 * takes no lock.
 *
 * <p>On H2 (one process) every write reaches it; on PostgreSQL a write of another process (a second server,
 * {@code basira import} beside a running server) reaches it through the event feed within a second.
 */
public class AnalyticsData implements DomainEventListener {

    public static final String NAME = "analytics-columns";

    /** Above this many changed customers since the last read, a full reload is cheaper than reading each. */
    static final int INCREMENTAL_LIMIT = 5_000;

    /** A store's columns at one data version; the version names the data in cache keys. */
    public record Versioned(StoreFacts facts, long version) {}

    /** How many of a store's latest version changes keep their time ({@link #changedSince}): about 90 KB a busy store. */
    static final int CHANGE_TIMES = 1_024;

    /**
     * Versions of every store, increasing across {@link #forget}: a result or baskets kept from before a store was
     * forgotten never looks current afterwards.
     */
    private final AtomicLong versions = new AtomicLong();

    private final JdbcStoreFacts jdbc;
    private final Clock clock;
    private final Map<StoreId, State> stores = new ConcurrentHashMap<>();

    public AnalyticsData(JdbcStoreFacts jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Over the system clock. */
    public AnalyticsData(JdbcStoreFacts jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    /**
     * The store's data version now, without making its columns current (what {@link #current} would return next). A
     * store never read starts being followed here: its writes from now on move the version, and its columns are read
     * whole on first use.
     */
    public long version(Store store) {
        return state(store).version;
    }

    private State state(Store store) {
        return stores.computeIfAbsent(store.id(), id -> new State(versions.incrementAndGet()));
    }

    /**
     * When the store's data first changed after {@code version} (a version {@link #current} returned): null when it
     * has not changed since, {@link Instant#MIN} when that change is older than the times kept (the
     * {@value #CHANGE_TIMES} latest). What a result computed from {@code version} has missed since then: the age
     * of an answer kept from an older version.
     */
    public Instant changedSince(Store store, long version) {
        State state = stores.get(store.id());
        if (state == null) {
            return null;
        }
        synchronized (state.pending) {
            if (state.version <= version) {
                return null;
            }
            if (state.forgottenUpTo > version) {
                return Instant.MIN; // the change after it is no longer kept (or came before this state)
            }
            Map.Entry<Long, Instant> first = state.changedAt.higherEntry(version);
            return first != null ? first.getValue() : Instant.MIN;
        }
    }

    /**
     * Whether an answer computed from {@code version} has missed the store's writes for less than {@code staleFor} at
     * {@code now} (true when it has missed none): the rule by which a kept answer may still be given.
     */
    public boolean missedLessThan(Store store, long version, java.time.Duration staleFor, Instant now) {
        Instant since = changedSince(store, version);
        return since == null || now.isBefore(since.plus(staleFor));
    }

    /** The store's columns, made current first when a write committed since they were read. */
    public Versioned current(Store store) {
        State state = state(store);
        Versioned ready = state.ready;
        if (ready != null && ready.version() == state.version) {
            return ready;
        }
        synchronized (state) {
            Set<String> changed;
            boolean whole;
            long version;
            synchronized (state.pending) {
                version = state.version;
                if (state.ready != null && state.ready.version() == version) {
                    return state.ready;
                }
                changed = new HashSet<>(state.pending);
                whole = state.whole || state.ready == null || changed.size() > INCREMENTAL_LIMIT;
                state.pending.clear();
                state.whole = false;
            }
            StoreFacts facts = whole ? jdbc.load(store) : jdbc.reload(store, state.ready.facts(), changed);
            Versioned next = new Versioned(facts, version);
            state.ready = next;
            return next;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(CardsChanged.class);
    }

    /** A committed write changed the store's data (these customers', or any for a whole-store change). */
    @Override
    public void handle(ReceivedEvent received) {
        CardsChanged event = (CardsChanged) received.event();
        if (event.wholeStore() || !event.customerIds().isEmpty()) {
            changed(event.store(), event.wholeStore() ? Set.of() : event.customerIds());
        }
    }

    /** Records a committed change: these customers' records, or the whole store when {@code customerIds} is empty. */
    public void changed(StoreId store, Set<String> customerIds) {
        State state = stores.get(store);
        if (state == null) {
            return; // never read: the first read loads it whole
        }
        synchronized (state.pending) {
            if (customerIds.isEmpty()) {
                state.whole = true;
            } else if (!state.whole) {
                state.pending.addAll(customerIds);
                if (state.pending.size() > INCREMENTAL_LIMIT) {
                    state.whole = true;
                    state.pending.clear();
                }
            }
            state.version = versions.incrementAndGet();
            state.changedAt.put(state.version, clock.instant());
            if (state.changedAt.size() > CHANGE_TIMES) {
                state.forgottenUpTo = state.changedAt.pollFirstEntry().getKey();
            }
        }
    }

    /** Drops a store's columns (read whole again on next use). */
    public void forget(StoreId store) {
        stores.remove(store);
    }

    private static final class State {
        final Set<String> pending = new HashSet<>();
        /** The time of each of the latest version changes, by the version it made (guarded by {@code pending}). */
        final TreeMap<Long, Instant> changedAt = new TreeMap<>();
        /** The versions up to this one have no change time kept: the state's first, then the dropped ones. */
        long forgottenUpTo;

        volatile long version;
        boolean whole;
        volatile Versioned ready;

        State(long first) {
            this.version = first;
            this.forgottenUpTo = first;
        }
    }
}
