package io.basira.index;

import static io.basira.index.ColumnPredicate.and;
import static io.basira.index.ColumnPredicate.between;
import static io.basira.index.ColumnPredicate.compare;
import static io.basira.index.ColumnPredicate.hasTag;
import static io.basira.index.ColumnPredicate.in;
import static io.basira.index.ColumnPredicate.isNotNull;
import static io.basira.index.ColumnPredicate.isNull;
import static io.basira.index.ColumnPredicate.not;
import static io.basira.index.ColumnPredicate.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class CustomerIndexTest {

    private final CustomerIndex index = new CustomerIndex(
            List.of(
                    ColumnSpec.integer("order_count"),
                    ColumnSpec.integer("total_spent"),
                    ColumnSpec.integer("last_purchase_at"),
                    ColumnSpec.dictionary("country"),
                    ColumnSpec.tags("tags")),
            0);

    private int customer(long key, Integer orders, String country) {
        int row = index.rowFor(key);
        if (orders != null) {
            index.integerColumn("order_count").set(row, orders);
        }
        index.dictionaryColumn("country").set(row, country);
        return row;
    }

    private RoaringBitmap members(ColumnPredicate predicate) {
        return index.evaluate(index.bind(predicate));
    }

    @Test
    void not_of_a_comparison_excludes_customers_without_a_value() {
        int few = customer(1, 2, "SA");
        int many = customer(2, 9, "SA");
        int none = customer(3, null, "SA");

        assertThat(members(not(compare("order_count", CompareOp.GT, 5))).toArray())
                .containsExactly(few);
        assertThat(members(compare("order_count", CompareOp.GT, 5)).toArray()).containsExactly(many);
        assertThat(index.matches(index.bind(not(compare("order_count", CompareOp.GT, 5))), none))
                .isFalse();
    }

    @Test
    void a_customer_without_a_value_matches_only_is_null() {
        int none = customer(3, null, null);
        for (CompareOp op : CompareOp.values()) {
            assertThat(members(compare("order_count", op, 0)).contains(none))
                    .as(op.name())
                    .isFalse();
            assertThat(members(not(compare("order_count", op, 0))).contains(none))
                    .as("NOT " + op)
                    .isFalse();
        }
        assertThat(members(not(in("country", "SA"))).contains(none)).isFalse();
        assertThat(members(isNull("order_count")).toArray()).containsExactly(none);
        assertThat(members(isNotNull("order_count")).isEmpty()).isTrue();
        assertThat(members(not(isNull("order_count"))).isEmpty()).isTrue();
    }

    @Test
    void or_is_true_when_one_side_is_true_even_if_the_other_is_unknown() {
        int row = customer(1, null, "SA");
        assertThat(members(or(compare("order_count", CompareOp.GT, 10), in("country", "SA")))
                        .toArray())
                .containsExactly(row);
        assertThat(members(and(compare("order_count", CompareOp.GT, 10), in("country", "SA")))
                        .isEmpty())
                .isTrue();
        assertThat(members(not(and(compare("order_count", CompareOp.GT, 10), in("country", "EG"))))
                        .toArray())
                .as("NOT (UNKNOWN AND FALSE) is TRUE")
                .containsExactly(row);
    }

    @Test
    void a_country_bound_before_any_customer_has_it_matches_once_one_does() {
        customer(1, 1, "SA");
        BoundPredicate omani = index.bind(in("country", "OM"));
        BoundPredicate notOmani = index.bind(not(in("country", "OM")));
        assertThat(index.evaluate(omani).isEmpty()).isTrue();

        int row = customer(2, 1, "OM");
        int later = customer(3, 1, "BH");
        assertThat(index.evaluate(omani).toArray()).containsExactly(row);
        assertThat(index.evaluate(notOmani).toArray()).containsExactly(0, later);
    }

    @Test
    void binding_values_no_customer_has_adds_nothing_to_the_index() {
        customer(1, 1, "SA");
        index.tagColumn("tags").add(0, "vip");
        java.util.Map<String, Integer> before = index.distinctValues();
        for (int i = 0; i < 100; i++) {
            String unseen = "x".repeat(1_000) + i;
            BoundPredicate bound = index.bind(or(in("country", unseen, "SA"), hasTag("tags", unseen)));
            assertThat(bound.absentLiterals()).isEqualTo(2);
            assertThat(index.evaluate(bound).toArray()).containsExactly(0);
            assertThat(index.evaluate(index.bind(not(in("country", unseen)))).toArray())
                    .containsExactly(0);
            assertThat(index.evaluate(index.bind(in("country", unseen))).isEmpty())
                    .isTrue();
        }
        assertThat(index.distinctValues())
                .isEqualTo(before)
                .containsEntry("country", 1)
                .containsEntry("tags", 1);
    }

    @Test
    void a_tag_bound_before_any_customer_has_it_matches_once_one_does_also_row_by_row() {
        int first = customer(1, 1, "SA");
        BoundPredicate vip = index.bind(hasTag("tags", "vip"));
        BoundPredicate notVip = index.bind(not(hasTag("tags", "vip")));
        index.tagColumn("tags").add(first, "newsletter");
        assertThat(index.matches(vip, first)).isFalse();
        assertThat(index.matches(notVip, first)).isTrue();

        int second = customer(2, 1, "SA");
        index.tagColumn("tags").add(second, "vip");
        assertThat(index.matches(vip, second)).isTrue();
        assertThat(index.matches(notVip, second)).isFalse();
        assertThat(index.evaluate(vip).toArray()).containsExactly(second);
        assertThat(vip.absentLiterals()).isZero();
    }

    @Test
    void string_matching_is_exact_so_case_is_the_callers_job() {
        int upper = customer(1, 1, "SA");
        customer(2, 1, "sa");
        assertThat(members(in("country", "SA")).toArray()).containsExactly(upper);
    }

    @Test
    void an_integer_column_widens_when_a_value_does_not_fit_and_keeps_old_values() {
        IntegerColumn spent = index.integerColumn("total_spent");
        int small = index.rowFor(1);
        spent.set(small, 100);
        assertThat(spent.width()).isEqualTo(1);
        int big = index.rowFor(2);
        spent.set(big, 5_000_000_000L);

        assertThat(spent.width()).isEqualTo(8);
        assertThat(spent.get(small)).isEqualTo(100);
        assertThat(members(compare("total_spent", CompareOp.GE, 3_000_000_000L)).toArray())
                .containsExactly(big);
    }

    @Test
    void dates_are_stored_as_epoch_days() {
        int row = index.rowFor(1);
        index.integerColumn("last_purchase_at").setDate(row, LocalDate.of(2026, 3, 1));
        long ninetyDaysBefore = LocalDate.of(2026, 6, 1).minusDays(90).toEpochDay();

        assertThat(members(compare("last_purchase_at", CompareOp.LT, ninetyDaysBefore))
                        .toArray())
                .containsExactly(row);
        assertThat(index.integerColumn("last_purchase_at").width())
                .as("epoch days fit a short until 2059")
                .isEqualTo(2);
    }

    @Test
    void customers_without_tags_are_null_for_tag_tests() {
        TagColumn tags = index.tagColumn("tags");
        int vip = index.rowFor(1);
        int other = index.rowFor(2);
        int untagged = index.rowFor(3);
        tags.set(vip, Set.of("vip", "newsletter"));
        tags.add(other, "newsletter");

        assertThat(members(hasTag("tags", "vip")).toArray()).containsExactly(vip);
        assertThat(members(not(hasTag("tags", "vip"))).toArray()).containsExactly(other);
        assertThat(members(isNull("tags")).toArray()).containsExactly(untagged);

        tags.remove(other, "newsletter");
        assertThat(members(isNull("tags")).toArray()).containsExactly(other, untagged);
        assertThat(tags.get(vip)).containsExactly("newsletter", "vip");
    }

    @Test
    void an_update_moves_a_customer_into_and_out_of_a_group() {
        int row = customer(1, 1, "SA");
        BoundPredicate vip =
                index.bind(or(compare("total_spent", CompareOp.GT, 150_000), compare("order_count", CompareOp.GT, 10)));
        assertThat(index.matches(vip, row)).isFalse();

        index.integerColumn("order_count").set(row, 11);
        assertThat(index.matches(vip, row)).isTrue();
        assertThat(index.evaluate(vip).toArray()).containsExactly(row);

        index.integerColumn("order_count").clear(row);
        assertThat(index.matches(vip, row)).isFalse();
        assertThat(index.integerColumn("order_count").isNull(row)).isTrue();
    }

    @Test
    void between_is_inclusive_and_empty_when_low_exceeds_high() {
        customer(1, 4, null);
        int five = customer(2, 5, null);
        int six = customer(3, 6, null);
        customer(4, 7, null);
        assertThat(members(between("order_count", 5, 6)).toArray()).containsExactly(five, six);
        assertThat(members(between("order_count", 6, 5)).isEmpty()).isTrue();
        assertThat(members(not(between("order_count", 6, 5))).getCardinality()).isEqualTo(4);
    }

    @Test
    void comparisons_at_the_ends_of_long_are_exact() {
        IntegerColumn spent = index.integerColumn("total_spent");
        int min = index.rowFor(1);
        int max = index.rowFor(2);
        spent.set(min, Long.MIN_VALUE);
        spent.set(max, Long.MAX_VALUE);
        assertThat(members(compare("total_spent", CompareOp.LT, Long.MIN_VALUE)).isEmpty())
                .isTrue();
        assertThat(members(compare("total_spent", CompareOp.GT, Long.MAX_VALUE)).isEmpty())
                .isTrue();
        assertThat(members(compare("total_spent", CompareOp.LE, Long.MIN_VALUE)).toArray())
                .containsExactly(min);
        assertThat(members(compare("total_spent", CompareOp.NE, Long.MIN_VALUE)).toArray())
                .containsExactly(max);
    }

    @Test
    void customer_keys_map_to_dense_rows_and_back() {
        for (long key = 0; key < 10_000; key++) {
            assertThat(index.rowFor(key * 1_000_003L)).isEqualTo((int) key);
        }
        assertThat(index.rowFor(42 * 1_000_003L)).isEqualTo(42);
        assertThat(index.rowOf(5 * 1_000_003L)).isEqualTo(5);
        assertThat(index.rowOf(-1)).isEqualTo(-1);
        assertThat(index.keyOf(9_999)).isEqualTo(9_999 * 1_000_003L);
        assertThat(index.size()).isEqualTo(10_000);
    }

    @Test
    void binding_names_an_unknown_column_and_a_kind_mismatch() {
        assertThatThrownBy(() -> index.bind(compare("total_spend", CompareOp.GT, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown column 'total_spend'")
                .hasMessageContaining("total_spent");
        assertThatThrownBy(() -> index.bind(compare("country", CompareOp.EQ, 1)))
                .hasMessageContaining(
                        "column 'country' holds DICTIONARY values, but a comparison needs a INTEGER column");
        assertThatThrownBy(() -> index.bind(in("order_count", "SA"))).hasMessageContaining("column 'order_count'");
    }

    @Test
    void a_predicate_bound_to_another_index_is_rejected() {
        CustomerIndex other = new CustomerIndex(List.of(ColumnSpec.integer("order_count")), 0);
        BoundPredicate foreign = other.bind(compare("order_count", CompareOp.GT, 1));
        assertThatThrownBy(() -> index.evaluate(foreign)).hasMessageContaining("bound to another index");
    }

    @Test
    void writing_to_a_row_that_does_not_exist_fails() {
        assertThatThrownBy(() -> index.integerColumn("order_count").set(0, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
