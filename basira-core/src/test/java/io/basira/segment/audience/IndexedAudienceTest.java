package io.basira.segment.audience;

import static io.basira.segment.fixtures.ProfileBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.template.SegmentTemplate;
import io.basira.segment.template.SegmentTemplates;
import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class IndexedAudienceTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final EvaluationContext JUNE_15 = new EvaluationContext(LocalDate.of(2024, 6, 15), RIYADH, 2);
    private static final Function<String, RoaringBitmap> NO_GROUPS = key -> new RoaringBitmap();

    private final IndexedAudience audience = new IndexedAudience(RIYADH, 2, 0);
    private final ScanAudience reference = new ScanAudience();

    private void upsert(long key, CustomerProfile profile) {
        CustomerSnapshot snapshot = new CustomerSnapshot(key, profile.customer(), profile.card());
        assertThat(audience.upsert(snapshot)).isEqualTo(reference.upsert(snapshot));
    }

    private RoaringBitmap members(String rule) {
        Condition condition = RuleText.parse(rule);
        RoaringBitmap members = audience.members(condition, JUNE_15, NO_GROUPS);
        assertThat(members).as(rule).isEqualTo(reference.members(condition, JUNE_15, NO_GROUPS));
        return members;
    }

    @Test
    void a_changed_card_moves_the_customer_in_and_out_of_groups_on_re_evaluation() {
        upsert(7, aCustomer("a").orders(2).spent("900").build());
        upsert(9, aCustomer("b").orders(12).spent("100").build());
        assertThat(members("total_spent > 1500 OR order_count > 10")).containsOnly(1);

        upsert(7, aCustomer("a").orders(3).spent("1500.01").build());
        upsert(9, aCustomer("b").orders(10).spent("100").build());

        assertThat(audience.size()).isEqualTo(2);
        assertThat(audience.rowOf(7)).isZero();
        assertThat(audience.keyOf(1)).isEqualTo(9);
        assertThat(members("total_spent > 1500 OR order_count > 10")).containsOnly(0);
        assertThat(audience.matches(RuleText.parse("order_count > 10"), 1, JUNE_15, NO_GROUPS))
                .isFalse();
    }

    @Test
    void a_customer_who_loses_their_last_tag_matches_not_tag_and_is_null_again() {
        upsert(1, aCustomer("a").tagged("vip").livesIn("Riyadh", null, "SA").build());
        upsert(2, aCustomer("b").tagged("vip", "wholesale").build());
        assertThat(members("tags = 'vip'")).containsOnly(0, 1);

        upsert(1, aCustomer("a").build());
        upsert(2, aCustomer("b").tagged("wholesale").build());

        assertThat(members("tags = 'vip'")).isEmpty();
        assertThat(members("tags != 'vip'")).containsOnly(0, 1);
        assertThat(members("city IS NULL AND country IS NULL")).containsOnly(0, 1);
        assertThat(members("country NOT IN ('SA')")).isEmpty();
    }

    @Test
    void re_evaluating_the_same_rules_on_the_same_day_compiles_nothing() {
        upsert(1, aCustomer("a").orders(1).spent("10").build());
        for (SegmentTemplate template : SegmentTemplates.all()) {
            audience.members(template.condition(), JUNE_15, NO_GROUPS);
        }
        long compiled = audience.compilations();
        assertThat(compiled).isEqualTo(SegmentTemplates.all().size());

        upsert(1, aCustomer("a").orders(5).spent("2000").build());
        for (SegmentTemplate template : SegmentTemplates.all()) {
            Condition parsedAgain = template.condition();
            audience.members(parsedAgain, JUNE_15, NO_GROUPS);
            audience.matches(parsedAgain, 0, JUNE_15, NO_GROUPS);
        }
        assertThat(audience.compilations()).isEqualTo(compiled);

        audience.members(
                SegmentTemplates.all().get(0).condition(),
                new EvaluationContext(LocalDate.of(2024, 6, 16), RIYADH, 2),
                NO_GROUPS);
        assertThat(audience.compilations()).isEqualTo(compiled + 1);
    }

    @Test
    void a_group_reference_follows_the_members_given_at_each_evaluation() {
        upsert(1, aCustomer("a").build());
        upsert(2, aCustomer("b").build());
        Condition rule = RuleText.parse("group = 'vip' AND NOT (group = 'banned')");
        RoaringBitmap vip = RoaringBitmap.bitmapOf(0, 1);
        RoaringBitmap banned = RoaringBitmap.bitmapOf(1);
        Function<String, RoaringBitmap> groups = key -> key.equals("vip") ? vip : banned;
        assertThat(audience.members(rule, JUNE_15, groups)).containsOnly(0);

        Function<String, RoaringBitmap> later = key -> key.equals("vip") ? vip : new RoaringBitmap();
        assertThat(audience.members(rule, JUNE_15, later)).containsOnly(0, 1);
        assertThat(audience.matches(rule, 1, JUNE_15, groups)).isFalse();
        assertThat(audience.compilations()).isEqualTo(1);
    }

    @Test
    void rules_are_refused_in_another_zone_or_currency() {
        upsert(1, aCustomer("a").build());
        Condition rule = RuleText.parse("order_count = 0");
        assertThatThrownBy(() ->
                        audience.members(rule, new EvaluationContext(JUNE_15.today(), ZoneId.of("UTC"), 2), NO_GROUPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Asia/Riyadh")
                .hasMessageContaining("UTC");
        assertThatThrownBy(
                        () -> audience.matches(rule, 0, new EvaluationContext(JUNE_15.today(), RIYADH, 3), NO_GROUPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3");
    }

    @Test
    void an_empty_audience_has_no_members() {
        assertThat(audience.members(RuleText.parse("order_count >= 0"), JUNE_15, NO_GROUPS))
                .isEmpty();
        assertThat(audience.rowOf(42)).isEqualTo(-1);
    }

    @Test
    void a_three_digit_currency_is_scaled_by_its_own_digits() {
        IndexedAudience dinars = new IndexedAudience(ZoneId.of("Asia/Kuwait"), 3, 0);
        CustomerProfile profile = aCustomer("kw").orders(1).build();
        dinars.upsert(new CustomerSnapshot(
                1, profile.customer(), new CustomerCard(1, 10_005, 0, 0, null, null, 0, null, 0, 0, 0)));
        EvaluationContext ctx = new EvaluationContext(JUNE_15.today(), ZoneId.of("Asia/Kuwait"), 3);
        assertThat(dinars.members(RuleText.parse("total_spent = 10.005"), ctx, NO_GROUPS))
                .containsOnly(0);
        assertThat(dinars.members(RuleText.parse("total_spent > 10.0049"), ctx, NO_GROUPS))
                .containsOnly(0);
        assertThat(dinars.members(RuleText.parse("average_order_value = 10.01"), ctx, NO_GROUPS))
                .containsOnly(0);
    }

    @Test
    void previews_with_distinct_large_literals_leave_the_cache_and_dictionaries_as_they_were() {
        upsert(1, aCustomer("a").livesIn("Riyadh", "Riyadh", "SA").tagged("vip").build());
        upsert(2, aCustomer("b").build());
        audience.members(RuleText.parse("city = 'Riyadh'"), JUNE_15, NO_GROUPS);
        IndexedAudience.Footprint before = audience.footprint();
        long compiled = audience.compilations();

        for (int i = 0; i < 300; i++) {
            String literal = i + "x".repeat(1_990);
            Condition rule = RuleText.parse(
                    "city = '" + literal + "' OR tags = '" + literal + "' OR region IN ('" + literal + "', 'Riyadh')");
            assertThat(audience.membersOnce(rule, JUNE_15, NO_GROUPS)).containsOnly(0);
            assertThat(audience.membersOnce(RuleText.parse("city != '" + literal + "'"), JUNE_15, NO_GROUPS))
                    .containsOnly(0);
        }

        assertThat(audience.footprint()).isEqualTo(before);
        assertThat(audience.compilations()).isEqualTo(compiled);
        assertThat(audience.membersOnce(RuleText.parse("city = 'Riyadh'"), JUNE_15, NO_GROUPS))
                .containsOnly(0);
    }

    @Test
    void the_rule_cache_is_bounded_by_the_weight_of_its_rules() {
        upsert(1, aCustomer("a").livesIn("Riyadh", null, "SA").build());
        Map<String, Integer> distinct = audience.footprint().distinctValues();
        int rules = 3_000;
        for (int i = 0; i < rules; i++) {
            Condition rule = RuleText.parse("city = '" + i + "y".repeat(1_990) + "'");
            assertThat(audience.members(rule, JUNE_15, NO_GROUPS)).isEmpty();
            assertThat(audience.matches(rule, 0, JUNE_15, NO_GROUPS)).isFalse();
        }
        IndexedAudience.Footprint after = audience.footprint();
        assertThat(audience.compilations()).isEqualTo(rules);
        assertThat(after.cachedWeight()).isLessThanOrEqualTo(2 * RuleCache.MAX_WEIGHT);
        assertThat(after.cachedRules()).isLessThan(rules).isPositive();
        assertThat(after.distinctValues()).isEqualTo(distinct);
    }

    @Test
    void a_cached_rule_naming_a_city_no_customer_has_yet_matches_once_one_lives_there() {
        upsert(1, aCustomer("a").livesIn("Riyadh", null, "SA").build());
        Condition abha = RuleText.parse("city = 'Abha'");
        Condition notAbha = RuleText.parse("city != 'Abha'");
        assertThat(audience.matches(abha, 0, JUNE_15, NO_GROUPS)).isFalse();
        assertThat(audience.matches(notAbha, 0, JUNE_15, NO_GROUPS)).isTrue();
        long compiled = audience.compilations();

        upsert(2, aCustomer("b").livesIn("Abha", null, "SA").build());

        assertThat(audience.matches(abha, 1, JUNE_15, NO_GROUPS)).isTrue();
        assertThat(audience.matches(notAbha, 1, JUNE_15, NO_GROUPS)).isFalse();
        assertThat(members("city = 'Abha'")).containsOnly(1);
        assertThat(audience.compilations()).isEqualTo(compiled);
    }
}
