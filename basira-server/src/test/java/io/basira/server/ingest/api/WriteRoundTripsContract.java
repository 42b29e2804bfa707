package io.basira.server.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What one write through the API costs the database, in round trips (statements, batches, commits) on the
 * request's thread: the write, its outbox rows, the listeners that follow it before the response and
 * the deletion of their delivery rows. The bounds keep the incremental write path from sliding back to
 * replaying customers' histories; the counts are printed for docs/performance.md.
 */
@Import(WriteRoundTripsContract.Counting.class)
abstract class WriteRoundTripsContract extends ApiTestBase {

    @TestConfiguration
    static class Counting {
        @Bean
        static StatementCounter statementCounter() {
            return StatementCounter.ofRequests();
        }
    }

    @Autowired
    StatementCounter counter;

    /** The most round trips one single-order write may take (measured: see docs/performance.md). */
    abstract int singleOrderBound();

    /** The most round trips a bulk of 100 new orders may take. */
    abstract int bulkBound();

    @Test
    void a_single_order_and_a_bulk_of_orders_take_few_round_trips() {
        Api api = newStore("round-trips");
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            customers.add(customer("C" + c, "Sara"));
        }
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", String.join("\n", customers) + "\n")
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.postJson(
                                    "/api/v1/orders",
                                    order(
                                            "W" + i,
                                            "C" + i,
                                            "completed",
                                            "100.00",
                                            "2024-05-0" + (1 + i) + "T10:00:00Z"))
                            .status())
                    .isEqualTo(200);
        }
        int singles = 20;
        counter.reset();
        for (int i = 0; i < singles; i++) {
            assertThat(api.postJson(
                                    "/api/v1/orders",
                                    order(
                                            "S" + i,
                                            "C" + (i % 7),
                                            "completed",
                                            "150.00",
                                            "2024-05-" + (10 + i) + "T10:00:00Z"))
                            .status())
                    .isEqualTo(200);
        }
        double perSingle = counter.roundTrips() / (double) singles;
        String singleDetail = counter.bySql().toString();
        int bulks = 3;
        counter.reset();
        for (int b = 0; b < bulks; b++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                body.append(order("B" + b + "-" + i, "C" + i, "completed", "99.00", "2024-05-20T10:00:00Z"))
                        .append('\n');
            }
            assertThat(api.post("/api/v1/orders/bulk", "application/x-ndjson", body.toString())
                            .status())
                    .isEqualTo(200);
        }
        double perBulk = counter.roundTrips() / (double) bulks;
        System.out.printf(
                Locale.ROOT,
                "round trips: %.1f per single-order write, %.1f per bulk of 100 orders%n",
                perSingle,
                perBulk);
        System.out.println("single-order statements (x" + singles + "): " + singleDetail);
        assertThat(perSingle).as(singleDetail).isLessThanOrEqualTo(singleOrderBound());
        assertThat(perBulk).as(counter.bySql().toString()).isLessThanOrEqualTo(bulkBound());
    }
}
