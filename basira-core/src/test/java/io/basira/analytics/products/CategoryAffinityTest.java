package io.basira.analytics.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.basira.analytics.products.CategoryAffinity.Cell;
import io.basira.analytics.products.CategoryAffinity.Row;
import io.basira.analytics.products.CategoryAffinity.Segment;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryAffinityTest {

    private final Baskets baskets = ProductFixtures.fiveOrders();

    @Test
    void indexIsTheGroupsShareOverTheStoresShare() {
        BitSet x = rows("x");
        BitSet yz = rows("y", "z");
        CategoryAffinity.Table table = CategoryAffinity.compute(
                baskets,
                List.of(
                        new Segment("group", "1", "x only", x),
                        new Segment("group", "2", "y and z", yz),
                        new Segment("group", "3", "nobody", new BitSet())));
        Row store = table.store();
        assertThat(store.buyers()).isEqualTo(3);
        assertThat(store.revenueMinor()).isEqualTo(600);
        Cell food = cell(store, "food");
        assertThat(food.revenueMinor()).isEqualTo(450);
        assertThat(food.revenueShare()).isEqualTo(0.75);
        assertThat(food.buyerShare()).isEqualTo(1.0);
        assertThat(cell(store, "toys").buyers()).isEqualTo(2);

        Row onlyX = table.segments().get(0);
        assertThat(onlyX.revenueMinor()).isEqualTo(200);
        assertThat(cell(onlyX, "food").revenueIndex()).isEqualTo(1.0);
        // toys: 50/200 = 0.25 against 50/600
        assertThat(cell(onlyX, "toys").revenueIndex()).isCloseTo(3.0, within(1e-12));
        // buyers: 1/1 against 2/3
        assertThat(cell(onlyX, "toys").buyerIndex()).isCloseTo(1.5, within(1e-12));

        Row others = table.segments().get(1);
        assertThat(others.revenueMinor()).isEqualTo(400);
        assertThat(cell(others, "toys").revenueIndex()).isEqualTo(0.0);
        assertThat(cell(others, "toys").buyerIndex()).isCloseTo(0.75, within(1e-12));

        Row nobody = table.segments().get(2);
        assertThat(nobody.buyers()).isZero();
        assertThat(cell(nobody, "food").revenueIndex()).isNull();
        assertThat(cell(nobody, "food").buyerIndex()).isNull();
    }

    private BitSet rows(String... ids) {
        BitSet set = new BitSet();
        for (String id : ids) {
            set.set(baskets.customerRow(id));
        }
        return set;
    }

    private Cell cell(Row row, String category) {
        for (Cell c : row.cells()) {
            if (baskets.categoryName(c.category()).equals(category)) {
                return c;
            }
        }
        throw new AssertionError(category);
    }
}
