package io.basira.segment;

import static io.basira.segment.fixtures.ProfileBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.CustomerType;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.commerce.Gender;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The meaning of segment rules, stated once for every engine (docs/rules.md). An engine's test extends
 * this class and implements {@link #matching}; each rule here is run on small named customers. Today is
 * 15 June 2024 in Asia/Riyadh unless a test says otherwise; money is SAR with 2 decimals.
 */
public abstract class RuleSemanticsContract {

    protected static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    protected static final EvaluationContext JUNE_15 = new EvaluationContext(LocalDate.of(2024, 6, 15), RIYADH, 2);

    /** The ids of the customers that {@code rule} (text form) selects, evaluated by the engine under test. */
    protected abstract Set<String> matching(String rule, List<CustomerProfile> customers, EvaluationContext ctx);

    private Set<String> matching(String rule, CustomerProfile... customers) {
        return matching(rule, List.of(customers), JUNE_15);
    }

    @Test
    void money_compares_in_major_units_exactly() {
        CustomerProfile exactly =
                aCustomer("exactly").orders(2).spent("1500.00").build();
        CustomerProfile halalaMore =
                aCustomer("halala-more").orders(2).spent("1500.01").build();
        assertThat(matching("total_spent > 1500", exactly, halalaMore)).containsExactly("halala-more");
        assertThat(matching("total_spent = 1500", exactly, halalaMore)).containsExactly("exactly");
        assertThat(matching("total_spent <= 1500.00", exactly, halalaMore)).containsExactly("exactly");
    }

    @Test
    void vip_is_spent_over_1500_or_more_than_10_orders() {
        CustomerProfile bigSpender = aCustomer("big").orders(1).spent("2000").build();
        CustomerProfile frequent = aCustomer("frequent").orders(11).spent("500").build();
        CustomerProfile neither = aCustomer("neither").orders(10).spent("1500").build();
        assertThat(matching("total_spent > 1500 OR order_count > 10", bigSpender, frequent, neither))
                .containsExactlyInAnyOrder("big", "frequent");
    }

    @Test
    void a_field_without_a_value_matches_only_is_null() {
        CustomerProfile unrated = aCustomer("unrated").build();
        CustomerProfile rated = aCustomer("rated").ratedStore(3).build();
        for (String rule : List.of(
                "store_rating >= 4",
                "store_rating < 4",
                "store_rating != 4",
                "store_rating = 3",
                "store_rating IN (1, 2, 3, 4, 5)",
                "store_rating BETWEEN 1 AND 5")) {
            assertThat(matching(rule, unrated, rated)).as(rule).doesNotContain("unrated");
        }
        assertThat(matching("store_rating IS NULL", unrated, rated)).containsExactly("unrated");
        assertThat(matching("store_rating IS NOT NULL", unrated, rated)).containsExactly("rated");
    }

    @Test
    void not_of_a_comparison_over_no_value_does_not_match_either() {
        CustomerProfile unrated = aCustomer("unrated").build();
        CustomerProfile happy = aCustomer("happy").ratedStore(5).build();
        CustomerProfile unhappy = aCustomer("unhappy").ratedStore(2).build();
        assertThat(matching("NOT (store_rating >= 4)", unrated, happy, unhappy)).containsExactly("unhappy");
        assertThat(matching("NOT (store_rating >= 4)", unrated, happy, unhappy))
                .isEqualTo(matching("store_rating < 4", unrated, happy, unhappy));
    }

    @Test
    void unknown_loses_to_false_in_and_and_to_true_in_or() {
        CustomerProfile unrated = aCustomer("unrated").orders(1).spent("10").build();
        assertThat(matching("store_rating >= 4 OR order_count > 0", unrated)).containsExactly("unrated");
        assertThat(matching("store_rating >= 4 AND order_count > 0", unrated)).isEmpty();
        assertThat(matching("NOT (store_rating >= 4 AND order_count > 100)", unrated))
                .containsExactly("unrated");
        assertThat(matching("NOT (store_rating >= 4 OR order_count > 0)", unrated))
                .isEmpty();
        assertThat(matching("NOT (store_rating >= 4 OR order_count > 100)", unrated))
                .isEmpty();
    }

    @Test
    void between_includes_both_bounds() {
        List<CustomerProfile> customers = List.of(
                aCustomer("one").orders(1).build(),
                aCustomer("two").orders(2).build(),
                aCustomer("four").orders(4).build(),
                aCustomer("five").orders(5).build());
        assertThat(matching("order_count BETWEEN 2 AND 4", customers, JUNE_15))
                .containsExactlyInAnyOrder("two", "four");
        assertThat(matching("order_count NOT BETWEEN 2 AND 4", customers, JUNE_15))
                .containsExactlyInAnyOrder("one", "five");
    }

    @Test
    void more_than_90_days_ago_turns_at_the_store_midnight() {
        // today is 2024-06-15, so -90d is 2024-03-17
        CustomerProfile lateEvening =
                aCustomer("23:30").lastPurchaseAt("2024-03-16T23:30:00+03:00").build();
        CustomerProfile justAfterMidnight =
                aCustomer("00:10").lastPurchaseAt("2024-03-17T00:10:00+03:00").build();
        CustomerProfile utcStillDayBefore =
                aCustomer("utc").lastPurchaseAt("2024-03-16T21:30:00Z").build();
        CustomerProfile never = aCustomer("never").build();
        assertThat(matching("last_purchase_at < -90d", lateEvening, justAfterMidnight, utcStillDayBefore, never))
                .containsExactly("23:30");
        assertThat(matching("days_since_last_purchase > 90", lateEvening, justAfterMidnight, utcStillDayBefore))
                .containsExactly("23:30");
    }

    @Test
    void within_the_last_30_days_includes_the_30th_day() {
        CustomerProfile thirtyDays =
                aCustomer("30").lastPurchaseAt("2024-05-16T00:10:00+03:00").build();
        CustomerProfile thirtyOneDays =
                aCustomer("31").lastPurchaseAt("2024-05-15T23:30:00+03:00").build();
        CustomerProfile today =
                aCustomer("today").lastPurchaseAt("2024-06-15T23:59:00+03:00").build();
        assertThat(matching("last_purchase_at >= -30d", thirtyDays, thirtyOneDays, today))
                .containsExactlyInAnyOrder("30", "today");
        assertThat(matching("last_purchase_at = today", thirtyDays, thirtyOneDays, today))
                .containsExactly("today");
    }

    @Test
    void an_absolute_date_compares_with_the_date_in_the_store_zone() {
        CustomerProfile earlyMorning =
                aCustomer("early").signedUpAt("2024-03-01T00:30:00+03:00").build();
        CustomerProfile dayBefore =
                aCustomer("before").signedUpAt("2024-02-29T23:30:00+03:00").build();
        assertThat(matching("created_at = '2024-03-01'", earlyMorning, dayBefore))
                .containsExactly("early");
        assertThat(matching("created_at < '2024-03-01'", earlyMorning, dayBefore))
                .containsExactly("before");
    }

    @Test
    void birthday_within_a_week_includes_today_and_the_seventh_day() {
        CustomerProfile today = aCustomer("today").born("1990-06-15").build();
        CustomerProfile seventh = aCustomer("seventh").born("1985-06-22").build();
        CustomerProfile eighth = aCustomer("eighth").born("1985-06-23").build();
        CustomerProfile yesterday = aCustomer("yesterday").born("1985-06-14").build();
        CustomerProfile unknown = aCustomer("unknown").build();
        assertThat(matching("birthday BETWEEN today AND +7d", today, seventh, eighth, yesterday, unknown))
                .containsExactlyInAnyOrder("today", "seventh");
        assertThat(matching("birthday = '2025-06-14'", yesterday)).containsExactly("yesterday");
    }

    @Test
    void a_29_february_birthday_falls_on_28_february_in_other_years() {
        CustomerProfile leapling = aCustomer("leapling").born("2000-02-29").build();
        EvaluationContext feb27 = new EvaluationContext(LocalDate.of(2025, 2, 27), RIYADH, 2);
        assertThat(matching("birthday = '2025-02-28'", List.of(leapling), feb27))
                .containsExactly("leapling");
        assertThat(matching("birthday BETWEEN today AND +1d", List.of(leapling), feb27))
                .containsExactly("leapling");
        EvaluationContext leapFeb28 = new EvaluationContext(LocalDate.of(2028, 2, 28), RIYADH, 2);
        assertThat(matching("birthday = '2028-02-29'", List.of(leapling), leapFeb28))
                .containsExactly("leapling");
        assertThat(matching("birthday = today", List.of(leapling), leapFeb28)).isEmpty();
        EvaluationContext march1 = new EvaluationContext(LocalDate.of(2025, 3, 1), RIYADH, 2);
        assertThat(matching("birthday = '2026-02-28'", List.of(leapling), march1))
                .containsExactly("leapling");
    }

    @Test
    void age_counts_whole_years_and_turns_on_the_birthday() {
        CustomerProfile birthdayToday = aCustomer("today").born("2000-06-15").build();
        CustomerProfile birthdayTomorrow =
                aCustomer("tomorrow").born("2000-06-16").build();
        assertThat(matching("age = 24", birthdayToday, birthdayTomorrow)).containsExactly("today");
        assertThat(matching("age = 23", birthdayToday, birthdayTomorrow)).containsExactly("tomorrow");
        CustomerProfile leapling = aCustomer("leapling").born("2000-02-29").build();
        EvaluationContext feb28 = new EvaluationContext(LocalDate.of(2025, 2, 28), RIYADH, 2);
        EvaluationContext feb27 = new EvaluationContext(LocalDate.of(2025, 2, 27), RIYADH, 2);
        assertThat(matching("age = 25", List.of(leapling), feb28)).containsExactly("leapling");
        assertThat(matching("age = 24", List.of(leapling), feb27)).containsExactly("leapling");
        assertThat(matching("age IS NULL", aCustomer("unknown").build())).containsExactly("unknown");
    }

    @Test
    void tags_match_when_the_customer_has_the_tag_or_any_of_the_listed_tags() {
        CustomerProfile vip = aCustomer("vip").tagged("vip", "late-payer").build();
        CustomerProfile wholesale = aCustomer("wholesale").tagged("wholesale").build();
        CustomerProfile upper = aCustomer("upper").tagged("VIP").build();
        CustomerProfile none = aCustomer("none").build();
        assertThat(matching("tags = 'vip'", vip, wholesale, upper, none)).containsExactly("vip");
        assertThat(matching("tags IN ('vip', 'wholesale')", vip, wholesale, upper, none))
                .containsExactlyInAnyOrder("vip", "wholesale");
        assertThat(matching("tags != 'vip'", vip, wholesale, upper, none))
                .containsExactlyInAnyOrder("wholesale", "upper", "none");
    }

    @Test
    void in_matches_any_listed_value_and_never_a_missing_one() {
        CustomerProfile saudi =
                aCustomer("sa").livesIn("الرياض", "Riyadh", "SA").build();
        CustomerProfile emirati = aCustomer("ae").livesIn("Dubai", null, "AE").build();
        CustomerProfile kuwaiti = aCustomer("kw").livesIn(null, null, "KW").build();
        CustomerProfile unknown = aCustomer("unknown").build();
        assertThat(matching("country IN ('SA', 'AE')", saudi, emirati, kuwaiti, unknown))
                .containsExactlyInAnyOrder("sa", "ae");
        assertThat(matching("country NOT IN ('SA', 'AE')", saudi, emirati, kuwaiti, unknown))
                .containsExactly("kw");
        assertThat(matching("city = 'الرياض'", saudi, emirati, kuwaiti, unknown))
                .containsExactly("sa");
    }

    @Test
    void the_product_examples_select_whom_they_say() {
        CustomerProfile woman =
                aCustomer("woman").gender(Gender.FEMALE).born("1990-06-20").build();
        CustomerProfile man =
                aCustomer("man").gender(Gender.MALE).born("1990-06-20").build();
        CustomerProfile saudiLoyal =
                aCustomer("loyal").orders(6).livesIn(null, null, "SA").build();
        CustomerProfile saudiNew =
                aCustomer("new").orders(1).livesIn(null, null, "SA").build();
        assertThat(matching("gender = 'female' AND birthday BETWEEN today AND +7d", woman, man))
                .containsExactly("woman");
        assertThat(matching("country IN ('SA', 'AE') AND NOT (order_count > 5)", saudiLoyal, saudiNew, woman))
                .containsExactly("new");
        assertThat(matching("gender != 'male'", woman, man, saudiNew)).containsExactly("woman");
    }

    @Test
    void group_references_ask_whether_the_customer_is_in_that_group() {
        CustomerProfile member = aCustomer("member").inGroups("vip").build();
        CustomerProfile other = aCustomer("other").inGroups("happy").build();
        assertThat(matching("group = 'vip'", member, other)).containsExactly("member");
        assertThat(matching("NOT (group = 'vip')", member, other)).containsExactly("other");
        assertThat(matching("group IN ('vip', 'happy')", member, other)).containsExactlyInAnyOrder("member", "other");
    }

    @Test
    void not_binds_tighter_than_and_which_binds_tighter_than_or() {
        CustomerProfile frequent = aCustomer("frequent").orders(11).spent("100").build();
        CustomerProfile cancelling =
                aCustomer("cancelling").orders(1).spent("2000").cancelled(3).build();
        CustomerProfile bigSpender = aCustomer("big").orders(1).spent("2000").build();
        CustomerProfile[] all = {frequent, cancelling, bigSpender};
        assertThat(matching("order_count > 10 OR total_spent > 1500 AND cancelled_orders > 2", all))
                .containsExactlyInAnyOrder("frequent", "cancelling");
        assertThat(matching("(order_count > 10 OR total_spent > 1500) AND cancelled_orders > 2", all))
                .containsExactly("cancelling");
        assertThat(matching("NOT order_count > 10 AND total_spent > 1500", all))
                .containsExactlyInAnyOrder("cancelling", "big");
    }

    @Test
    void a_customer_without_orders_has_zero_counts_and_no_dates() {
        CustomerProfile fresh = aCustomer("fresh").build();
        assertThat(matching("order_count = 0", fresh)).containsExactly("fresh");
        assertThat(matching("average_order_value = 0", fresh)).containsExactly("fresh");
        assertThat(matching("discount_share IS NULL", fresh)).containsExactly("fresh");
        assertThat(matching("first_order_at IS NULL AND last_purchase_at IS NULL", fresh))
                .containsExactly("fresh");
        assertThat(matching("last_purchase_at < -90d", fresh)).isEmpty();
    }

    @Test
    void derived_indicators_compare_exactly() {
        CustomerProfile third =
                aCustomer("third").orders(3).spent("100.00").discountedOrders(1).build();
        assertThat(matching("average_order_value = 33.33", third)).containsExactly("third");
        assertThat(matching("discount_share = 0.3333", third)).containsExactly("third");
        assertThat(matching("discount_share > 0.3333", third)).isEmpty();
    }

    @Test
    void an_enum_value_is_read_in_any_case() {
        CustomerProfile woman = aCustomer("woman").gender(Gender.FEMALE).build();
        assertThat(matching("gender = 'Female'", woman)).containsExactly("woman");
    }

    @Test
    void analytics_fields_are_empty_until_the_store_is_refreshed() {
        CustomerProfile never = aCustomer("never").orders(3).spent("900").build();
        CustomerProfile prospect =
                aCustomer("prospect").rfmGroup(RfmGroup.PROSPECTS).build();
        for (String rule : List.of(
                "revenue_percentile > 80",
                "revenue_percentile <= 80",
                "rfm_group = 'champions'",
                "rfm_group != 'champions'",
                "churn_risk NOT IN ('high')",
                "p_alive < 0.3",
                "next_order_expected_at <= +30d",
                "predicted_value_12m >= 0",
                "rfm_recency BETWEEN 1 AND 5")) {
            assertThat(matching(rule, never)).as(rule).isEmpty();
        }
        assertThat(matching(
                        "revenue_percentile IS NULL AND rfm_recency IS NULL AND customer_type IS NULL AND "
                                + "p_alive IS NULL AND predicted_value_12m IS NULL AND next_order_expected_at IS NULL",
                        never,
                        prospect))
                .containsExactlyInAnyOrder("never", "prospect");
        assertThat(matching("rfm_group IS NULL", never, prospect)).containsExactly("never");
        assertThat(matching("rfm_group = 'prospects'", never, prospect)).containsExactly("prospect");
    }

    @Test
    void the_top_20_percent_are_the_revenue_percentiles_above_80() {
        CustomerProfile top = aCustomer("top").revenuePercentile("100").build();
        CustomerProfile justIn = aCustomer("80.01").revenuePercentile("80.01").build();
        CustomerProfile edge = aCustomer("80").revenuePercentile("80").build();
        CustomerProfile below = aCustomer("79.99").revenuePercentile("79.99").build();
        CustomerProfile prospect =
                aCustomer("prospect").rfmGroup(RfmGroup.PROSPECTS).build();
        CustomerProfile[] all = {top, justIn, edge, below, prospect};
        assertThat(matching("revenue_percentile > 80", all)).containsExactlyInAnyOrder("top", "80.01");
        assertThat(matching("revenue_percentile >= 80", all)).containsExactlyInAnyOrder("top", "80.01", "80");
        assertThat(matching("NOT (revenue_percentile > 80)", all)).containsExactlyInAnyOrder("80", "79.99");
        assertThat(matching("revenue_percentile BETWEEN 79.99 AND 80.005", all))
                .containsExactlyInAnyOrder("80", "79.99");
    }

    @Test
    void rfm_groups_and_scores_select_by_their_published_names() {
        CustomerProfile champion =
                aCustomer("champion").rfm(5, 5, 4, RfmGroup.CHAMPIONS).build();
        CustomerProfile atRisk =
                aCustomer("at-risk").rfm(2, 4, 4, RfmGroup.AT_RISK).build();
        CustomerProfile prospect =
                aCustomer("prospect").rfmGroup(RfmGroup.PROSPECTS).build();
        CustomerProfile[] all = {champion, atRisk, prospect};
        assertThat(matching("rfm_group = 'champions'", all)).containsExactly("champion");
        assertThat(matching("rfm_group = 'Champions'", all)).containsExactly("champion");
        assertThat(matching("rfm_group IN ('at_risk', 'champions')", all))
                .containsExactlyInAnyOrder("champion", "at-risk");
        assertThat(matching("rfm_group != 'champions'", all)).containsExactlyInAnyOrder("at-risk", "prospect");
        assertThat(matching("rfm_recency <= 2 AND rfm_monetary >= 4", all)).containsExactly("at-risk");
        assertThat(matching("NOT (rfm_frequency = 5)", all)).containsExactly("at-risk");
    }

    @Test
    void churn_risk_customer_type_and_regularity_are_choices() {
        CustomerProfile leaving = aCustomer("leaving")
                .churnRisk(ChurnRisk.HIGH)
                .type(CustomerType.IMPULSIVE, Regularity.ONE_TIME)
                .build();
        CustomerProfile loyal = aCustomer("loyal")
                .churnRisk(ChurnRisk.LOW)
                .type(CustomerType.LOYAL, Regularity.REGULAR)
                .build();
        CustomerProfile unknown =
                aCustomer("unknown").churnRisk(ChurnRisk.UNKNOWN).build();
        CustomerProfile[] all = {leaving, loyal, unknown};
        assertThat(matching("churn_risk IN ('high')", all)).containsExactly("leaving");
        assertThat(matching("churn_risk NOT IN ('high', 'medium')", all)).containsExactlyInAnyOrder("loyal", "unknown");
        assertThat(matching("customer_type = 'loyal' AND regularity = 'regular'", all))
                .containsExactly("loyal");
        assertThat(matching("regularity != 'regular'", all)).containsExactly("leaving");
    }

    @Test
    void model_predictions_compare_as_exact_rounded_decimals() {
        CustomerProfile fading = aCustomer("fading").predicted(0.2999, 0.5).build();
        CustomerProfile borderline =
                aCustomer("borderline").predicted(0.29995, 1).build();
        CustomerProfile rounding =
                aCustomer("rounding").predicted(0.12345, 0.99995).build();
        CustomerProfile alive = aCustomer("alive").predicted(0.3, 2.25).build();
        CustomerProfile fallback = aCustomer("fallback").predictedValue("10").build();
        CustomerProfile[] all = {fading, borderline, rounding, alive, fallback};
        // 0.29995 is the double 0.29994999…, which rounds to 0.2999; 0.12345 is 0.1234500…04, which rounds up
        assertThat(matching("p_alive < 0.3", all)).containsExactlyInAnyOrder("fading", "borderline", "rounding");
        assertThat(matching("p_alive = 0.1235", all)).containsExactly("rounding");
        assertThat(matching("p_alive >= 0.3", all)).containsExactly("alive");
        assertThat(matching("expected_purchases_90d >= 1", all))
                .containsExactlyInAnyOrder("borderline", "rounding", "alive");
    }

    @Test
    void predicted_value_compares_in_major_units_as_the_card_rounds_it() {
        CustomerProfile under = aCustomer("under").predictedValue("1500.004").build();
        CustomerProfile over = aCustomer("over").predictedValue("1500.005").build();
        assertThat(matching("predicted_value_12m = 1500", under, over)).containsExactly("under");
        assertThat(matching("predicted_value_12m > 1500", under, over)).containsExactly("over");
        assertThat(matching("predicted_value_12m = 1500.01", under, over)).containsExactly("over");
    }

    @Test
    void the_next_expected_order_takes_dates_and_relative_dates() {
        // today is 2024-06-15, so +30d is 2024-07-15
        CustomerProfile thirtieth =
                aCustomer("30th").nextOrderExpectedAt("2024-07-15").build();
        CustomerProfile later =
                aCustomer("31st").nextOrderExpectedAt("2024-07-16").build();
        CustomerProfile overdue =
                aCustomer("overdue").nextOrderExpectedAt("2024-06-10").build();
        CustomerProfile none = aCustomer("none").churnRisk(ChurnRisk.HIGH).build();
        CustomerProfile[] all = {thirtieth, later, overdue, none};
        assertThat(matching("next_order_expected_at <= +30d", all)).containsExactlyInAnyOrder("30th", "overdue");
        assertThat(matching("next_order_expected_at BETWEEN today AND +30d", all))
                .containsExactly("30th");
        assertThat(matching("next_order_expected_at < today", all)).containsExactly("overdue");
        assertThat(matching("next_order_expected_at = '2024-07-16'", all)).containsExactly("31st");
    }

    @Test
    void the_next_category_is_exact_text_and_empty_without_orders() {
        CustomerProfile abayas =
                aCustomer("abayas").orders(2).nextCategory("abayas").build();
        CustomerProfile capital =
                aCustomer("Abayas").orders(1).nextCategory("Abayas").build();
        CustomerProfile perfume =
                aCustomer("perfume").orders(4).nextCategory("عطور").build();
        // refreshed, but no counted order: no next category
        CustomerProfile noOrders =
                aCustomer("no-orders").rfmGroup(RfmGroup.PROSPECTS).build();
        CustomerProfile never = aCustomer("never").orders(3).build();
        CustomerProfile[] all = {abayas, capital, perfume, noOrders, never};
        assertThat(matching("next_category = 'abayas'", all)).containsExactly("abayas");
        assertThat(matching("next_category != 'abayas'", all)).containsExactlyInAnyOrder("Abayas", "perfume");
        assertThat(matching("next_category IN ('abayas', 'عطور')", all)).containsExactlyInAnyOrder("abayas", "perfume");
        assertThat(matching("NOT (next_category = 'abayas')", all)).containsExactlyInAnyOrder("Abayas", "perfume");
        assertThat(matching("next_category IS NULL", all)).containsExactlyInAnyOrder("no-orders", "never");
        assertThat(matching("next_category = 'abayas' OR order_count > 3", all))
                .containsExactlyInAnyOrder("abayas", "perfume");
    }
}
