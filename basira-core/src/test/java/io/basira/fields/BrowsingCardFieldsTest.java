package io.basira.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.BrowsingStats;
import io.basira.browsing.BrowsingStats.Viewed;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
        for (String rule : List.of("sessions_30d >= 2", "page_views_30d BETWEEN 1 AND 5", "product_views_30d = 0",
                "visitor_type = 'returning'", "visitor_type IS NULL", "visitor_type != 'new'",
                "last_seen_at >= '2024-06-15'", "last_seen_at < '2024-06-01'", "last_seen_at IS NOT NULL",
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

    @Test
    void both_engines_select_the_same_customers_by_what_they_viewed_within_7_and_30_days() {
        Viewed shoes = new Viewed(Set.of("P1"), Set.of("P1", "P2"), Set.of("shoes"), Set.of("shoes", "bags"));
        Viewed bags = new Viewed(Set.of(), Set.of("P2"), Set.of(), Set.of("bags"));
        Instant seen = Instant.parse("2024-06-14T10:00:00Z");
        List<CustomerSnapshot> customers = List.of(snapshot(1, null),
                snapshot(2, new BrowsingStats(seen, 1, 1, 2, 1, shoes)),
                snapshot(3, new BrowsingStats(seen, 1, 1, 1, 1, bags)),
                snapshot(4, new BrowsingStats(seen, 1, 1, 0, 1)));
        ScanAudience reference = new ScanAudience();
        IndexedAudience indexed = new IndexedAudience(fields, RIYADH, 2, 0, null, 1);
        customers.forEach(c -> {
            reference.upsert(c);
            indexed.upsert(c);
        });
        for (String rule : List.of("viewed_products_7d = 'P1'", "viewed_products_30d = 'P2'",
                "viewed_categories_30d IN ('bags', 'toys')", "viewed_categories_7d != 'shoes'",
                "NOT viewed_products_30d = 'P2' AND last_seen_at IS NOT NULL",
                "viewed_categories_7d = 'shoes' OR sessions_30d > 5")) {
            Condition condition = RuleText.parse(rule, fields);
            assertThat(indexed.members(condition, TODAY, NO_GROUPS)).as(rule)
                    .isEqualTo(reference.members(condition, TODAY, NO_GROUPS));
            assertThat(RuleText.parse(RuleText.print(condition), fields)).as(rule).isEqualTo(condition);
            assertThat(JsonConditions.fromJson(JsonConditions.toJson(condition), fields)).as(rule)
                    .isEqualTo(condition);
        }
        assertThat(members("viewed_products_7d = 'P1'", reference)).containsExactly(1);
        assertThat(members("viewed_products_30d = 'P2'", reference)).containsExactly(1, 2);
        assertThat(members("viewed_categories_7d != 'shoes'", reference)).containsExactly(0, 2, 3);
        assertThat(BrowsingCardFields.VIEWED_CATEGORIES_30D.exportText(customers.get(1), TODAY))
                .isEqualTo("bags; shoes");
        assertThat(BrowsingCardFields.VIEWED_PRODUCTS_7D.exportText(customers.get(0), TODAY)).isEmpty();
        assertThat(Viewed.items("P1\nP 2")).containsExactlyInAnyOrder("P1", "P 2");
        assertThat(Viewed.items("")).isEmpty();
    }

    @Test
    void the_fields_come_after_the_built_ins_sortable_and_exported() {
        assertThat(fields.exported()).extracting(f -> f.fieldName()).endsWith("last_seen_at", "sessions_30d",
                "page_views_30d", "product_views_30d", "visitor_type", "viewed_products_7d", "viewed_products_30d",
                "viewed_categories_7d", "viewed_categories_30d");
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
        Customer customer = new Customer("C" + key, null, null, null, null, null, null, "Riyadh", null, null,
                Instant.parse("2024-01-01T09:00:00Z"), Set.of());
        return new CustomerSnapshot(key, customer, CustomerCard.EMPTY, null, browsing);
    }
}
