package io.basira.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server as started by {@code basira serve}: the demo store loaded, warmed up, then ready. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.warm-up.enabled=true", "basira.demo.enabled=true"})
class ReadyAfterWarmUpOnH2Test {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("basira.data-dir", () -> data.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    WarmUp warmUp;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcCustomerAnalytics cards;

    @Autowired
    Clock clock;

    @Test
    void readiness_turns_up_once_every_store_is_in_memory_and_liveness_never_waits() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + 60_000_000_000L;
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        while (readiness.statusCode() != 200 && System.nanoTime() < deadline) {
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            Thread.sleep(100);
            readiness = get("/actuator/health/readiness");
        }
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
        assertThat(warmUp.isDone()).isTrue();
        assertThat(warmUp.health().getDetails()).containsEntry("stores", 1).containsEntry("of", 1);
    }

    @Test
    void the_demo_store_is_loaded_with_its_analytics_as_of_today() {
        Store demo = stores.findBySlug("demo").orElseThrow();
        // the day's refresh done as part of the loading: the scheduler's first run for the new store has none to do
        assertThat(cards.lastComputedAt(demo))
                .map(at -> Dates.dateIn(at, demo.timeZone()))
                .contains(Dates.dateIn(clock.instant(), demo.timeZone()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
