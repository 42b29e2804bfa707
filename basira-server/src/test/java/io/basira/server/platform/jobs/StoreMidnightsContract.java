package io.basira.server.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.startup.JobsConfiguration;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable scheduler of store-local midnights, on each database as migrated: the rows live in
 * {@code scheduled_tasks}, and db-scheduler's manual scheduler runs whatever is due at a time the test sets,
 * so every run is deterministic. The job's own clock reads the same time.
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
abstract class StoreMidnightsContract {

    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final String JOB = "test-midnight";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcStores stores;

    @Autowired
    StoreMidnights wired;

    private final SettableClock time = new SettableClock();
    private final AtomicInteger slugs = new AtomicInteger();
    /** store slug → the instants its job ran at. */
    private final Map<String, List<Instant>> runs = new ConcurrentHashMap<>();

    @BeforeEach
    void emptyTheSchedule() {
        jdbc.update("DELETE FROM scheduled_tasks");
    }

    private Store store(String zone) {
        return stores.create(
                "jobs-" + slugs.incrementAndGet() + "-" + System.nanoTime(),
                "Jobs",
                Currency.getInstance("SAR"),
                ZoneId.of(zone));
    }

    private StoreMidnights midnights(Consumer<Store> work) {
        return new StoreMidnights(
                List.of(new StoreMidnightJob(JOB, store -> {
                    work.accept(store);
                    runs.computeIfAbsent(store.slug(), s -> new CopyOnWriteArrayList<>())
                            .add(time.now());
                })),
                stores,
                jdbc,
                javaClock(time),
                RETRY,
                Duration.ofMinutes(1));
    }

    private StoreMidnights recording() {
        return midnights(store -> {});
    }

    private ManualScheduler scheduler(StoreMidnights midnights, String name) {
        return (ManualScheduler) TestHelper.createManualScheduler(dataSource, midnights.tasks())
                .clock(time)
                .schedulerName(new SchedulerName.Fixed(name))
                .build();
    }

    private List<Instant> runsOf(Store store) {
        return runs.getOrDefault(store.slug(), List.of());
    }

    private Instant dueAt(ManualScheduler scheduler, Store store) {
        return scheduler
                .getScheduledExecution(TaskInstanceId.of(StoreMidnights.TASK, StoreMidnights.instanceId(store.id())))
                .orElseThrow()
                .getExecutionTime();
    }

