package io.basira.server.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store-local midnight jobs as one durable db-scheduler task: one row per store ({@code task_name}
 * {@value #TASK}, {@code task_instance} the store id) due at the store's next local midnight. A run does the
 * jobs in their order (the groups' midnight before the analytics refresh, so relative-date movements are
 * recorded as {@code midnight}); when all succeed, the row is moved to the midnight after the current time in
 * the store's zone ({@link LocalMidnight}); when one fails, the others still run and the row is retried after
 * {@code retry} (the jobs are idempotent for a date, so the retry redoes only what failed). The row of a
 * store that no longer exists is removed.
 *
 * <p>Rows are made due "now" when missing: at start for every store ({@link #scheduleAll}) and by the
 * {@value #UPKEEP} task (every minute by default, one query) for stores created since (by the API, an import
 * or the command line, possibly in another process); that first run only catches up what is missed (a new
 * store with customers gets its analytics). A row whose time passed while no server ran is due, and runs once
 * when a scheduler starts.
 */
public final class StoreMidnights {

    /** The task of the midnight rows; durable (the rows' {@code task_name}). */
    public static final String TASK = "store-midnight";
    /** The task that gives new stores their rows. */
    public static final String UPKEEP = "store-midnight-upkeep";

    private static final Logger log = LoggerFactory.getLogger(StoreMidnights.class);

    private final List<StoreMidnightJob> jobs;
    private final JdbcStores stores;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CustomTask<Void> task;
    private final RecurringTask<Void> upkeep;

    public StoreMidnights(
            List<StoreMidnightJob> jobs,
            JdbcStores stores,
            JdbcTemplate jdbc,
            Clock clock,
            Duration retry,
            Duration upkeepEvery) {
        this.jobs = List.copyOf(jobs);
        if (this.jobs.stream().map(StoreMidnightJob::name).distinct().count() != this.jobs.size()) {
            throw new IllegalArgumentException("two store midnight jobs have the same name: " + jobNames());
        }
        this.stores = stores;
        this.jdbc = jdbc;
        this.clock = clock;
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retry))
                .onDeadExecutionRevive()
                .execute((instance, context) -> run(instance.getId()));
        this.upkeep = Tasks.recurring(UPKEEP, FixedDelay.of(upkeepEvery))
                .execute((instance, context) -> scheduleAll(context.getSchedulerClient()));
    }

    /** Every task a scheduler must know: the midnight task and the upkeep. */
    public List<Task<?>> tasks() {
        return List.of(task, upkeep);
    }

    /** The midnight task, without the upkeep. */
    public Task<Void> midnightTask() {
        return task;
    }

    /** The recurring upkeep task, to be scheduled on the scheduler's start ({@code startTasks}). */
    public RecurringTask<Void> upkeep() {
        return upkeep;
    }

    public List<String> jobNames() {
        return jobs.stream().map(StoreMidnightJob::name).toList();
    }

    /**
     * Gives every store without a row one, due now; returns how many rows were added. One query finds the
     * stores without a row, so running it often costs little.
     */
    public int scheduleAll(SchedulerClient client) {
        List<Long> missing = jdbc.queryForList(
                "SELECT s.id FROM stores s WHERE NOT EXISTS (SELECT 1 FROM "
                        + "scheduled_tasks t WHERE t.task_name = ? AND t.task_instance = CAST(s.id AS VARCHAR(20))) "
                        + "ORDER BY s.id",
                Long.class,
                TASK);
        int added = 0;
        for (long id : missing) {
            if (client.scheduleIfNotExists(task.instance(instanceId(new StoreId(id))), clock.instant())) {
                added++;
            }
        }
        return added;
    }

    /** Gives the store its row, due now, unless it has one; returns whether it added it. */
    public boolean schedule(SchedulerClient client, Store store) {
        return client.scheduleIfNotExists(task.instance(instanceId(store.id())), clock.instant());
    }

    private CompletionHandler<Void> run(String instanceId) {
        Optional<Store> found = parse(instanceId).flatMap(stores::findById);
        if (found.isEmpty()) {
            log.info("the midnight row names store {}, which does not exist; removing it", instanceId);
            return (complete, operations) -> operations.remove();
        }
        Store store = found.get();
        List<String> failed = new ArrayList<>();
        for (StoreMidnightJob job : jobs) {
            try {
                job.work().accept(store);
            } catch (RuntimeException e) {
                failed.add(job.name());
                log.error(
                        "midnight job {} of store {} failed; retried later",
                        job.name(),
                        store.slug(),
                        RedactedFailure.of(e));
            }
        }
        if (!failed.isEmpty()) {
            throw new JobsFailed("midnight jobs " + failed + " of store " + store.slug() + " failed");
        }
        return (complete, operations) ->
                operations.reschedule(complete, LocalMidnight.after(clock.instant(), store.timeZone()));
    }

    static String instanceId(StoreId id) {
        return Long.toString(id.value());
    }

    private static Optional<StoreId> parse(String instanceId) {
        try {
            return Optional.of(new StoreId(Long.parseLong(instanceId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Some of a store's midnight jobs failed (each logged); the row is retried. */
    static final class JobsFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobsFailed(String message) {
            super(message, null, false, false);
        }
    }
}
