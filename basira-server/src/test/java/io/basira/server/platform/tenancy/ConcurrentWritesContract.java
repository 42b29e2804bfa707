package io.basira.server.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cards equal their orders under any interleaving of writes: eight clients post bulks of new orders,
 * change statuses and move orders between a few customers at once, then every card is compared with a
 * recomputation from the stored orders (counts, sums and both dates; the orders fall on four days, so date
 * extremes tie and get retracted). Seeded: a failure prints the seed that replays the
 * clients' choices (the interleaving itself is the machine's).
 */
abstract class ConcurrentWritesContract extends ApiTestBase {

    private static final int CLIENTS = 8;
    private static final int WRITES_PER_CLIENT = 120;
    private static final String[] STATUSES = {"completed", "completed", "pending", "cancelled", "returned"};

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void cards_equal_their_orders_after_concurrent_writes_to_the_same_customers() throws Exception {
        long seed = new Random().nextLong();
        Store store = stores.create(
                "concurrent-" + seed, "Concurrent", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        List<String> customers = List.of("C1", "C2", "C3");
        for (String id : customers) {
            assertThat(api.postJson("/api/v1/customers", customer(id, "Sara")).status())
                    .isEqualTo(200);
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<String>>> failures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                Random random = new Random(seed + client);
                int me = client;
                failures.add(clients.submit(() -> writes(api, customers, random, me)));
            }
            for (Future<List<String>> failed : failures) {
                assertThat(failed.get(5, TimeUnit.MINUTES)).as("seed " + seed).isEmpty();
            }
        } finally {
            clients.shutdownNow();
        }
        long storeId = store.id().value();
        List<Map<String, Object>> stale = jdbc.queryForList("""
                SELECT c.external_id, c.order_count, c.total_spent_minor, c.cancelled_orders, c.returned_orders,
                       o.counted, o.spent, o.cancelled, o.returned
                FROM customers c LEFT JOIN (
                    SELECT customer_external_id,
                           SUM(CASE WHEN status IN ('pending', 'processing', 'completed') THEN 1 ELSE 0 END) AS counted,
                           SUM(CASE WHEN status IN ('pending', 'processing', 'completed') THEN total_minor ELSE 0 END) AS spent,
                           SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                           SUM(CASE WHEN status = 'returned' THEN 1 ELSE 0 END) AS returned,
                           MAX(CASE WHEN status = 'completed' THEN created_at END) AS last_completed,
                           MIN(CASE WHEN status IN ('pending', 'processing', 'completed') THEN created_at END) AS first_counted
                    FROM orders WHERE store_id = ? GROUP BY customer_external_id) o
                  ON o.customer_external_id = c.external_id
                WHERE c.store_id = ? AND (c.order_count <> COALESCE(o.counted, 0)
                   OR c.total_spent_minor <> COALESCE(o.spent, 0) OR c.cancelled_orders <> COALESCE(o.cancelled, 0)
                   OR c.returned_orders <> COALESCE(o.returned, 0)
                   OR c.last_purchase_at IS DISTINCT FROM o.last_completed
                   OR c.first_order_at IS DISTINCT FROM o.first_counted)""", storeId, storeId);
        assertThat(stale)
                .as("cards that differ from their orders, seed " + seed)
                .isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE store_id = ?", Integer.class, storeId))
                .isGreaterThan(CLIENTS * WRITES_PER_CLIENT / 2);
    }

    @Test
    void an_order_sent_again_for_another_customer_leaves_the_first_customers_card() {
        Api api = newStore("moved");
        api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1", "Sara") + "\n" + customer("C2", "Nora"));
        assertThat(api.postJson("/api/v1/orders", order("O1", "C1", "completed", "250.00", "2024-05-01T10:00:00Z"))
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/orders", order("O1", "C2", "completed", "250.00", "2024-05-01T10:00:00Z"))
                        .status())
                .isEqualTo(200);
        assertThat(json(api.get("/api/v1/customers/C1")).toString()).contains("\"order_count\":0", "\"total_spent\":0");
        assertThat(json(api.get("/api/v1/customers/C2")).toString())
                .contains("\"order_count\":1", "\"total_spent\":250");
    }

    /**
     * One client's writes, each a bulk of one to eight orders: new orders, new statuses of earlier
     * ones (its own and other clients'), and moves to another customer.
     */
    private static List<String> writes(Api api, List<String> customers, Random random, int client) {
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < WRITES_PER_CLIENT; i++) {
            Map<String, String> bulk = new LinkedHashMap<>();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                String orderId = created == 0 || random.nextInt(3) == 0
                        ? "O" + client + "-" + created++
                        : "O" + random.nextInt(CLIENTS) + "-" + random.nextInt(created);
                String customer = customers.get(random.nextInt(customers.size()));
                String status = STATUSES[random.nextInt(STATUSES.length)];
                String total = (10 + random.nextInt(500)) + ".00";
                String day = "2024-05-0" + (1 + random.nextInt(4)) + "T10:00:00Z"; // ties and retracted extremes
                bulk.put(orderId, order(orderId, customer, status, total, day));
            }
            Api.Response response =
                    api.post("/api/v1/orders/bulk", "application/x-ndjson", String.join("\n", bulk.values()) + "\n");
            if (response.status() != 200) {
                failures.add(response.status() + " " + response.body());
            }
        }
        return failures;
    }
}
