package io.basira.server.groups.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.basira.server.platform.jobs.StoreMidnights;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's own scheduler, on the test clock, doing a store's midnight end to end: the catch-up run when
 * the store gets its row, then, after two midnights passed with no run (the server was down), one run that
 * moves the relative-date group (cause {@code midnight}) and refreshes the analytics as of the new day.
 */
@Import(MutableClock.Configuration.class)
abstract class ScheduledMidnightContract extends ApiTestBase {

    @DynamicPropertySource
    static void jobs(DynamicPropertyRegistry registry) {
        registry.add("basira.jobs.enabled", () -> "true");
        registry.add("basira.jobs.polling-interval", () -> "200ms");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    Scheduler scheduler;

    @Autowired
    StoreMidnights midnights;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_stores_midnight_moves_its_relative_date_groups_and_refreshes_its_analytics_once() throws Exception {
        clock.set(MutableClock.START); // 2024-06-01 12:00 in Riyadh
        Store store =
                stores.create("scheduled-midnight", "Scheduled", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-03-04T10:00:00+03:00"));
        api.postJson(
                "/api/v1/groups", "{\"key\":\"inactive\",\"name\":\"inactive\",\"rule\":\"last_purchase_at < -90d\"}");

        midnights.scheduleAll(scheduler);
        scheduler.triggerCheckForDueExecutions();
        awaitDue(store, Instant.parse("2024-06-01T21:00:00Z")); // caught up, waits for midnight
        assertThat(analyticsAsOf(store)).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(history(api)).isEmpty();

        clock.set(Instant.parse("2024-06-02T21:30:00Z")); // 2024-06-03 00:30 in Riyadh
        scheduler.triggerCheckForDueExecutions();
        awaitDue(store, Instant.parse("2024-06-03T21:00:00Z"));

        assertThat(history(api)).containsExactly("C1 entered midnight"); // -90d is 2024-03-05 now
        assertThat(analyticsAsOf(store)).isEqualTo(LocalDate.parse("2024-06-03"));
        assertThat(jdbc.queryForObject(
                                "SELECT last_success FROM scheduled_tasks WHERE task_name = ? AND "
                                        + "task_instance = ?",
                                OffsetDateTime.class,
                                StoreMidnights.TASK,
                                Long.toString(store.id().value()))
                        .toInstant())
                .isEqualTo(Instant.parse("2024-06-02T21:30:00Z"));
    }

    private void awaitDue(Store store, Instant due) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Instant found = due(store);
        while (!due.equals(found) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = due(store);
        }
        assertThat(found).isEqualTo(due);
    }

    private Instant due(Store store) {
        List<OffsetDateTime> found = jdbc.queryForList(
                "SELECT execution_time FROM scheduled_tasks WHERE task_name = ? "
                        + "AND task_instance = ? AND picked = FALSE",
                OffsetDateTime.class,
                StoreMidnights.TASK,
                Long.toString(store.id().value()));
        return found.isEmpty() ? null : found.get(0).toInstant();
    }

    private LocalDate analyticsAsOf(Store store) {
        return jdbc.queryForObject(
                "SELECT MAX(as_of) FROM customer_analytics WHERE store_id = ?",
                LocalDate.class,
                store.id().value());
    }

    private static List<String> history(Api api) {
        List<String> lines = new ArrayList<>();
        json(api.get("/api/v1/groups/inactive/history"))
                .get("items")
                .forEach(e -> lines.add(e.get("customer_id").asString() + " "
                        + e.get("change").asString() + " " + e.get("cause").asString()));
        return lines;
    }
}
