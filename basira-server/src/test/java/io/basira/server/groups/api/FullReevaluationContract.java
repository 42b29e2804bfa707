package io.basira.server.groups.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.groups.GroupRules;
import io.basira.groups.SegmentQuery;
import io.basira.segment.text.RuleText;
import io.basira.server.groups.LiveGroups;
import io.basira.server.groups.jdbc.JdbcGroupMembers;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.support.StreamGate;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full re-evaluations (a rule change, an analytics refresh, an import's reload, midnight) compute off the
 * lock checkout reads under, and swap their result in without losing what was written meanwhile; written
 * once and run on every database. {@link StreamGate} holds a re-evaluation between its read of the store's
 * customers and its swap, so the tests act at that moment on purpose.
 */
@Import({MutableClock.Configuration.class, StreamGate.Configuration.class})
abstract class FullReevaluationContract extends ApiTestBase {

    @Autowired
    MutableClock clock;

    @Autowired
    StreamGate gate;

    @Autowired
    LiveGroups live;

    @Autowired
    GroupRules rules;

    @Autowired
    SegmentQuery segments;

    @Autowired
    JdbcGroupMembers members;

    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @BeforeEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @AfterEach
    void stop() {
        gate.release();
        threads.shutdownNow();
    }

    private static String group(String key, String rule) {
        return "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"rule\":\"" + rule + "\"}";
    }

    private Store storeOf(Api api) {
        return stores.findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
    }

    private <T> Future<T> inBackground(Callable<T> task) {
        return threads.submit(task);
    }

    @Test
    void checkout_reads_answer_while_a_full_reevaluation_runs_and_a_write_meanwhile_is_kept() throws Exception {
        Api api = newStore("busy");
        for (int i = 1; i <= 20; i++) {
            api.postJson("/api/v1/customers", customer("C" + i, "N" + i));
            api.postJson(
                    "/api/v1/orders",
                    order("O" + i, "C" + i, "completed", i % 2 == 0 ? "1200" : "500", "2024-05-01T10:00:00+03:00"));
        }
        assertThat(api.postJson("/api/v1/groups", group("vip", "total_spent >= 1000"))
                        .status())
                .isEqualTo(201);
        Store store = storeOf(api);
        assertThat(live.groupsOf(store, "C1")).isEmpty();
        assertThat(live.groupsOf(store, "C2")).containsExactly("vip");

        gate.arm();
        Future<Integer> refresh = inBackground(() -> live.analyticsRefreshed(store));
        assertThat(gate.awaitRead(30))
                .as("the re-evaluation read the store's customers")
                .isTrue();

        // Meanwhile, a checkout decision's read answers from the memory as it was ...
        Future<Set<String>> read = inBackground(() -> live.groupsOf(store, "C2"));
        assertThat(read.get(5, TimeUnit.SECONDS)).containsExactly("vip");
        // ... and a write is followed at once: C1 crosses 1000 after the re-evaluation read C1's card.
        Future<Integer> write = inBackground(() -> api.postJson(
                        "/api/v1/orders", order("O-late", "C1", "completed", "600", "2024-05-20T10:00:00+03:00"))
                .status());
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(inBackground(() -> live.groupsOf(store, "C1")).get(5, TimeUnit.SECONDS))
                .containsExactly("vip");
        assertThat(refresh.isDone()).isFalse();

        gate.release();
        assertThat(refresh.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(live.groupsOf(store, "C1"))
                .as("the re-evaluation's older read of C1 did not win")
                .containsExactly("vip");
        assertThat(history(store))
                .filteredOn(line -> line.startsWith("vip C1 "))
                .containsExactly("vip C1 entered order");
        assertSameEverywhere(store, "after the refresh");
    }

    @Test
    void membership_after_concurrent_writes_and_full_reevaluations_equals_a_fresh_evaluation() throws Exception {
        for (long seed : new long[] {11L, 4242L, 90001L}) {
            Random random = new Random(seed);
            Api api = newStore("seeded");
            int customers = 30;
            for (int i = 0; i < customers; i++) {
                api.postJson("/api/v1/customers", customer("C" + i, "N" + i));
            }
            int[] orders = {0};
            for (int k = 0; k < 40; k++) {
                writeOrder(api, random, customers, orders);
            }
            api.postJson("/api/v1/groups", group("big", "total_spent >= 800"));
            api.postJson("/api/v1/groups", group("loyal", "order_count >= 3 OR group = 'big'"));
            api.postJson("/api/v1/groups", group("risky", "NOT (group = 'loyal') AND cancelled_orders > 0"));
            api.postJson("/api/v1/groups", group("quiet", "last_purchase_at < -30d OR group = 'risky'"));
            api.postJson("/api/v1/groups/big/additions/C" + random.nextInt(customers), "");
            api.postJson("/api/v1/groups/loyal/exclusions/C" + random.nextInt(customers), "");
            Store store = storeOf(api);
            live.groupsOf(store, "C0");
            for (int round = 0; round < 8; round++) {
                String at = "seed " + seed + ", round " + round;
                int kind = random.nextInt(4);
                Callable<Integer> reevaluation = switch (kind) {
                    case 0 -> {
                        String rule = "total_spent >= " + (300 + random.nextInt(1200));
                        yield () -> {
                            rules.update(store, "big", null, RuleText.parse(rule));
                            return 0;
                        };
                    }
                    case 1 -> () -> live.analyticsRefreshed(store);
                    case 2 ->
                        () -> {
                            live.cardsChanged(store, Set.of());
                            return 0;
                        };
                    default -> {
                        clock.advance(Duration.ofDays(1 + random.nextInt(20)));
                        yield () -> live.passMidnight(store);
                    }
                };
                if (random.nextBoolean()) {
                    // On purpose: writes between the re-evaluation's read and its swap.
                    gate.arm();
                    Future<Integer> running = inBackground(reevaluation);
                    assertThat(gate.awaitRead(30)).as(at).isTrue();
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        writeOrder(api, random, customers, orders);
                        assertThat(inBackground(() -> live.groupsOf(store, "C" + random.nextInt(customers)))
                                        .get(5, TimeUnit.SECONDS))
                                .as(at)
                                .isNotNull();
                    }
                    assertThat(running.isDone()).as(at).isFalse();
                    gate.release();
                    running.get(30, TimeUnit.SECONDS);
                } else {
                    // Free-running: writers and a manual change on other threads while it runs.
                    long writerSeed = random.nextLong();
                    Future<Integer> running = inBackground(reevaluation);
                    Future<Object> writer = inBackground(() -> {
                        Random own = new Random(writerSeed);
                        for (int k = 0; k < 5; k++) {
                            synchronized (orders) {
                                writeOrder(api, own, customers, orders);
                            }
                        }
                        return null;
                    });
                    String manualPath = "/api/v1/groups/risky/" + (random.nextBoolean() ? "additions" : "exclusions")
                            + "/C" + random.nextInt(customers);
                    Future<Integer> manual =
                            inBackground(() -> api.postJson(manualPath, "").status());
                    running.get(30, TimeUnit.SECONDS);
                    writer.get(30, TimeUnit.SECONDS);
                    assertThat(manual.get(30, TimeUnit.SECONDS)).as(at).isLessThan(300);
                }
                assertSameEverywhere(store, at);
            }
        }
    }

    private static void writeOrder(Api api, Random random, int customers, int[] orders) {
        String status = random.nextInt(4) == 0 ? "cancelled" : "completed";
        String day = String.format("2024-%02d-%02dT10:00:00+03:00", 1 + random.nextInt(5), 1 + random.nextInt(28));
        Api.Response response = api.postJson(
                "/api/v1/orders",
                order(
                        "O" + orders[0]++,
                        "C" + random.nextInt(customers),
                        status,
                        String.valueOf(50 + random.nextInt(600)),
                        day));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /**
     * The memory checkout reads, the stored members and a fresh evaluation from the database agree, and
     * every customer's stored history alternates entered/left and ends where the stored members are.
     */
    private void assertSameEverywhere(Store store, String at) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), store.timeZone());
        Map<String, Set<String>> stored = members.all(store.id());
        List<String> ids = jdbc.queryForList(
                "SELECT external_id FROM customers WHERE store_id = ?",
                String.class,
                store.id().value());
        Map<String, Set<String>> memory = new TreeMap<>();
        for (String id : ids) {
            live.groupsOf(store, id)
                    .forEach(key ->
                            memory.computeIfAbsent(key, k -> new TreeSet<>()).add(id));
        }
        Map<String, Set<String>> fresh = new TreeMap<>();
        for (String key : jdbc.queryForList(
                "SELECT group_key FROM groups WHERE store_id = ?",
                String.class,
                store.id().value())) {
            Set<String> found = new TreeSet<>(segments.members(store, RuleText.parse("group = '" + key + "'"), today));
            if (!found.isEmpty()) {
                fresh.put(key, found);
            }
        }
        assertThat(memory).as("memory against a fresh evaluation, %s", at).isEqualTo(fresh);
        assertThat(new TreeMap<>(stored))
                .as("stored members against memory, %s", at)
                .isEqualTo(memory);
        Map<String, List<String>> moves = new HashMap<>();
        jdbc.query(
                "SELECT group_key, customer_external_id, movement FROM group_history WHERE store_id = ? ORDER BY id",
                rs -> {
                    moves.computeIfAbsent(rs.getString(1) + " " + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getString(3));
                },
                store.id().value());
        moves.forEach((who, list) -> {
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i)).as("history of %s, %s", who, at).isEqualTo(i % 2 == 0 ? "entered" : "left");
            }
            String[] parts = who.split(" ");
            boolean member = stored.getOrDefault(parts[0], Set.of()).contains(parts[1]);
            assertThat(list.size() % 2 == 1)
                    .as("history of %s ends where the members are, %s", who, at)
                    .isEqualTo(member);
        });
    }

    private List<String> history(Store store) {
        return jdbc.queryForList(
                "SELECT group_key || ' ' || customer_external_id || ' ' || movement || ' ' || cause "
                        + "FROM group_history WHERE store_id = ? ORDER BY id",
                String.class,
                store.id().value());
    }
}
