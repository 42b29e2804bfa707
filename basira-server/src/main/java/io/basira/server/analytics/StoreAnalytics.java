package io.basira.server.analytics;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.CardAnalytics;
import io.basira.analytics.ClvInput;
import io.basira.analytics.Cohorts;
import io.basira.analytics.CustomerTypes;
import io.basira.analytics.DiscountSensitivity;
import io.basira.analytics.Overview;
import io.basira.analytics.Pareto;
import io.basira.analytics.Rfm;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvAnalysis;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.region.PopulationTable;
import io.basira.analytics.region.Regions;
import io.basira.events.AnalyticsRefreshed;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.server.analytics.api.AnalyticsJson;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the analyses of one store for both interfaces (REST and CLI) over the store's order columns in
 * memory ({@link AnalyticsData}), calls the core calculation, maps the result. Results are cached by store,
 * analysis, window, time unit and data version (a write makes a new version, so a cached result is never
 * stale); the CLV calibration and fit by store, as-of day, time unit and version, shared by the CLV report
 * and the refresh. Also refreshes the stored card fields, which customer groups read, the next category among
 * them from a {@link NextCategorySource}.
 */
@UseCase
public final class StoreAnalytics {

    /** What a refresh did. */
    public record Refreshed(LocalDate asOf, int customers, String clvMethod, String modelsJson) {}

    private static final int CACHED_RESULTS = 256;

    private static final Logger log = LoggerFactory.getLogger(StoreAnalytics.class);

    private record Key(StoreId store, String what, AnalysisWindow window, ClvTimeUnit unit, long version) {}

    private final AnalyticsData data;
    private final JdbcCustomerAnalytics cards;
    private final Clock clock;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final NextCategorySource nextCategories;
    private final AtomicLong dayModelsFitted = new AtomicLong();

    /** The day models being fitted now, by key: one fit per key at a time ({@link #dayModels}). */
    private final Map<Key, CompletableFuture<DayModels>> fitting = new ConcurrentHashMap<>();

