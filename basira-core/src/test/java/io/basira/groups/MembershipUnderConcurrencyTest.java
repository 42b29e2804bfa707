package io.basira.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.events.DomainEvent;
import io.basira.events.MembershipChanged;
import io.basira.fields.BuiltInFields;
import io.basira.groups.InMemoryGroupStore.History;
import io.basira.segment.text.RuleText;
import io.basira.shared.Store;
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
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Membership after concurrent writes, rule changes, manual changes and full re-evaluations equals a fresh
 * full evaluation of the stored data: several threads act at random (each from its own fixed seed) on one
 * store, and after every round the memory checkout reads, the stored membership, a fresh evaluation, the
 * history and the published events all agree. The seed is in the failure message; the interleaving of the
 * threads is the machine's, so each seed runs many rounds.
 */
class MembershipUnderConcurrencyTest {

    private static final Store STORE = GroupEngineTest.STORE;
    private static final int CUSTOMERS = 40;
    private static final int ROUNDS = 25;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @RepeatedTest(4)
    void membership_after_concurrent_writes_and_rule_changes_equals_a_fresh_full_evaluation(RepetitionInfo repetition)
            throws Exception {
        long seed = 104_729L * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        InMemoryGroupStore db = new InMemoryGroupStore();
        GroupEngine engine = new GroupEngine(db.ports(), BuiltInFields.catalogue(), db, db.clock);
        GroupRules rules = new GroupRules(engine, db, db.clock);
        ManualMembership manual = new ManualMembership(engine, db);
        for (int i = 0; i < CUSTOMERS; i++) {
            db.putCustomer("C" + i, Cards.random(random));
        }
        rules.create(STORE, "big", "big", RuleText.parse("total_spent >= 800"));
        rules.create(STORE, "loyal", "loyal", RuleText.parse("order_count >= 3 OR group = 'big'"));
        rules.create(STORE, "risky", "risky", RuleText.parse("NOT (group = 'loyal') AND cancelled_orders > 0"));
        rules.create(STORE, "quiet", "quiet", RuleText.parse("last_purchase_at < -30d OR group = 'risky'"));
        rules.create(STORE, "hand", "hand", null);

        for (int round = 0; round < ROUNDS; round++) {
            String at = "seed " + seed + ", round " + round;
            if (random.nextInt(4) == 0) {
                db.clock.advanceDays(1 + random.nextInt(10));
            }
            List<Callable<Object>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                long own = random.nextLong();
                work.add(() -> {
                    Random r = new Random(own);
                    for (int k = 0; k < 6; k++) {
                        Set<String> ids = new TreeSet<>();
                        for (int n = 0; n < 1 + r.nextInt(3); n++) {
                            String id = "C" + r.nextInt(CUSTOMERS);
                            db.putCustomer(id, Cards.random(r)); // committed, then followed
                            ids.add(id);
                        }
                        engine.cardsChanged(STORE, ids);
                        engine.groupsOf(STORE, "C" + r.nextInt(CUSTOMERS));
                    }
                    return null;
                });
            }
            long definer = random.nextLong();
            work.add(() -> {
                Random r = new Random(definer);
                for (int k = 0; k < 2; k++) {
                    switch (r.nextInt(4)) {
                        case 0 ->
                            rules.update(
                                    STORE, "big", null, RuleText.parse("total_spent >= " + (300 + r.nextInt(1500))));
                        case 1 ->
                            rules.update(
                                    STORE,
                                    "loyal",
                                    null,
                                    RuleText.parse("order_count >= " + (1 + r.nextInt(4)) + " OR group = 'big'"));
                        case 2 ->
                            manual.change(
                                    STORE,
                                    r.nextBoolean() ? "risky" : "hand",
                                    "C" + r.nextInt(CUSTOMERS),
                                    r.nextBoolean() ? ManualList.ADDITIONS : ManualList.EXCLUSIONS,
                                    r.nextBoolean());
                        default -> rules.rename(STORE, "quiet", "quiet " + r.nextInt(100));
                    }
                }
                return null;
            });
            int full = random.nextInt(4);
            work.add(() -> switch (full) {
                case 0 -> engine.analyticsRefreshed(STORE);
                case 1 -> engine.passMidnight(STORE);
                case 2 -> {
                    engine.groupsRedefined(STORE);
                    yield 0;
                }
                default -> {
                    engine.cardsChanged(STORE, Set.of());
                    yield 0;
                }
            });
            List<Future<Object>> running = new ArrayList<>();
            work.forEach(task -> running.add(threads.submit(task)));
            for (Future<Object> task : running) {
                task.get(60, TimeUnit.SECONDS);
            }
            engine.passMidnight(STORE); // the clock may have moved: today's date groups
            assertSameEverywhere(db, engine, at);
        }
    }

    /**
     * The memory checkout reads, the stored members, a fresh evaluation of the stored data, and the history
     * and events replayed from the start agree.
     */
    private static void assertSameEverywhere(InMemoryGroupStore db, GroupEngine engine, String at) {
        LocalDate today = engine.today(STORE);
        SegmentQuery fresh = new SegmentQuery(BuiltInFields.catalogue(), db, db, db);
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Group group : db.all(STORE.id())) {
            Set<String> members =
                    new TreeSet<>(fresh.members(STORE, RuleText.parse("group = '" + group.key() + "'"), today));
            if (!members.isEmpty()) {
                expected.put(group.key(), members);
            }
        }
        Map<String, Set<String>> memory = new TreeMap<>();
        for (String id : db.customerIds()) {
            engine.groupsOf(STORE, id)
                    .forEach(key ->
                            memory.computeIfAbsent(key, k -> new TreeSet<>()).add(id));
        }
        assertThat(memory).as("memory against a fresh full evaluation, %s", at).isEqualTo(expected);
        assertThat(db.stored.all(STORE.id()))
                .as("stored members against a fresh full evaluation, %s", at)
                .isEqualTo(expected);

        Map<String, Set<String>> fromHistory = new TreeMap<>();
        Map<String, Set<String>> fromEvents = new TreeMap<>();
        Map<String, Boolean> last = new HashMap<>();
        for (History h : db.history()) {
            Boolean before = last.put(h.groupKey() + " " + h.customerId(), h.entered());
            assertThat(before == null ? !h.entered() : before)
                    .as("history of %s %s alternates, %s", h.groupKey(), h.customerId(), at)
                    .isNotEqualTo(h.entered());
            move(fromHistory, h.groupKey(), h.customerId(), h.entered());
        }
        for (DomainEvent event : db.published()) {
            if (event instanceof MembershipChanged changed) {
                changed.exited().forEach((key, ids) -> ids.forEach(id -> move(fromEvents, key, id, false)));
                changed.entered().forEach((key, ids) -> ids.forEach(id -> move(fromEvents, key, id, true)));
            }
        }
        assertThat(withoutEmpty(fromHistory)).as("history replayed, %s", at).isEqualTo(expected);
        assertThat(withoutEmpty(fromEvents))
                .as("published movements replayed, %s", at)
                .isEqualTo(expected);
    }

    private static void move(Map<String, Set<String>> members, String key, String id, boolean entered) {
        Set<String> ids = members.computeIfAbsent(key, k -> new TreeSet<>());
        if (entered) {
            ids.add(id);
        } else {
            ids.remove(id);
        }
    }

    private static Map<String, Set<String>> withoutEmpty(Map<String, Set<String>> members) {
        Map<String, Set<String>> result = new TreeMap<>();
        members.forEach((key, ids) -> {
            if (!ids.isEmpty()) {
                result.put(key, ids);
            }
        });
        return result;
    }
}
