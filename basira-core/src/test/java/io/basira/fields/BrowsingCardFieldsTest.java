package io.basira.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.browsing.BrowsingStats;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.InvalidRuleException;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.TodayDependence;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** The browsing card fields in rules: both engines select the same customers; a customer never seen counts 0. */
class BrowsingCardFieldsTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final EvaluationContext TODAY = new EvaluationContext(LocalDate.of(2024, 6, 15), RIYADH, 2);
    private static final Function<String, RoaringBitmap> NO_GROUPS = key -> new RoaringBitmap();

    private final FieldCatalogue fields = BuiltInFields.catalogue().with(new BrowsingCardFields());

    @Test
    void both_engines_select_the_same_customers_by_the_browsing_fields() {
        List<CustomerSnapshot> customers = new ArrayList<>();
        customers.add(snapshot(1, null));
        customers.add(snapshot(2, new BrowsingStats(Instant.parse("2024-06-14T22:30:00Z"), 1, 3, 1, 1)));
        customers.add(snapshot(3, new BrowsingStats(Instant.parse("2024-06-01T10:00:00Z"), 2, 9, 4, 2)));
        customers.add(snapshot(4, new BrowsingStats(Instant.parse("2024-03-01T10:00:00Z"), 0, 0, 0, 5)));
        ScanAudience reference = new ScanAudience();
        IndexedAudience indexed = new IndexedAudience(fields, RIYADH, 2, 0, null, 1);
        customers.forEach(c -> {
            reference.upsert(c);
            indexed.upsert(c);
        });
        for (String rule : List.of(
                "sessions_30d >= 2",
                "page_views_30d BETWEEN 1 AND 5",
                "product_views_30d = 0",
                "visitor_type = 'returning'",
                "visitor_type IS NULL",
                "visitor_type != 'new'",
                "last_seen_at >= '2024-06-15'",
                "last_seen_at < '2024-06-01'",
                "last_seen_at IS NOT NULL",
                "NOT sessions_30d > 0 AND visitor_type = 'returning'")) {
            Condition condition = RuleText.parse(rule, fields);
            RoaringBitmap expected = reference.members(condition, TODAY, NO_GROUPS);
            assertThat(indexed.members(condition, TODAY, NO_GROUPS)).as(rule).isEqualTo(expected);
        }
        assertThat(members("sessions_30d >= 2", reference)).containsExactly(2);
        assertThat(members("visitor_type = 'returning'", reference)).containsExactly(2, 3);
        assertThat(members("product_views_30d = 0", reference)).containsExactly(0, 3);
        // 22:30 UTC on the 14th is the 15th in Riyadh
        assertThat(members("last_seen_at >= '2024-06-15'", reference)).containsExactly(1);
    }

    /** Epoch day of a date of June 2024 (TODAY is the 15th). */
    private static int june(int day) {
        return (int) LocalDate.of(2024, 6, day).toEpochDay();
    }

    @Test
    void both_engines_select_the_same_customers_by_what_they_viewed_within_n_days() {
        // customer 2 viewed P1 (shoes) today and P2 (bags) on 20 May; customer 3 viewed P2 (bags) on 9 June
        Viewed shoes = new Viewed(
                Map.of("P1", june(15), "P2", june(15) - 26), Map.of("shoes", june(15), "bags", june(15) - 26));
        Viewed bags = new Viewed(Map.of("P2", june(9)), Map.of("bags", june(9)));
        Instant seen = Instant.parse("2024-06-14T10:00:00Z");
        List<CustomerSnapshot> customers = List.of(
                snapshot(1, null),
                snapshot(2, new BrowsingStats(seen, 1, 1, 2, 1, shoes)),
                snapshot(3, new BrowsingStats(seen, 1, 1, 1, 1, bags)),
                snapshot(4, new BrowsingStats(seen, 1, 1, 0, 1)));
        ScanAudience reference = new ScanAudience();
        IndexedAudience indexed = new IndexedAudience(fields, RIYADH, 2, 0, null, 1);
        customers.forEach(c -> {
            reference.upsert(c);
            indexed.upsert(c);
        });
        for (String rule : List.of(
                "viewed_products_7d = 'P1'",
                "viewed_products_30d = 'P2'",
                "viewed_categories_30d IN ('bags', 'toys')",
                "viewed_categories_7d != 'shoes'",
                "NOT viewed_products_30d = 'P2' AND last_seen_at IS NOT NULL",
                "viewed_categories_7d = 'shoes' OR sessions_30d > 5",
                "viewed_products_1d = 'P1'",
                "viewed_products_6d = 'P2'",
                "viewed_products_7d = 'P2'",
                "viewed_products_26d = 'P2'",
                "viewed_products_27d = 'P2'",
                "viewed_categories_45d != 'bags'",
                "viewed_products_400d IN ('P2', 'P9')",
                "viewed_products_45d = 'P9'")) {
            Condition condition = RuleText.parse(rule, fields);
            assertThat(indexed.members(condition, TODAY, NO_GROUPS))
                    .as(rule)
                    .isEqualTo(reference.members(condition, TODAY, NO_GROUPS));
            assertThat(RuleText.parse(RuleText.print(condition), fields))
                    .as(rule)
                    .isEqualTo(condition);
            assertThat(JsonConditions.fromJson(JsonConditions.toJson(condition), fields))
                    .as(rule)
                    .isEqualTo(condition);
        }
        assertThat(members("viewed_products_7d = 'P1'", reference)).containsExactly(1);
        assertThat(members("viewed_products_1d = 'P1'", reference)).containsExactly(1);
        // 9 June is the 7th day back from the 15th, today included: within 7 days, not within 6
        assertThat(members("viewed_products_6d = 'P2'", reference)).isEmpty();
        assertThat(members("viewed_products_7d = 'P2'", reference)).containsExactly(2);
        assertThat(members("viewed_products_26d = 'P2'", reference)).containsExactly(2);
        assertThat(members("viewed_products_27d = 'P2'", reference)).containsExactly(1, 2);
        assertThat(members("viewed_categories_45d != 'bags'", reference)).containsExactly(0, 3);
        assertThat(members("viewed_categories_7d != 'shoes'", reference)).containsExactly(0, 2, 3);
        assertThat(BrowsingCardFields.VIEWED_CATEGORIES_30D.exportText(customers.get(1), TODAY))
                .isEqualTo("bags; shoes");
        assertThat(BrowsingCardFields.VIEWED_PRODUCTS_7D.exportText(customers.get(0), TODAY))
                .isEmpty();
        // the day after, P1 (viewed on the 15th) is no longer within 1 day; both engines move at midnight
        EvaluationContext tomorrow = new EvaluationContext(LocalDate.of(2024, 6, 16), RIYADH, 2);
        Condition oneDay = RuleText.parse("viewed_products_1d = 'P1'", fields);
        assertThat(reference.members(oneDay, tomorrow, NO_GROUPS).isEmpty()).isTrue();
        assertThat(indexed.members(oneDay, tomorrow, NO_GROUPS).isEmpty()).isTrue();
        assertThat(TodayDependence.dependsOnToday(oneDay)).isTrue();
    }

    @Test
    void a_number_of_days_is_any_n_from_1_to_400_in_text_and_json() {
        Condition rule = RuleText.parse("Viewed_Products_45d = 'P1'", fields);
        assertThat(rule.field())
                .isSameAs(
                        RuleText.parse("viewed_products_45d IN ('P1')", fields).field());
        assertThat(RuleText.print(rule)).isEqualTo("viewed_products_45d = 'P1'");
        assertThat(JsonConditions.toJson(rule))
                .isEqualTo(Map.of("field", "viewed_products_45d", "op", "=", "value", "P1"));
        assertThat(rule.field().labelKey()).isEqualTo("segment.field.viewed_products_days");
        assertThat(rule.field().labelArguments()).containsExactly("45");
        assertThat(RuleText.parse("viewed_products_7d = 'P1'", fields).field())
                .isSameAs(BrowsingCardFields.VIEWED_PRODUCTS_7D);
        assertThatThrownBy(() -> RuleText.parse("viewed_products_401d = 'P1'", fields))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("viewed_products_<n>d takes n from 1 to 400 days, not 'viewed_products_401d'");
        assertThatThrownBy(() -> RuleText.parse("viewed_categories_0d = 'a'", fields))
                .hasMessageContaining("takes n from 1 to 400");
        assertThatThrownBy(() -> RuleText.parse("viewed_products_45d > 3", fields))
                .isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> JsonConditions.fromJson(
                        Map.of("field", "viewed_products_9999999d", "op", "=", "value", "P1"), fields))
                .hasMessageContaining("takes n from 1 to 400");
    }

    @Test
    void stored_days_read_back() {
        Map<String, Integer> days = new LinkedHashMap<>();
        days.put("P 1", 19_889);
        days.put("P\u00e92", 19_000);
        assertThat(Viewed.days(Viewed.lines(days))).isEqualTo(days);
        assertThat(Viewed.days("")).isEmpty();
        assertThat(Viewed.days(null)).isEmpty();
    }

    /** Seeded random customers, days and rules: the index agrees with the reference on every day of a month. */
    @Test
    void the_index_agrees_with_the_reference_on_random_views_and_windows() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        ScanAudience reference = new ScanAudience();
        IndexedAudience indexed = new IndexedAudience(fields, RIYADH, 2, 0, null, 1);
        List<String> items = List.of("P1", "P2", "P3", "P4", "P5");
        for (int key = 1; key <= 300; key++) {
            Map<String, Integer> products = new HashMap<>();
            Map<String, Integer> categories = new HashMap<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                products.put(items.get(random.nextInt(items.size())), june(15) - random.nextInt(60));
                categories.put("c" + random.nextInt(3), june(15) - random.nextInt(60));
            }
            BrowsingStats stats = random.nextInt(5) == 0
                    ? null
                    : new BrowsingStats(
                            Instant.parse("2024-06-14T10:00:00Z"), 1, 1, 1, 1, new Viewed(products, categories));
            CustomerSnapshot customer = snapshot(key, stats);
            reference.upsert(customer);
            indexed.upsert(customer);
        }
        for (int i = 0; i < 200; i++) {
            int n = 1 + random.nextInt(random.nextBoolean() ? 10 : 70);
            String rule = switch (random.nextInt(4)) {
                case 0 -> "viewed_products_" + n + "d = '" + items.get(random.nextInt(items.size())) + "'";
                case 1 -> "viewed_products_" + n + "d != 'P" + (1 + random.nextInt(6)) + "'";
                case 2 -> "viewed_categories_" + n + "d IN ('c" + random.nextInt(3) + "', 'c9')";
                default ->
                    "NOT (viewed_products_" + n + "d = 'P1' OR viewed_categories_" + (1 + random.nextInt(40))
                            + "d = 'c1')";
            };
            EvaluationContext day =
                    new EvaluationContext(LocalDate.of(2024, 6, 1).plusDays(random.nextInt(30)), RIYADH, 2);
            Condition condition = RuleText.parse(rule, fields);
            assertThat(indexed.members(condition, day, NO_GROUPS))
                    .as("seed %d: %s on %s", seed, rule, day.today())
                    .isEqualTo(reference.members(condition, day, NO_GROUPS));
        }
    }

    @Test
    void the_fields_come_after_the_built_ins_sortable_and_exported() {
        assertThat(fields.exported())
                .extracting(f -> f.fieldName())
                .endsWith(
                        "last_seen_at",
                        "sessions_30d",
                        "page_views_30d",
                        "product_views_30d",
                        "visitor_type",
                        "viewed_products_7d",
                        "viewed_products_30d",
                        "viewed_categories_7d",
                        "viewed_categories_30d");
        CustomerSnapshot never = snapshot(1, null);
        assertThat(BrowsingCardFields.SESSIONS_30D.exportText(never, TODAY)).isEqualTo("0");
        assertThat(BrowsingCardFields.VISITOR_TYPE.exportText(never, TODAY)).isNull();
        CustomerSnapshot seen = snapshot(2, new BrowsingStats(Instant.parse("2024-06-14T22:30:00Z"), 1, 3, 1, 2));
        assertThat(BrowsingCardFields.LAST_SEEN_AT.exportText(seen, TODAY)).isEqualTo("2024-06-14T22:30:00Z");
        assertThat(BrowsingCardFields.VISITOR_TYPE.exportText(seen, TODAY)).isEqualTo("returning");
        assertThat(BrowsingCardFields.SESSIONS_30D.sort().table()).isEqualTo("browsing_customers");
    }

    private int[] members(String rule, ScanAudience audience) {
        return audience.members(RuleText.parse(rule, fields), TODAY, NO_GROUPS).toArray();
    }

    private static CustomerSnapshot snapshot(long key, BrowsingStats browsing) {
        Customer customer = new Customer(
                "C" + key,
                null,
                null,
                null,
                null,
                null,
                null,
                "Riyadh",
                null,
                null,
                Instant.parse("2024-01-01T09:00:00Z"),
                Set.of());
        return new CustomerSnapshot(key, customer, CustomerCard.EMPTY, null, browsing);
    }
}
