package io.basira.server.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.basira.server.jdbc.JdbcStores;
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
 * The store-local midnight jobs as durable db-scheduler tasks: one row per job and store
 * ({@code task_name} = the job's name, {@code task_instance} = the store id) due at the store's next local
 * midnight. When a run completes, the row is moved to the midnight after the current time in the store's
 * zone ({@link LocalMidnight}); a failed run is retried after {@code retry}; a row of a store that no
 * longer exists is removed.
 *
 * <p>Rows are made due "now" when missing: at start for every store ({@link #scheduleAll}) and by the
 * {@value #UPKEEP} task (every minute by default, one query per job) for stores created since (by the API, an
 * import or the command line, possibly in another process). The jobs are idempotent for a date, so that first
 * run only catches up what is missed (a new store with customers gets its analytics).
 * A row whose time passed while no server ran is due, and runs once when a scheduler starts.
 */
public final class StoreMidnights {

    /** The name of the task that gives new stores their rows. */
    public static final String UPKEEP = "store-midnights-upkeep";

    private static final Logger log = LoggerFactory.getLogger(StoreMidnights.class);

    private final List<StoreMidnightJob> jobs;
    private final JdbcStores stores;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<CustomTask<Void>> tasks = new ArrayList<>();
    private final RecurringTask<Void> upkeep;

    public StoreMidnights(List<StoreMidnightJob> jobs, JdbcStores stores, JdbcTemplate jdbc, Clock clock,
            Duration retry, Duration upkeepEvery) {
        this.jobs = List.copyOf(jobs);
        this.stores = stores;
        this.jdbc = jdbc;
        this.clock = clock;
        for (StoreMidnightJob job : this.jobs) {
            tasks.add(Tasks.custom(job.name(), Void.class)
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(retry))
                    .onDeadExecutionRevive()
                    .execute((instance, context) -> run(job, instance.getId())));
        }
        upkeep = Tasks.recurring(UPKEEP, FixedDelay.of(upkeepEvery))
                .execute((instance, context) -> scheduleAll(context.getSchedulerClient()));
    }

    /** Every task a scheduler must know: the jobs' and the upkeep. */
    public List<Task<?>> tasks() {
        List<Task<?>> all = new ArrayList<>(jobTasks());
        all.add(upkeep);
        return all;
    }

    /** The jobs' tasks, without the upkeep. */
    public List<Task<?>> jobTasks() {
        return List.copyOf(tasks);
    }

    /** The recurring upkeep task, to be scheduled on the scheduler's start ({@code startTasks}). */
    public RecurringTask<Void> upkeep() {
        return upkeep;
    }

    public List<String> jobNames() {
        return jobs.stream().map(StoreMidnightJob::name).toList();
    }

    /**
     * Gives every store a row per job, due now, where it has none yet; returns how many rows were added. One
     * query per job finds the stores without a row, so running it often costs little.
     */
    public int scheduleAll(SchedulerClient client) {
        int added = 0;
        for (CustomTask<Void> task : tasks) {
            List<Long> missing = jdbc.queryForList("SELECT s.id FROM stores s WHERE NOT EXISTS (SELECT 1 FROM "
                    + "scheduled_tasks t WHERE t.task_name = ? AND t.task_instance = CAST(s.id AS VARCHAR(20))) "
                    + "ORDER BY s.id", Long.class, task.getName());
            for (long id : missing) {
                if (client.scheduleIfNotExists(task.instance(instanceId(new StoreId(id))), clock.instant())) {
                    added++;
                }
            }
        }
        return added;
    }

    /** Gives the store a row per job, due now, where it has none yet. */
    public int schedule(SchedulerClient client, Store store) {
        int added = 0;
        for (CustomTask<Void> task : tasks) {
            if (client.scheduleIfNotExists(task.instance(instanceId(store.id())), clock.instant())) {
                added++;
            }
        }
        return added;
    }

    private CompletionHandler<Void> run(StoreMidnightJob job, String instanceId) {
        Optional<Store> found = parse(instanceId).flatMap(stores::findById);
        if (found.isEmpty()) {
            log.info("job {} names store {}, which does not exist; removing it", job.name(), instanceId);
            return (complete, operations) -> operations.remove();
        }
        Store store = found.get();
        job.work().accept(store);
        return (complete, operations) -> operations.reschedule(complete,
                LocalMidnight.after(clock.instant(), store.timeZone()));
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
}
