package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.Instance;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two servers on one PostgreSQL database behave as one: what is written through A shows in B's group counts
 * and checkout decisions within a second (B's {@link EventFeed}, woken by NOTIFY), and so does a
 * command-line import into the database while B runs.
 */
class TwoInstancesOnPostgresTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WITHIN = Duration.ofSeconds(1);

    static Map<String, String> database;
    static Instance a;
    static Instance b;

    @BeforeAll
    static void start() {
        database = TestDatabases.postgres();
        Map<String, String> feedOn =
                Map.of("basira.events.feed.enabled", "true", "basira.clock.fixed", "2024-06-01T09:00:00Z");
        a = Instance.server(database, feedOn);
        b = Instance.server(database, feedOn);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private record Keys(Store store, Api onA, Api onB) {}

    private static Keys newStore(String slug) {
        Store store =
                a.bean(JdbcStores.class).create(slug, slug, Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        String key =
                a.bean(JdbcApiKeys.class).create(store.id(), "test").secret().value();
        return new Keys(store, a.api(key), b.api(key));
    }

    private static int members(Api api, String group) {
        return JSON.readTree(api.get("/api/v1/groups/" + group).body())
                .get("member_count")
                .asInt();
    }

    private static boolean freeShipping(Api api, String customer) {
        JsonNode decision = JSON.readTree(api.postJson(
                        "/api/v1/checkout/decisions",
                        "{\"customer_id\":\"" + customer
                                + "\",\"shipping_fee\":\"25.00\",\"items\":[{\"product_id\":\"P1\",\"quantity\":1,"
                                + "\"unit_price\":\"100.00\"}]}")
                .body());
        return decision.get("free_shipping").get("free").asBoolean();
    }

    /** Waits for {@code value} to become {@code expected}; @return how long it took, or null when it did not within 5 s. */
    private static Duration await(IntSupplier value, int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
            if (value.getAsInt() == expected) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(10);
        }
        return null;
    }

    @Test
    void an_order_written_through_one_instance_moves_the_other_ones_groups_and_decisions() throws Exception {
        Keys store = newStore("two-instances-order");
        store.onA()
                .postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
        store.onA()
                .postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"Buyers ship free\",\"kind\":\"free_shipping\","
                                + "\"groups\":{\"any_of\":[\"buyers\"]}}");
        store.onA().postJson("/api/v1/customers", "{\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\"}");
        assertThat(members(store.onB(), "buyers")).isZero(); // B has the store in memory
        assertThat(freeShipping(store.onB(), "C1")).isFalse();

        assertThat(store.onA()
                        .postJson(
                                "/api/v1/orders",
                                "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"status\":"
                                        + "\"completed\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\"}")
                        .status())
                .isEqualTo(200);
        Duration took = await(() -> members(store.onB(), "buyers"), 1);
        assertThat(took).as("B's group count follows A's write").isNotNull().isLessThanOrEqualTo(WITHIN);
        assertThat(freeShipping(store.onB(), "C1")).isTrue();

        store.onA()
                .postJson(
                        "/api/v1/orders",
                        "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"status\":"
                                + "\"cancelled\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\"}");
        took = await(() -> freeShipping(store.onB(), "C1") ? 1 : 0, 0);
        assertThat(took).as("B's decision follows A's cancellation").isNotNull().isLessThanOrEqualTo(WITHIN);
        assertThat(members(store.onA(), "buyers")).isZero();
        // both instances followed both writes; the history holds each movement once
        assertThat(a.bean(org.springframework.jdbc.core.JdbcTemplate.class)
                        .queryForList(
                                "SELECT movement FROM group_history WHERE store_id = ? AND group_key = 'buyers' ORDER BY id",
                                String.class,
                                store.store().id().value()))
                .containsExactly("entered", "left");
    }

    @Test
    void an_import_by_the_command_line_reaches_a_running_server(@TempDir Path folder) throws Exception {
        Keys store = newStore("two-instances-import");
        store.onB()
                .postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
        assertThat(members(store.onB(), "buyers")).isZero();
        Files.writeString(folder.resolve("customers.csv"), "customer_id,created_at\nC1,2024-01-01\nC2,2024-01-01\n");
        Files.writeString(
                folder.resolve("orders.csv"),
                "order_id,customer_id,created_at,status,total\n"
                        + "O1,C1,2024-05-30,completed,100\nO2,C2,2024-05-30,completed,100\n");

        Map<String, String> commandLine = new HashMap<>(database);
        try (Instance importing = Instance.commandLine(commandLine)) {
            assertThat(importing
                            .bean(ImportFolder.class)
                            .run(store.store(), folder, false, ImportFolder.Progress.none())
                            .applied())
                    .isTrue();
        }
        Duration took = await(() -> members(store.onB(), "buyers"), 2);
        assertThat(took).as("the server follows the import").isNotNull().isLessThanOrEqualTo(WITHIN);
    }

    @Test
    void a_rule_changed_through_one_instance_is_followed_by_the_other() throws Exception {
        Keys store = newStore("two-instances-rule");
        store.onA()
                .postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
        store.onA().postJson("/api/v1/customers", "{\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\"}");
        assertThat(members(store.onB(), "buyers")).isZero();
        store.onA().putJson("/api/v1/groups/buyers", "{\"name\":\"Buyers\",\"rule\":\"order_count >= 0\"}");
        Duration took = await(() -> members(store.onB(), "buyers"), 1);
        assertThat(took).as("B follows A's rule change").isNotNull().isLessThanOrEqualTo(WITHIN);
    }
}
