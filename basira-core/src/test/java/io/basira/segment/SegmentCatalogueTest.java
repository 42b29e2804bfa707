package io.basira.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.Indicator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SegmentCatalogueTest {

    @Test
    void every_card_indicator_is_a_field_of_the_matching_type() {
        for (Indicator indicator : Indicator.values()) {
            SegmentField field = SegmentField.byFieldName(indicator.fieldName()).orElseThrow();
            assertThat(field.indicator()).contains(indicator);
            assertThat(field.type().name()).as(field.fieldName()).isEqualTo(indicator.kind().name());
        }
    }

    @Test
    void the_attributes_and_group_membership_are_fields_too() {
        assertThat(Arrays.stream(SegmentField.values()).map(SegmentField::fieldName))
                .contains("gender", "birth_date", "age", "birthday", "city", "region", "country", "created_at",
                        "tags", "group");
        assertThat(SegmentField.GENDER.allowedValues()).containsExactly("male", "female");
        assertThat(SegmentField.TOTAL_SPENT.labelAr()).isEqualTo("إجمالي الإنفاق");
    }

    @Test
    void every_field_and_operator_has_an_arabic_and_an_english_label() {
        for (SegmentField field : SegmentField.values()) {
            assertThat(field.labelAr()).as(field.fieldName()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(field.labelEn()).as(field.fieldName()).matches("[A-Z][A-Za-z0-9 ]+");
            assertThat(field.operators()).as(field.fieldName()).isNotEmpty();
        }
        for (Operator operator : Operator.values()) {
            assertThat(operator.labelAr()).as(operator.code()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(operator.labelEn()).as(operator.code()).isNotBlank();
            assertThat(Operator.byCode(operator.code())).contains(operator);
        }
    }

    @Test
    void ordering_operators_apply_only_to_numbers_and_dates() {
        assertThat(SegmentField.GENDER.operators()).containsExactly(Operator.EQ, Operator.NE, Operator.IN,
                Operator.IS_NULL, Operator.IS_NOT_NULL);
        assertThat(SegmentField.TAGS.operators()).containsExactly(Operator.EQ, Operator.NE, Operator.IN);
        assertThat(SegmentField.LAST_PURCHASE_AT.operators()).contains(Operator.LT, Operator.BETWEEN);
    }

    @Test
    void a_misspelt_field_gets_the_nearest_name_and_a_far_one_gets_none() {
        assertThat(FieldNames.nearest("totl_spent")).contains(SegmentField.TOTAL_SPENT);
        assertThat(FieldNames.nearest("Ordercount")).contains(SegmentField.ORDER_COUNT);
        assertThat(FieldNames.nearest("xyz")).isEmpty();
    }

    @Test
    void equal_numbers_make_equal_trees_whatever_their_scale() {
        assertThat(new Comparison(SegmentField.TOTAL_SPENT, Operator.GT, Value.number("1500.00")))
                .isEqualTo(new Comparison(SegmentField.TOTAL_SPENT, Operator.GT, Value.number(1500)));
    }
}
