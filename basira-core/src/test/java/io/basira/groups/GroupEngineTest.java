package io.basira.groups;

import static io.basira.groups.Cards.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.events.GroupsRedefined;
import io.basira.events.MembershipChanged;
import io.basira.fields.BuiltInFields;
import io.basira.groups.InMemoryGroupStore.History;
import io.basira.segment.text.RuleText;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group engine on in-memory ports: what it stores, what it publishes, and its locking promises. */
class GroupEngineTest {

    static final Store STORE =
            new Store(new StoreId(1), "shop", "Shop", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));

    private final InMemoryGroupStore db = new InMemoryGroupStore();
    private final GroupEngine engine = new GroupEngine(db.ports(), BuiltInFields.catalogue(), db, db.clock);
    private final GroupRules rules = new GroupRules(engine, db, db.clock);
    private final ManualMembership manual = new ManualMembership(engine, db);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void customers() {
        db.putCustomer("C1", card(1, 50_000, 0, 3)); // 500.00
        db.putCustomer("C2", card(4, 250_000, 0, 3)); // 2,500.00
        db.putCustomer("C3", card(2, 120_000, 1, 40)); // 1,200.00
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_new_group_stores_its_members_and_publishes_the_definition_and_the_entries() {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));

        assertThat(db.stored.all(STORE.id())).isEqualTo(Map.of("vip", Set.of("C2", "C3")));
        assertThat(db.history())
                .containsExactly(
                        new History("vip", "C2", true, "rule_change"), new History("vip", "C3", true, "rule_change"));
        assertThat(db.published())
                .containsExactly(
                        new GroupsRedefined(STORE.id(), Set.of("vip")),
                        new MembershipChanged(STORE.id(), "rule_change", Map.of("vip", Set.of("C2", "C3")), Map.of()));
        assertThat(engine.groupsOf(STORE, "C2")).containsExactly("vip");
    }

    @Test
    void a_write_retests_its_customers_and_publishes_only_what_moved_with_cause_order() {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));
        rules.create(STORE, "quiet", "Quiet", RuleText.parse("NOT (group = 'vip')"));
        db.clearPublished();

        db.putCustomer("C1", card(3, 150_000, 0, 0));
        db.putCustomer("C2", card(1, 10_000, 0, 0));
        engine.cardsChanged(STORE, Set.of("C1", "C2"));

        assertThat(engine.groupsOf(STORE, "C1")).containsExactly("vip");
        assertThat(engine.groupsOf(STORE, "C2")).containsExactly("quiet");
        assertThat(db.published())
                .containsExactly(new MembershipChanged(
                        STORE.id(),
                        "order",
                        Map.of("vip", Set.of("C1"), "quiet", Set.of("C2")),
                        Map.of("vip", Set.of("C2"), "quiet", Set.of("C1"))));
        db.clearPublished();
        engine.cardsChanged(STORE, Set.of("C1", "C2")); // the same write followed again
        assertThat(db.published()).isEmpty();
    }

    @Test
    void manual_changes_renames_and_deletions_publish_the_redefined_group() {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));
        db.clearPublished();

        assertThat(manual.change(STORE, "vip", "C1", ManualList.ADDITIONS, true))
                .isTrue();
        assertThat(db.published())
                .containsExactly(
                        new GroupsRedefined(STORE.id(), Set.of("vip")),
                        new MembershipChanged(STORE.id(), "manual", Map.of("vip", Set.of("C1")), Map.of()));
        db.clearPublished();

        rules.rename(STORE, "vip", "Very important");
        assertThat(db.published()).containsExactly(new GroupsRedefined(STORE.id(), Set.of("vip")));
        db.clearPublished();

        rules.delete(STORE, "vip");
        assertThat(db.published()).containsExactly(new GroupsRedefined(STORE.id(), Set.of("vip")));
        assertThat(engine.groupsOf(STORE, "C2")).isEmpty();
    }

    @Test
    void refusals_change_nothing_publish_nothing_and_keep_the_memory() {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));
        rules.create(STORE, "fans", "Fans", RuleText.parse("group = 'vip' AND order_count >= 3"));
        db.clearPublished();

        assertThatThrownBy(() -> rules.delete(STORE, "vip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group 'vip' cannot be deleted: the rules of fans name it");
        assertThatThrownBy(() -> rules.update(STORE, "vip", null, RuleText.parse("group = 'fans'")))
                .hasMessageContaining("groups reference each other in a cycle");
        assertThatThrownBy(() -> manual.change(STORE, "nope", "C1", ManualList.ADDITIONS, true))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("group 'nope' does not exist in this store");
        assertThatThrownBy(() -> manual.change(STORE, "vip", "C9", ManualList.EXCLUSIONS, true))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("customer 'C9' does not exist in this store");

        assertThat(db.published()).isEmpty();
        assertThat(engine.groupsOf(STORE, "C2")).containsExactly("fans", "vip");
    }

    @Test
    void movements_another_instance_already_stored_are_neither_stored_again_nor_published() {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));
        db.clearPublished();
        int historyBefore = db.history().size();

        db.putCustomer("C1", card(3, 150_000, 0, 0));
        db.storeMember("vip", "C1"); // the other instance followed this write first
        engine.cardsChanged(STORE, Set.of("C1"));

        assertThat(engine.groupsOf(STORE, "C1")).containsExactly("vip");
        assertThat(db.history()).hasSize(historyBefore);
        assertThat(db.published()).isEmpty();
    }

    @Test
    void a_card_written_during_a_full_reevaluation_is_not_overwritten_by_its_older_read() throws Exception {
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent >= 1000"));
        db.clearPublished();

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch read = db.holdNextFullRead(release);
        Future<Integer> refresh = threads.submit(() -> engine.analyticsRefreshed(STORE));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();

        db.putCustomer("C1", card(2, 110_000, 0, 0)); // C1 crosses 1000 after the re-evaluation read C1
        Future<Set<String>> write = threads.submit(() -> {
            engine.cardsChanged(STORE, Set.of("C1"));
            return engine.groupsOf(STORE, "C1");
        });
        assertThat(write.get(10, TimeUnit.SECONDS))
                .as("a write is followed while the re-evaluation runs")
                .containsExactly("vip");
        assertThat(refresh.isDone()).isFalse();

        release.countDown();
        assertThat(refresh.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(engine.groupsOf(STORE, "C1")).containsExactly("vip");
        assertThat(db.stored.all(STORE.id())).isEqualTo(Map.of("vip", Set.of("C1", "C2", "C3")));
        assertThat(db.published())
                .containsExactly(new MembershipChanged(STORE.id(), "order", Map.of("vip", Set.of("C1")), Map.of()));
    }

    @Test
    void midnight_moves_date_groups_once_per_day_with_cause_midnight() {
        rules.create(STORE, "recent", "Recent", RuleText.parse("last_purchase_at >= -30d"));
        engine.passMidnight(STORE);
        db.clearPublished();

        assertThat(engine.passMidnight(STORE)).isZero();
        db.clock.advanceDays(5); // C1 and C2 bought 8 days ago, C3 45
        assertThat(engine.passMidnight(STORE)).isZero();
        db.clock.advanceDays(25);
        assertThat(engine.passMidnight(STORE)).isEqualTo(2);
        assertThat(engine.passMidnight(STORE)).isZero();
        assertThat(db.published())
                .containsExactly(
                        new MembershipChanged(STORE.id(), "midnight", Map.of(), Map.of("recent", Set.of("C1", "C2"))));
        assertThat(List.copyOf(db.history()).get(db.history().size() - 1).cause())
                .isEqualTo("midnight");
    }
}
