package io.basira.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.card.Indicator;
import io.basira.fields.BuiltInFields;
import io.basira.fields.CardFields;
import io.basira.fields.CustomerFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCatalogueTest {

    private final FieldCatalogue fields = BuiltInFields.catalogue();

    @Test
    void every_card_indicator_is_an_exported_field_of_the_matching_type_in_export_order() {
        for (Indicator indicator : Indicator.values()) {
            SegmentField field = fields.byName(indicator.fieldName()).orElseThrow();
            assertThat(field.type().name())
                    .as(field.fieldName())
                    .isEqualTo(indicator.kind().name());
        }
        assertThat(fields.exported())
                .extracting(SegmentField::fieldName)
                .containsExactlyElementsOf(List.of(Indicator.values()).stream()
                        .map(Indicator::fieldName)
                        .toList());
    }

    @Test
    void the_built_in_catalogue_lists_the_indicators_the_attributes_the_analytics_fields_then_tags_and_group() {
        assertThat(fields.names())
                .containsExactly(
                        "order_count",
                        "total_spent",
                        "average_order_value",
                        "cancelled_orders",
                        "returned_orders",
                        "last_purchase_at",
                        "first_order_at",
                        "abandoned_carts",
                        "store_rating",
                        "days_since_last_purchase",
                        "discount_share",
                        "wishlist_count",
                        "reviews_count",
                        "gender",
                        "birth_date",
                        "age",
                        "birthday",
                        "city",
                        "region",
                        "country",
                        "created_at",
                        "revenue_percentile",
                        "rfm_recency",
                        "rfm_frequency",
                        "rfm_monetary",
                        "rfm_group",
                        "customer_type",
                        "regularity",
                        "p_alive",
                        "expected_purchases_90d",
                        "predicted_value_12m",
                        "churn_risk",
                        "next_order_expected_at",
                        "next_category",
                        "tags",
                        "group");
        assertThat(CustomerFields.GENDER.allowedValues()).containsExactly("male", "female");
        assertThat(CardFields.TOTAL_SPENT.labelKey()).isEqualTo("segment.field.total_spent");
        assertThat(fields.sortable())
                .extracting(SegmentField::fieldName)
                .doesNotContain("birthday", "tags", "group")
                .contains("age", "churn_risk");
    }

    @Test
    void every_field_has_operators_and_every_operator_an_arabic_and_an_english_label() {
        for (SegmentField field : fields.all()) {
            assertThat(field.operators()).as(field.fieldName()).isNotEmpty();
            assertThat(field.unit()).as(field.fieldName()).isNotBlank();
        }
        for (Operator operator : Operator.values()) {
            assertThat(operator.labelAr()).as(operator.code()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(operator.labelEn()).as(operator.code()).isNotBlank();
            assertThat(Operator.byCode(operator.code())).contains(operator);
        }
    }

    @Test
    void ordering_operators_apply_only_to_numbers_and_dates() {
        assertThat(CustomerFields.GENDER.operators())
                .containsExactly(Operator.EQ, Operator.NE, Operator.IN, Operator.IS_NULL, Operator.IS_NOT_NULL);
        assertThat(SegmentField.TAGS.operators()).containsExactly(Operator.EQ, Operator.NE, Operator.IN);
        assertThat(CardFields.LAST_PURCHASE_AT.operators()).contains(Operator.LT, Operator.BETWEEN);
    }

    @Test
    void a_misspelt_field_gets_the_nearest_name_and_a_far_one_gets_none() {
        assertThat(fields.nearest("totl_spent")).contains(CardFields.TOTAL_SPENT);
        assertThat(fields.nearest("Ordercount")).contains(CardFields.ORDER_COUNT);
        assertThat(fields.nearest("xyz")).isEmpty();
        assertThat(fields.byName("Total_Spent")).contains(CardFields.TOTAL_SPENT);
    }

    @Test
    void a_name_is_registered_once_and_must_be_a_plain_identifier() {
        assertThatThrownBy(() -> fields.with(() -> List.of(CardFields.ORDER_COUNT)))
                .hasMessage("field 'order_count' is registered twice");
        assertThatThrownBy(() -> SegmentField.builder("Loyalty-Points", ValueType.INTEGER))
                .hasMessageContaining("not 'Loyalty-Points'");
        assertThatThrownBy(() -> SegmentField.builder("tier", ValueType.ENUM)
                        .value((c, x) -> null)
                        .build())
                .hasMessage("enum field tier needs its allowed values");
    }

    @Test
    void equal_numbers_make_equal_trees_whatever_their_scale() {
        assertThat(new Comparison(CardFields.TOTAL_SPENT, Operator.GT, Value.number("1500.00")))
                .isEqualTo(new Comparison(CardFields.TOTAL_SPENT, Operator.GT, Value.number(1500)));
    }
}