    private final Map<Key, Object> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > CACHED_RESULTS;
        }
    };

    /** A dashboard's last result of one analysis, and the data version it was computed from (at least). */
    private record Recent(long version, Object value) {}

    /** Each (store, analysis, window, unit)'s last result for the dashboard ({@link #recent}), the latest 64. */
    private final Map<Key, Recent> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recent> eldest) {
            return size() > 64;
        }
    };

    /** The results queued or being made in the background for {@link #recent}, by key: one at a time per key. */
    private final Set<Key> computing = ConcurrentHashMap.newKeySet();

    /** The results being made for {@link #recent} now, by key: a view that must wait waits for the one under way. */
    private final Map<Key, CompletableFuture<Recent>> making = new ConcurrentHashMap<>();

    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "basira-dashboard-analyses");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration staleFor;

    public StoreAnalytics(
            AnalyticsData data,
            JdbcCustomerAnalytics cards,
            Clock clock,
            DomainEvents events,
            TransactionTemplate transaction,
            NextCategorySource nextCategories) {
        this(data, cards, clock, events, transaction, nextCategories, Duration.ZERO);
    }

    /**
     * @param staleFor how long the writes a dashboard's result has missed may go unseen while a newer result is
     *     computed in the background ({@link #recent}); zero: every result is from the current data
     */
    public StoreAnalytics(
            AnalyticsData data,
            JdbcCustomerAnalytics cards,
            Clock clock,
            DomainEvents events,
            TransactionTemplate transaction,
            NextCategorySource nextCategories,
            Duration staleFor) {
        this.staleFor = staleFor;
        this.transaction = transaction;
        this.nextCategories = nextCategories;
        this.data = data;
        this.cards = cards;
        this.clock = clock;
        this.events = events;
    }

    /** The store's columns, current. */
    public AnalyticsData.Versioned facts(Store store) {
        return data.current(store);
    }

    /**
     * Reads the store's columns whole on next use: catches up with writes this process's hook never saw
     * (another server or {@code basira import} on the same database). The nightly refresh does this first.
     */
    public void reread(Store store) {
        data.changed(store.id(), java.util.Set.of());
    }

    public Report run(Store store, AnalysisName name, AnalysisRequest request) {
        AnalyticsData.Versioned versioned = data.current(store);
        StoreFacts facts = versioned.facts();
        AnalysisWindow window = request.window();
        if (name == AnalysisName.REGIONS && request.population() != PopulationTable.gulf()) {
            return AnalyticsJson.regions(Regions.of(facts, window, request.population()));
        }
        Key key = new Key(
                store.id(),
                name.name(),
                window,
                name == AnalysisName.CLV ? request.timeUnit() : null,
                versioned.version());
        return cached(key, () -> switch (name) {
            case OVERVIEW -> AnalyticsJson.overview(Overview.of(facts, window));
            case PARETO -> AnalyticsJson.pareto(Pareto.of(facts, window));
            case COHORTS -> AnalyticsJson.cohorts(Cohorts.of(facts, window));
            case RFM -> AnalyticsJson.rfm(Rfm.of(facts, window));
            case TYPES -> AnalyticsJson.types(CustomerTypes.of(facts, window));
            case DISCOUNTS -> AnalyticsJson.discounts(DiscountSensitivity.of(facts, window));
            case REGIONS -> AnalyticsJson.regions(Regions.of(facts, window, request.population()));
            case CLV -> clv(store, versioned, request).report();
        });
    }

    /**
     * The CLV analysis with its per-customer predictions (the dashboard's CLV tab, the CLI's last line and
     * {@code --out}), cached like the other results: scoring every customer takes a tenth of a second or more at
     * 100,000 customers, and the tab is opened again with every sort of its list.
     */
    public ClvReport clv(Store store, AnalysisRequest request) {
        return clv(store, data.current(store), request);
    }

    private ClvReport clv(Store store, AnalyticsData.Versioned versioned, AnalysisRequest request) {
        AnalysisWindow window = request.window();
        // the newest report of this store, window and unit, whatever its version: a new version's report takes the
        // predictions of the customers a write did not change from it (read before the fit drops older versions)
        Key last = new Key(store.id(), "clv-report-last", window, request.timeUnit(), Long.MAX_VALUE);
        return cached(new Key(store.id(), "clv-report", window, request.timeUnit(), versioned.version()), () -> {
            ClvReport before;
            synchronized (cache) {
                before = (ClvReport) cache.get(last);
            }
            ClvReport report = ClvReport.of(
                    versioned.facts(), fit(store, versioned, window.asOf(), request.timeUnit()), request, before);
            synchronized (cache) {
                cache.put(last, report);
            }
            return report;
        });
    }

    /**
     * Recomputes and stores every customer's card fields as of {@code asOf} (the next category from all the store's
     * counted orders at this moment, whatever {@code asOf}) and publishes
     * {@link AnalyticsRefreshed} in the same transaction (the store's groups follow it after the commit,
     * before this returns).
     */
    public Refreshed refresh(Store store, LocalDate asOf) {
        AnalyticsData.Versioned versioned = data.current(store);
        Key full = new Key(store.id(), "clv-fit", AnalysisWindow.asOf(asOf), ClvTimeUnit.DAYS, versioned.version());
        CardAnalytics.ClvFit fitted;
        synchronized (cache) {
            fitted = (CardAnalytics.ClvFit) cache.get(full);
        }
        if (fitted == null) {
            fitted = cached(
                    new Key(
                            store.id(),
                            "clv-scoring-fit",
                            AnalysisWindow.asOf(asOf),
                            ClvTimeUnit.DAYS,
                            versioned.version()),
                    () -> CardAnalytics.ClvFit.of(versioned.facts(), asOf));
            // the day's report fits only the Pareto/NBD on top of these two when its summary is the same
            CalibrationSummary summary = fitted.calibration().summary();
            synchronized (cache) {
                cache.put(
                        scoringModelsKey(store, asOf, ClvTimeUnit.DAYS),
                        new DayModels(fitted.models(), summary.size(), summary.repeatBuyers()));
            }
        }
        CardAnalytics.Result result = CardAnalytics.compute(versioned.facts(), asOf, fitted);
        Map<String, String> categories = nextCategories.nextCategories(store);
        transaction.executeWithoutResult(status -> {
            cards.replace(store, asOf, clock.instant(), result.models().method(), result.customers(), categories);
            events.publish(new AnalyticsRefreshed(store.id(), asOf));
        });
        return new Refreshed(
                asOf,
                result.customers().size(),
                result.models().method(),
                result.models().toJson());
    }

    /**
     * The calibration of this store version, as-of day and unit, with the models fitted once per store, as-of day and
     * unit ({@link #dayModels}): a write changes a few customers' summaries, which are scored again, not the fit of
     * the three models over every customer (15 s at 100,000 customers).
     */
    private CardAnalytics.ClvFit fit(Store store, AnalyticsData.Versioned versioned, LocalDate asOf, ClvTimeUnit unit) {
        Key key = new Key(store.id(), "clv-fit", AnalysisWindow.asOf(asOf), unit, versioned.version());
        return cached(key, () -> {
            ClvInput.Calibration calibration = ClvInput.calibration(versioned.facts(), asOf, unit);
            return new CardAnalytics.ClvFit(calibration, dayModels(store, asOf, unit, calibration.summary()));
        });
    }

    /** How far the customers or repeat buyers of a calibration may move from those the day's models were fitted on. */
    static final double REFIT_AFTER_CHANGE = 0.01;

    /** Models fitted on a calibration of {@code customers} customers, {@code repeatBuyers} of them repeat buyers. */
    record DayModels(ClvModels models, int customers, int repeatBuyers) {

        /** Whether {@code summary} is close enough to the fitted one to be scored with these models. */
        boolean suits(CalibrationSummary summary) {
            return near(summary.size(), customers) && near(summary.repeatBuyers(), repeatBuyers);
        }

        private static boolean near(int now, int fitted) {
            return Math.abs(now - fitted) <= REFIT_AFTER_CHANGE * Math.max(now, fitted);
        }
    }

    /**
     * The models of this store, as-of day and unit: fitted on the first calibration asked for, and again only when
     * the customers or the repeat buyers have moved by more than {@value #REFIT_AFTER_CHANGE} of them since (an import,
     * a store's first data): the parameters describe the store's buying, which a day's writes barely move.
     */
    private ClvModels dayModels(Store store, LocalDate asOf, ClvTimeUnit unit, CalibrationSummary summary) {
        // the newest version there is: never dropped as an older version's result (only as the least recently used)
        Key key = new Key(store.id(), "clv-day-models", AnalysisWindow.asOf(asOf), unit, Long.MAX_VALUE);
        while (true) {
            DayModels kept;
            synchronized (cache) {
                kept = (DayModels) cache.get(key);
            }
            if (kept != null && kept.suits(summary)) {
                return kept.models();
            }
            CompletableFuture<DayModels> mine = new CompletableFuture<>();
            CompletableFuture<DayModels> running = fitting.putIfAbsent(key, mine);
            if (running != null) {
                // another request or the models ahead fit these models now: wait for theirs rather than fit twice
                try {
                    DayModels theirs = running.join();
                    if (theirs.suits(summary)) {
                        return theirs.models();
                    }
                } catch (CompletionException | CancellationException e) {
                    // their fit failed: fit here, which reports the failure to this caller if it fails again
                }
                continue;
            }
            try {
                DayModels scoring;
                synchronized (cache) {
                    scoring = (DayModels) cache.get(scoringModelsKey(store, asOf, unit));
                }
                // the refresh fitted BG/NBD and Gamma-Gamma on this calibration already: fit the Pareto/NBD only
                ClvModels models = scoring != null
                                && scoring.customers() == summary.size()
                                && scoring.repeatBuyers() == summary.repeatBuyers()
                        ? ClvAnalysis.completed(scoring.models(), summary)
                        : ClvAnalysis.fit(summary);
                DayModels fitted = new DayModels(models, summary.size(), summary.repeatBuyers());
                dayModelsFitted.incrementAndGet();
                synchronized (cache) {
                    cache.put(key, fitted);
                }
                mine.complete(fitted);
                return fitted.models();
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                fitting.remove(key, mine);
            }
        }
    }

    /** Where the refresh leaves the BG/NBD and Gamma-Gamma it fitted for the card fields (of the newest data). */
    private static Key scoringModelsKey(Store store, LocalDate asOf, ClvTimeUnit unit) {
        return new Key(store.id(), "clv-scoring-models", AnalysisWindow.asOf(asOf), unit, Long.MAX_VALUE);
    }

    /** How many times this process fitted a store's CLV models of a day (any store, day and unit). */
    public long dayModelsFitted() {
        return dayModelsFitted.get();
    }

    /**
     * Makes the store's CLV report as it opens today (the store's date, time unit days, as {@code GET
     * /api/v1/analytics/clv} and the dashboard ask for it) unless it is in memory already: the day's models, the
     * calibration and scoring of the current data, the report. Run in the background by {@link ClvModelsAhead}, so that
     * the day's first report does not wait on the fit; a report asked for while this runs waits for the same fit
     * rather than starting another.
     */
    public void prepareClvReport(Store store) {
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        run(
                store,
                AnalysisName.CLV,
                new AnalysisRequest(AnalysisWindow.asOf(today), ClvTimeUnit.DAYS, PopulationTable.gulf()));
    }

    /**
     * A result for the dashboard: {@code exact} (a result of the current data, cached per data version) unless the
     * last one made for this key missed only writes made less than {@code staleFor} ago; then that one, while the
     * current one is made in the background (one at a time per key, on the thread {@code
     * basira-dashboard-analyses}). At ten million orders an analysis of the current data takes up to a second after
     * each write (its columns copied, every order scanned); a store taking orders all the time would make every
     * dashboard view wait for one. The API's results are always exact ({@link #run}).
     */
    @SuppressWarnings("unchecked")
    public <T> T recent(Store store, String what, AnalysisWindow window, ClvTimeUnit unit, Supplier<T> exact) {
        if (staleFor.isZero() || staleFor.isNegative()) {
            return exact.get();
        }
        Key key = new Key(store.id(), what, window, unit, 0);
        Recent kept;
        synchronized (recent) {
            kept = recent.get(key);
        }
        if (kept != null && kept.version() == data.version(store)) {
            return (T) kept.value();
        }
        if (kept != null && missedRecently(store, kept)) {
            makeInBackground(store, key, exact);
            return (T) kept.value();
        }
        // nothing recent enough: wait for the one being made, when it is recent enough, else make one
        CompletableFuture<Recent> running = making.get(key);
        if (running != null) {
            try {
                Recent theirs = running.join();
                if (missedRecently(store, theirs)) {
                    return (T) theirs.value();
                }
            } catch (CompletionException | CancellationException e) {
                // theirs failed: make it here, which reports the failure to this caller if it fails again
            }
        }
        return (T) make(store, key, exact).value();
    }

    /** Whether the first write {@code result} missed is younger than {@code staleFor} (or there is none). */
    private boolean missedRecently(Store store, Recent result) {
        return data.missedLessThan(store, result.version(), staleFor, clock.instant());
    }

    private Recent make(Store store, Key key, Supplier<?> exact) {
        CompletableFuture<Recent> mine = new CompletableFuture<>();
        making.put(key, mine); // the latest one made is the one others wait for
        try {
            long version = data.version(store); // the result is of this version or a later one
            Recent made = new Recent(version, exact.get());
            synchronized (recent) {
                Recent kept = recent.get(key);
                if (kept == null || kept.version() <= version) {
                    recent.put(key, made);
                }
            }
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    private void makeInBackground(Store store, Key key, Supplier<?> exact) {
        if (making.containsKey(key) || !computing.add(key)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    make(store, key, exact);
                } catch (RuntimeException e) {
                    log.warn(
                            "the dashboard's {} of store {} failed in the background; the next view makes it",
                            key.what(),
                            store.slug(),
                            RedactedFailure.of(e));
                } finally {
                    computing.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            computing.remove(key);
        }
    }

    /** Stops the background work of {@link #recent}. */
    public void close() {
        background.shutdownNow();
    }

    /**
     * {@code read} (a query of the store's cards, say), cached by store, {@code what} and data version: the cards
     * change only with the writes that move the version. Does not make the order columns current.
     */
    public <T> T cachedAtVersion(Store store, String what, Supplier<T> read) {
        return cached(new Key(store.id(), what, null, null, data.version(store)), read);
    }

    /**
     * {@code compute} over the store's current columns, cached like the API's results: by store,
     * {@code what} (a name of the caller's), window and data version. For the dashboard's typed results.
     */
    public <T> T cachedResult(Store store, String what, AnalysisWindow window, Function<StoreFacts, T> compute) {
        AnalyticsData.Versioned versioned = data.current(store);
        return cached(
                new Key(store.id(), what, window, null, versioned.version()), () -> compute.apply(versioned.facts()));
    }

    /**
     * A cached result, or {@code compute}'s, remembered. Remembering a store's result of a newer data version
     * forgets that store's results of older versions (no request asks for them again), so the cache holds
     * at most one version's results per store.
     */
    @SuppressWarnings("unchecked")
    private <T> T cached(Key key, Supplier<T> compute) {
        synchronized (cache) {
            Object hit = cache.get(key);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = compute.get();
        synchronized (cache) {
            cache.keySet().removeIf(k -> k.store().equals(key.store()) && k.version() < key.version());
            cache.put(key, value);
        }
        return value;
    }
}
