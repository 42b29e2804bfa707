package io.basira.server.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.MutableClock;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduler as the server runs it: started with the application, polling on its own threads, on the
 * application's clock (here a test clock set past the store's midnight).
 */
@SpringBootTest(
        properties = {"basira.demo.enabled=false", "basira.jobs.enabled=true", "basira.jobs.polling-interval=200ms"})
@Import(MutableClock.Configuration.class)
class SchedulerInTheServerOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    StoreMidnights midnights;

    @Autowired
    JdbcStores stores;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_server_runs_each_stores_jobs_at_its_local_midnight_on_the_applications_clock() throws Exception {
        clock.set(Instant.parse("2024-10-26T12:00:00Z")); // 13:00 in London
        Store london =
                stores.create("scheduled-london", "London", Currency.getInstance("GBP"), ZoneId.of("Europe/London"));
        midnights.schedule(scheduler, london); // due now, the catch-up run (unless the upkeep was first)

        scheduler.triggerCheckForDueExecutions();
        awaitRows(london, "2024-10-26T23:00:00Z"); // ran, then set for midnight (BST)

        clock.set(Instant.parse("2024-10-26T23:00:00Z"));
        scheduler.triggerCheckForDueExecutions();
        awaitRows(london, "2024-10-28T00:00:00Z"); // a 25-hour day: midnight in GMT
        assertThat(jdbc.queryForList("SELECT task_name FROM scheduled_tasks", String.class))
                .contains(StoreMidnights.UPKEEP);
    }

    private void awaitRows(Store store, String due) throws InterruptedException {
        Map<String, Instant> expected = Map.of(StoreMidnights.TASK, Instant.parse(due));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Instant> rows = rows(store);
        while (!rows.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rows = rows(store);
        }
        assertThat(rows).isEqualTo(expected);
    }

    private Map<String, Instant> rows(Store store) {
        Map<String, Instant> rows = new TreeMap<>();
        List<Map<String, Object>> found = jdbc.queryForList(
                "SELECT task_name, picked FROM scheduled_tasks WHERE task_instance = ?",
                StoreMidnights.instanceId(store.id()));
        for (Map<String, Object> row : found) {
            if (!Boolean.TRUE.equals(row.get("picked"))) {
                rows.put(
                        (String) row.get("task_name"),
                        jdbc.queryForObject(
                                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND "
                                                + "task_instance = ?",
                                        OffsetDateTime.class,
                                        row.get("task_name"),
                                        StoreMidnights.instanceId(store.id()))
                                .toInstant());
            }
        }
        return rows;
    }
}