    /** Advances the time in steps, running what is due after each. */
    private void runUntil(ManualScheduler scheduler, Instant end, Duration step) {
        while (time.now().isBefore(end)) {
            time.tick(step);
            scheduler.runAnyDueExecutions();
        }
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "Asia/Riyadh,      2024-03-28T12:00:00Z",
        "Europe/London,    2024-03-28T12:00:00Z", // clocks forward 2024-03-31
        "Europe/London,    2024-10-24T12:00:00Z", // clocks back 2024-10-27
        "America/New_York, 2024-03-07T12:00:00Z", // clocks forward 2024-03-10
        "America/New_York, 2024-10-31T12:00:00Z"
    }) // clocks back 2024-11-03
    void a_stores_job_runs_once_at_each_of_its_local_midnights_across_daylight_saving(String zoneId, String start) {
        ZoneId zone = ZoneId.of(zoneId);
        time.set(Instant.parse(start));
        Store store = store(zoneId);
        StoreMidnights midnights = recording();
        ManualScheduler scheduler = scheduler(midnights, "one");

        assertThat(midnights.schedule(scheduler, store)).isTrue();
        scheduler.runAnyDueExecutions(); // a new row is due now: the catch-up run
        assertThat(runsOf(store)).containsExactly(Instant.parse(start));
        runs.clear();

        runUntil(scheduler, Instant.parse(start).plus(Duration.ofDays(6)), Duration.ofMinutes(15));

        List<LocalDateTime> local = runsOf(store).stream()
                .map(at -> LocalDateTime.ofInstant(at, zone))
                .toList();
        assertThat(local)
                .hasSize(6)
                .allSatisfy(at -> assertThat(at.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT));
        for (int i = 1; i < local.size(); i++) {
            assertThat(local.get(i).toLocalDate())
                    .isEqualTo(local.get(i - 1).toLocalDate().plusDays(1));
        }
        assertThat(midnights.schedule(scheduler, store))
                .as("the row is there; nothing added")
                .isFalse();
    }

    @Test
    void the_row_holds_the_next_local_midnight_in_utc_as_the_clocks_change() {
        time.set(Instant.parse("2024-03-30T12:00:00Z"));
        Store london = store("Europe/London");
        StoreMidnights midnights = recording();
        ManualScheduler scheduler = scheduler(midnights, "one");
        midnights.schedule(scheduler, london);
        scheduler.runAnyDueExecutions();

        assertThat(dueAt(scheduler, london)).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
        time.set(Instant.parse("2024-03-31T00:00:00Z"));
        scheduler.runAnyDueExecutions();
        assertThat(dueAt(scheduler, london)).isEqualTo(Instant.parse("2024-03-31T23:00:00Z"));
    }

    @Test
    void a_restart_after_missed_midnights_runs_the_job_once_then_waits_for_the_next_midnight() {
        time.set(Instant.parse("2024-06-01T09:00:00Z"));
        Store riyadh = store("Asia/Riyadh");
        StoreMidnights before = recording();
        ManualScheduler first = scheduler(before, "before-restart");
        before.schedule(first, riyadh);
        first.runAnyDueExecutions();
        runs.clear();

        // no scheduler runs for three days; then a new one starts on the same table
        time.set(Instant.parse("2024-06-04T10:30:00Z"));
        StoreMidnights after = recording();
        ManualScheduler restarted = scheduler(after, "after-restart");
        assertThat(after.schedule(restarted, riyadh))
                .as("the store already has its row")
                .isFalse();
        restarted.runAnyDueExecutions();
        restarted.runAnyDueExecutions();

        assertThat(runsOf(riyadh)).containsExactly(Instant.parse("2024-06-04T10:30:00Z"));
        assertThat(dueAt(restarted, riyadh)).isEqualTo(Instant.parse("2024-06-04T21:00:00Z"));
    }

    @Test
    void every_store_without_a_row_gets_one_due_now_and_only_once() {
        time.set(Instant.parse("2024-06-01T09:00:00Z"));
        Store scheduled = store("Asia/Riyadh");
        Store created = store("Europe/London");
        StoreMidnights midnights = recording();
        ManualScheduler scheduler = scheduler(midnights, "one");
        midnights.schedule(scheduler, scheduled);
        time.set(Instant.parse("2024-06-01T09:30:00Z"));

        int stores = this.stores.all().size();
        assertThat(midnights.scheduleAll(scheduler)).isEqualTo(stores - 1);
        assertThat(midnights.scheduleAll(scheduler)).isZero();
        assertThat(dueAt(scheduler, scheduled)).isEqualTo(Instant.parse("2024-06-01T09:00:00Z"));
        assertThat(dueAt(scheduler, created)).isEqualTo(Instant.parse("2024-06-01T09:30:00Z"));
    }

    @Test
    void two_schedulers_on_one_schema_run_each_due_job_once() throws Exception {
        time.set(Instant.parse("2024-06-01T09:00:00Z"));
        List<Store> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(store(i % 2 == 0 ? "Europe/London" : "America/New_York"));
        }
        StoreMidnights midnights = midnights(store -> sleep(20)); // both instances find rows the other is running
        ManualScheduler one = scheduler(midnights, "instance-one");
        ManualScheduler two = scheduler(midnights, "instance-two");
        many.forEach(store -> midnights.schedule(one, store));

        for (Instant at : List.of(Instant.parse("2024-06-01T09:00:00Z"), Instant.parse("2024-06-02T06:00:00Z"))) {
            time.set(at); // the first: all due now; the second: past both midnights
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (ManualScheduler scheduler : List.of(one, two)) {
                    done.add(threads.submit(() -> {
                        together.await();
                        scheduler.runAnyDueExecutions();
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        for (Store store : many) {
            assertThat(runsOf(store))
                    .as(store.slug() + " in " + store.timeZone())
                    .containsExactly(Instant.parse("2024-06-01T09:00:00Z"), Instant.parse("2024-06-02T06:00:00Z"));
        }
    }

    @Test
    void a_failed_run_is_retried_later_then_follows_midnight_again() {
        time.set(Instant.parse("2024-06-01T21:00:00Z"));
        Store riyadh = store("Asia/Riyadh");
        AtomicInteger failuresLeft = new AtomicInteger(1);
        StoreMidnights midnights = midnights(store -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the database went away");
            }
        });
        ManualScheduler scheduler = scheduler(midnights, "one");
        midnights.schedule(scheduler, riyadh);

        scheduler.runAnyDueExecutions();
        assertThat(runsOf(riyadh)).isEmpty();
        assertThat(dueAt(scheduler, riyadh)).isEqualTo(Instant.parse("2024-06-01T21:05:00Z"));

        time.set(Instant.parse("2024-06-01T21:05:00Z"));
        scheduler.runAnyDueExecutions();
        assertThat(runsOf(riyadh)).containsExactly(Instant.parse("2024-06-01T21:05:00Z"));
        assertThat(dueAt(scheduler, riyadh)).isEqualTo(Instant.parse("2024-06-02T21:00:00Z"));
    }

    @Test
    void the_jobs_run_in_order_and_one_failing_does_not_stop_the_next_but_brings_the_store_back_later() {
        time.set(Instant.parse("2024-06-01T21:00:00Z"));
        Store riyadh = store("Asia/Riyadh");
        List<String> done = new CopyOnWriteArrayList<>();
        AtomicInteger firstFailures = new AtomicInteger(1);
        StoreMidnights midnights = new StoreMidnights(
                List.of(
                        new StoreMidnightJob("first", store -> {
                            done.add("first");
                            if (firstFailures.getAndDecrement() > 0) {
                                throw new IllegalStateException("the database went away");
                            }
                        }),
                        new StoreMidnightJob("second", store -> done.add("second"))),
                stores,
                jdbc,
                javaClock(time),
                RETRY,
                Duration.ofMinutes(1));
        ManualScheduler scheduler = scheduler(midnights, "one");
        midnights.schedule(scheduler, riyadh);

        scheduler.runAnyDueExecutions();
        assertThat(done).containsExactly("first", "second");
        assertThat(dueAt(scheduler, riyadh)).isEqualTo(Instant.parse("2024-06-01T21:05:00Z"));

        time.set(Instant.parse("2024-06-01T21:05:00Z"));
        scheduler.runAnyDueExecutions();
        assertThat(done).containsExactly("first", "second", "first", "second");
        assertThat(dueAt(scheduler, riyadh)).isEqualTo(Instant.parse("2024-06-02T21:00:00Z"));
    }

    @Test
    void the_row_of_a_store_that_does_not_exist_is_removed() {
        time.set(Instant.parse("2024-06-01T09:00:00Z"));
        StoreMidnights midnights = recording();
        ManualScheduler scheduler = scheduler(midnights, "one");
        scheduler.schedule(midnights.midnightTask().instance("987654321"), time.now());

        scheduler.runAnyDueExecutions();

        assertThat(runs).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class))
                .isZero();
    }

    @Test
    void the_server_schedules_every_feature_s_job_at_the_store_s_midnight() {
        assertThat(wired.jobNames())
                .containsExactly(
                        JobsConfiguration.LOYALTY_MIDNIGHT,
                        JobsConfiguration.GROUPS_MIDNIGHT,
                        JobsConfiguration.CAMPAIGNS_MIDNIGHT,
                        JobsConfiguration.ANALYTICS_NIGHTLY,
                        JobsConfiguration.BROWSING_NIGHTLY,
                        JobsConfiguration.PRIVACY_RETENTION);
        assertThat(wired.tasks())
                .extracting(task -> task.getName())
                .containsExactly(StoreMidnights.TASK, StoreMidnights.UPKEEP);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The job's java.time clock, reading the scheduler's settable time. */
    private static Clock javaClock(SettableClock time) {
        return new Clock() {
            @Override
            public Instant instant() {
                return time.now();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("UTC only");
            }
        };
    }
}
