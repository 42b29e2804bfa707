package io.basira.server.groups.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.groups.Group;
import io.basira.groups.MembershipCause;
import io.basira.groups.Movement;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored membership applies movements against the database, not against what the caller believes:
 * an entry only for a customer who is not a member, an exit only for one who is, with one history row for
 * each movement that changed a row; the same movements applied by two transactions at once (two
 * instances, a retried delivery) change membership once and write one history row each.
 */
@SpringBootTest(properties = {"basira.demo.enabled=false"})
abstract class StoredMembershipContract {

    private static final AtomicLong STORES = new AtomicLong();
    private static final Instant AT = Instant.parse("2024-06-01T09:00:00Z");

    @Autowired
    JdbcGroupMembers members;

    @Autowired
    JdbcGroups groups;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private Store store;

    @BeforeEach
    void store() {
        store = stores.create(
                "members-" + STORES.incrementAndGet() + "-" + System.nanoTime(),
                "Members",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        groups.save(store.id(), new Group("vip", "VIP", null, AT, AT));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private List<Movement> apply(List<Movement> movements) {
        return transaction.execute(status -> members.apply(store.id(), movements, MembershipCause.ORDER, AT));
    }

    private static List<Movement> moves(boolean entered, int count) {
        List<Movement> moves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            moves.add(new Movement("vip", "C" + i, entered));
        }
        return moves;
    }

    private int historyRows() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM group_history WHERE store_id = ?",
                Integer.class,
                store.id().value());
    }

    @Test
    void only_movements_that_change_the_stored_membership_are_stored_and_returned() {
        Movement c1In = new Movement("vip", "C1", true);
        Movement c2In = new Movement("vip", "C2", true);
        Movement c2Out = new Movement("vip", "C2", false);
        Movement c3Out = new Movement("vip", "C3", false);

        assertThat(apply(List.of(c1In, c2In))).containsExactly(c1In, c2In);
        assertThat(apply(List.of(c1In, c3Out)))
                .as("C1 is a member already, C3 never was")
                .isEmpty();
        assertThat(apply(List.of(c2Out, c1In, c3Out))).containsExactly(c2Out);
        assertThat(members.all(store.id())).containsExactly(java.util.Map.entry("vip", Set.of("C1")));
        assertThat(jdbc.queryForList(
                        "SELECT customer_external_id || ' ' || movement FROM group_history "
                                + "WHERE store_id = ? ORDER BY id",
                        String.class,
                        store.id().value()))
                .containsExactly("C1 entered", "C2 entered", "C2 left");
    }

    @Test
    void the_same_movements_applied_by_two_transactions_at_once_are_stored_once() throws Exception {
        for (boolean entered : new boolean[] {true, false}) {
            List<Movement> moves = moves(entered, 200);
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<Movement>>> both = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                both.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return apply(moves);
                }));
            }
            int applied = 0;
            for (Future<List<Movement>> one : both) {
                applied += one.get(60, TimeUnit.SECONDS).size();
            }
            assertThat(applied).as("entered %s", entered).isEqualTo(200);
        }
        assertThat(historyRows()).isEqualTo(400);
        assertThat(members.all(store.id())).isEmpty();
    }

    @Test
    void a_second_apply_waits_for_the_first_to_commit_and_then_finds_nothing_to_do() throws Exception {
        List<Movement> moves = moves(true, 20);
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<List<Movement>> first = threads.submit(() -> transaction.execute(status -> {
            List<Movement> done = members.apply(store.id(), moves, MembershipCause.ORDER, AT);
            firstApplied.countDown();
            await(commit);
            return done;
        }));
        assertThat(firstApplied.await(10, TimeUnit.SECONDS)).isTrue();
        Future<List<Movement>> second = threads.submit(() -> apply(moves));
        Thread.sleep(300);
        assertThat(second.isDone())
                .as("the second apply waits for the first transaction")
                .isFalse();
        commit.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).hasSize(20);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(historyRows()).isEqualTo(20);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
