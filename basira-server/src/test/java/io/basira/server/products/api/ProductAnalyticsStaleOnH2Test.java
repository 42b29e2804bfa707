package io.basira.server.products.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's mode (docs/products.md): the product analyses answer from baskets read at most {@code stale-for} ago
 * while newer ones are read in the background, at most every 30 s; older than that, the request reads them itself.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false", "basira.products.stale-for=60s"})
@Import(MutableClock.Configuration.class)
class ProductAnalyticsStaleOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    MutableClock clock;

    @Test
    void answers_come_from_baskets_at_most_a_minute_old_and_newer_ones_follow_in_the_background()
            throws InterruptedException {
        Store store = stores.create("stale", "stale", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        assertThat(api.post(
                                "/api/v1/products/bulk",
                                "application/x-ndjson",
                                "{\"product_id\":\"P1\",\"name\":\"Tea\",\"category\":\"Drinks\"}\n"
                                        + "{\"product_id\":\"P2\",\"name\":\"Cup\",\"category\":\"Kitchen\"}\n")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", customers("C1", "C2", "C3"))
                        .status())
                .isEqualTo(200);
        order(api, "O1", "C1");
        assertThat(orders(api)).isEqualTo(1);

        order(api, "O2", "C2");
        assertThat(orders(api))
                .as("read 0 s ago: answered from them, nothing read")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        assertThat(orders(api)).as("read 20 s ago: answered from them").isEqualTo(1);
        Thread.sleep(500);
        assertThat(orders(api)).as("read 20 s ago: none read in the background").isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        assertThat(orders(api))
                .as("read 31 s ago: answered from them, newer ones read")
                .isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orders(api) != 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(orders(api)).as("the background read").isEqualTo(2);

        // no order for over a minute, a product's category changed: answered at once, the new category a view later
        assertThat(api.post(
                                "/api/v1/products/bulk",
                                "application/x-ndjson",
                                "{\"product_id\":\"P2\",\"name\":\"Cup\",\"category\":\"Home\"}\n")
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(61));
        assertThat(categoryPair(api)).as("the category read before").isEqualTo("Drinks+Kitchen");
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!categoryPair(api).equals("Drinks+Home") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(categoryPair(api)).as("read again in the background").isEqualTo("Drinks+Home");

        // baskets read over a minute ago, then an order: they missed it for 0 s, so they answer while newer are read
        clock.advance(Duration.ofSeconds(61));
        order(api, "O3", "C3");
        assertThat(orders(api))
                .as("the order missed for 0 s: answered from them")
                .isEqualTo(2);
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orders(api) != 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(orders(api)).as("the background read").isEqualTo(3);

        order(api, "O4", "C1");
        clock.advance(Duration.ofSeconds(61));
        assertThat(orders(api))
                .as("an order missed for over a minute: the request reads them")
                .isEqualTo(4);
    }

    private static void order(Api api, String id, String customer) {
        Api.Response posted = api.post(
                "/api/v1/orders/bulk",
                "application/x-ndjson",
                "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"completed\","
                        + "\"total\":\"15.00\",\"created_at\":\"2024-04-01\",\"items\":["
                        + "{\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"10.00\"},"
                        + "{\"product_id\":\"P2\",\"quantity\":1,\"unit_price\":\"5.00\"}]}\n");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
    }

    /** The first category pair bought together, as "A+B". */
    private static String categoryPair(Api api) {
        var pair = JSON.readTree(api.get("/api/v1/analytics/basket?min_count=1").body())
                .get("category_pairs")
                .get(0);
        return pair.get("category_a").asString() + "+" + pair.get("category_b").asString();
    }

    private static String customers(String... ids) {
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            out.append("{\"customer_id\":\"").append(id).append("\",\"created_at\":\"2024-01-01\"}\n");
        }
        return out.toString();
    }

    private static int orders(Api api) {
        return JSON.readTree(api.get("/api/v1/analytics/basket?min_count=1").body())
                .get("orders")
                .asInt();
    }
}
