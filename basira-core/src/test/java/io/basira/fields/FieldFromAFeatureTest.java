package io.basira.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.ValueType;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.json.JsonRuleException;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.segment.text.RuleText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * A field registered from outside the core's built-ins, the way a feature adds one (ARCHITECTURE.md, "Add a
 * rule field"): one {@link FieldSet} class. Rules name it in both forms, both engines select the same
 * customers by it, and the catalogue offers it for sorting and the export.
 */
class FieldFromAFeatureTest {

    /** The test feature: a point per whole unit of money spent, kept by a loyalty table of its own. */
    static final class LoyaltyTestFields implements FieldSet {
        static final SegmentField LOYALTY_POINTS = SegmentField.builder("loyalty_points", ValueType.INTEGER)
                .unit("points")
                .value((customer, context) -> BigDecimal.valueOf(customer.card().totalSpentMinor() / 100))
                .sortable(new SegmentField.SortColumn("loyalty_accounts", "points", false))
                .exported()
                .build();

        @Override
        public List<SegmentField> fields() {
            return List.of(LOYALTY_POINTS);
        }
    }

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final EvaluationContext TODAY = new EvaluationContext(LocalDate.of(2024, 6, 15), RIYADH, 2);
    private static final Function<String, RoaringBitmap> NO_GROUPS = key -> new RoaringBitmap();

    private final FieldCatalogue fields = BuiltInFields.catalogue().with(new LoyaltyTestFields());

    @Test
    void rules_name_the_new_field_in_text_and_json_only_with_the_catalogue_that_has_it() {
        Condition text = RuleText.parse("Loyalty_Points >= 150 AND city = 'Riyadh'", fields);
        Condition json = JsonConditions.fromJson(
                Map.of(
                        "all",
                        List.of(
                                Map.of("field", "loyalty_points", "op", ">=", "value", 150),
                                Map.of("field", "city", "op", "=", "value", "Riyadh"))),
                fields);
        assertThat(json).isEqualTo(text);
        assertThat(RuleText.print(text)).isEqualTo("loyalty_points >= 150 AND city = 'Riyadh'");
        assertThat(RuleText.parse(RuleText.print(text), fields)).isEqualTo(text);

        assertThatThrownBy(() -> RuleText.parse("loyalty_points >= 150"))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("unknown field 'loyalty_points'");
        assertThatThrownBy(() -> RuleText.parse("loyalty_point > 1.5", fields))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("did you mean 'loyalty_points'?");
        assertThatThrownBy(() -> RuleText.parse("loyalty_points > 1.5", fields))
                .hasMessageContaining("loyalty_points takes a whole number, not 1.5");
        assertThatThrownBy(() -> JsonConditions.fromJson(
                        Map.of("field", "loyalty_points", "op", "between", "value", 1), BuiltInFields.catalogue()))
                .isInstanceOf(JsonRuleException.class);
    }

    @Test
    void both_engines_select_the_same_customers_by_the_new_field() {
        List<CustomerSnapshot> customers = new ArrayList<>();
        long[] spent = {0, 14_999, 15_000, 15_099, 15_100, 250_000, 99};
        for (int i = 0; i < spent.length; i++) {
            customers.add(snapshot(i + 1, i % 2 == 0 ? "Riyadh" : "Jeddah", spent[i]));
        }
        ScanAudience reference = new ScanAudience();
        IndexedAudience indexed = new IndexedAudience(fields, RIYADH, 2, 0, null, 1);
        customers.forEach(c -> {
            reference.upsert(c);
            indexed.upsert(c);
        });
        for (String rule : List.of(
                "loyalty_points >= 150",
                "loyalty_points = 150",
                "loyalty_points != 150",
                "loyalty_points BETWEEN 1 AND 150",
                "loyalty_points IN (0, 2500)",
                "loyalty_points IS NULL",
                "NOT loyalty_points < 150 AND city = 'Riyadh'",
                "loyalty_points > 100 OR order_count = 0")) {
            Condition condition = RuleText.parse(rule, fields);
            RoaringBitmap expected = reference.members(condition, TODAY, NO_GROUPS);
            assertThat(indexed.members(condition, TODAY, NO_GROUPS)).as(rule).isEqualTo(expected);
            for (int row = 0; row < customers.size(); row++) {
                assertThat(indexed.matches(condition, row, TODAY, NO_GROUPS))
                        .as(rule + " row " + row)
                        .isEqualTo(expected.contains(row));
            }
        }
        assertThat(indexed.members(RuleText.parse("loyalty_points >= 150", fields), TODAY, NO_GROUPS)
                        .toArray())
                .containsExactly(2, 3, 4, 5);
    }

    @Test
    void the_catalogue_offers_the_new_field_for_sorting_and_the_export() {
        assertThat(fields.sortable()).last().isSameAs(LoyaltyTestFields.LOYALTY_POINTS);
        assertThat(LoyaltyTestFields.LOYALTY_POINTS.sort().table()).isEqualTo("loyalty_accounts");
        assertThat(fields.exported()).extracting(SegmentField::fieldName).endsWith("reviews_count", "loyalty_points");
        assertThat(LoyaltyTestFields.LOYALTY_POINTS.exportText(snapshot(1, "Riyadh", 15_099), TODAY))
                .isEqualTo("150");
        assertThat(LoyaltyTestFields.LOYALTY_POINTS.labelKey()).isEqualTo("segment.field.loyalty_points");
        assertThat(BuiltInFields.catalogue().byName("loyalty_points")).isEmpty();
    }

    private static CustomerSnapshot snapshot(long key, String city, long spentMinor) {
        Customer customer = new Customer(
                "C" + key,
                null,
                null,
                null,
                null,
                null,
                null,
                city,
                null,
                null,
                Instant.parse("2024-01-01T09:00:00Z"),
                Set.of());
        CustomerCard card = new CustomerCard(spentMinor == 0 ? 0 : 1, spentMinor, 0, 0, null, null, 0, null, 0, 0, 0);
        return new CustomerSnapshot(key, customer, card);
    }
}
