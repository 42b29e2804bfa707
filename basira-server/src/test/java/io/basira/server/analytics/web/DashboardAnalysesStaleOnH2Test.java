package io.basira.server.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.AnalysisWindow;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server's mode (docs/analytics.md, "Caching"): a dashboard's analysis answers from its last result while the
 * writes that result missed are younger than {@code basira.analytics.stale-for}, the current result made in the
 * background; once the first missed write is older, the view makes the current result itself. The API stays exact.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false", "basira.analytics.stale-for=30s"})
@Import(MutableClock.Configuration.class)
class DashboardAnalysesStaleOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    MutableClock clock;

    @Autowired
    DashboardAnalytics dashboard;

    @Test
    void a_view_answers_from_the_last_result_while_its_missed_writes_are_recent() throws InterruptedException {
        Store store = stores.create("stale-dash", "stale", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", customers("C1", "C2", "C3"))
                        .status())
                .isEqualTo(200);
        order(api, "O1", "C1");
        assertThat(orders(store)).as("the first view makes it").isEqualTo(1);

        order(api, "O2", "C2");
        assertThat(orders(store)).as("a write missed for 0 s: the last result").isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orders(store) != 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(orders(store)).as("made in the background").isEqualTo(2);
        assertThat(api.get("/api/v1/analytics/overview?from=2024-01-01&to=2024-05-31&as_of=2024-05-31")
                        .body())
                .as("the API is exact")
                .contains("\"orders\":2");

        order(api, "O3", "C3");
        clock.advance(Duration.ofSeconds(31));
        assertThat(orders(store))
                .as("a write missed for over 30 s: the view makes the current result")
                .isEqualTo(3);
    }

    private long orders(Store store) {
        AnalysisWindow window =
                new AnalysisWindow(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        return dashboard.overview(store, window, 1).period().orders();
    }

    private static void order(Api api, String id, String customer) {
        Api.Response posted = api.post(
                "/api/v1/orders/bulk",
                "application/x-ndjson",
                "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"completed\","
                        + "\"total\":\"15.00\",\"created_at\":\"2024-04-01\"}\n");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
    }

    private static String customers(String... ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append("{\"customer_id\":\"").append(id).append("\",\"created_at\":\"2024-01-01\"}\n");
        }
        return out.toString();
    }
}
