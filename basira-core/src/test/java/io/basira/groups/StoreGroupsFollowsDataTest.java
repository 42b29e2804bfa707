package io.basira.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.text.RuleText;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.roaringbitmap.RoaringBitmap;

/**
 * Re-testing only the customers a write touched gives the same membership as evaluating every group
 * afresh, over seeded random data and groups that name each other, with manual lists. The seed is in the
 * failure message.
 */
class StoreGroupsFollowsDataTest {

    private static final Store STORE =
            new Store(new StoreId(1), "shop", "Shop", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    private static final EvaluationContext TODAY = new EvaluationContext(LocalDate.of(2024, 6, 1), STORE.timeZone(), 2);
    private static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    @RepeatedTest(20)
    void retesting_touched_customers_equals_a_full_evaluation(RepetitionInfo repetition) {
        long seed = 7919L * repetition.getCurrentRepetition();
        Random random = new Random(seed);
        List<CustomerSnapshot> customers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            customers.add(randomCustomer(i, random));
        }
        StoreGroups live = groups(customers, random.nextLong());
        live.evaluate(live.order(), TODAY);
        for (int round = 0; round < 10; round++) {
            RoaringBitmap touched = new RoaringBitmap();
            for (int k = 0; k < 1 + random.nextInt(5); k++) {
                int i = random.nextInt(customers.size());
                customers.set(i, randomCustomer(i, random));
                touched.add(live.upsert(customers.get(i)));
            }
            live.retest(touched, TODAY);
            StoreGroups fresh = groups(customers, 0);
            copyManual(live, fresh);
            fresh.evaluate(fresh.order(), TODAY);
            for (String key : live.order()) {
                assertThat(live.members(key))
                        .as("seed %d, round %d, group %s", seed, round, key)
                        .isEqualTo(fresh.members(key));
            }
        }
    }

    private static StoreGroups groups(List<CustomerSnapshot> customers, long manualSeed) {
        StoreGroups state = new StoreGroups(STORE, new ScanAudience());
        customers.forEach(state::upsert);
        define(state, "big", "total_spent > 500");
        define(state, "loyal", "order_count >= 3 OR group = 'big'");
        define(state, "risky", "NOT (group = 'loyal') AND cancelled_orders > 0");
        define(state, "recent", "last_purchase_at >= -30d AND group = 'risky' OR group = 'hand'");
        state.define(new Group("hand", "hand", null, NOW, NOW));
        if (manualSeed != 0) {
            Random random = new Random(manualSeed);
            for (String key : List.of("big", "loyal", "hand")) {
                for (int k = 0; k < 6; k++) {
                    String id = "C" + random.nextInt(customers.size());
                    state.setManualFor(key, id, random.nextBoolean(), random.nextBoolean() && !state.isAdded(key, id));
                }
            }
        }
        return state;
    }

    private static void define(StoreGroups state, String key, String rule) {
        state.define(new Group(key, key, RuleText.parse(rule), NOW, NOW));
    }

    private static void copyManual(StoreGroups from, StoreGroups to) {
        for (String key : from.order()) {
            for (int row = 0; row < 120; row++) {
                String id = from.customerId(row);
                to.setManualFor(key, id, from.isAdded(key, id), from.isExcluded(key, id));
            }
        }
    }

    private static CustomerSnapshot randomCustomer(int i, Random random) {
        int orders = random.nextInt(5);
        Instant last = orders == 0 ? null : NOW.minusSeconds(86_400L * random.nextInt(60));
        Customer customer = new Customer(
                "C" + i,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2023-01-01T00:00:00Z"),
                Set.of());
        CustomerCard card = new CustomerCard(
                orders, orders == 0 ? 0 : random.nextInt(100_000), random.nextInt(3), 0, last, last, 0, null, 0, 0, 0);
        return new CustomerSnapshot(i + 1000L, customer, card);
    }
}
