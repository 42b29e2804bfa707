package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderAllocationTest {

    private static int[] allocate(long seed, int customers, long orders) {
        OrderAllocation allocation = new OrderAllocation(orders, customers, i -> DemoStoreGenerator.random(seed, i));
        int[] counts = new int[customers];
        for (int i = 0; i < customers; i++) {
            counts[i] = allocation.next(OrderAllocation.draw(DemoStoreGenerator.random(seed, i)));
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void the_counts_add_up_to_exactly_the_orders_asked_for(long seed) {
        Random sizes = new Random(seed);
        int customers = 1 + sizes.nextInt(3_000);
        long orders = sizes.nextInt(4) == 0 ? sizes.nextInt(customers + 1) : (long) sizes.nextInt(customers * 20 + 1);
        int[] counts = allocate(seed, customers, orders);
        long sum = 0;
        for (int count : counts) {
            assertThat(count)
                    .as("seed %d, %d customers, %d orders", seed, customers, orders)
                    .isNotNegative();
            sum += count;
        }
        assertThat(sum)
                .as("seed %d, %d customers, %d orders", seed, customers, orders)
                .isEqualTo(orders);
    }

    @Test
    void zero_orders_and_a_single_customer_are_handled() {
        assertThat(allocate(5, 10, 0)).containsOnly(0);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(allocate(seed, 1, 7)).as("seed %d", seed).containsExactly(7);
        }
    }

    @Test
    void many_buy_once_some_never_and_a_few_buy_a_lot() {
        int[] counts = allocate(42, 10_000, 25_000);
        int none = 0;
        int once = 0;
        int max = 0;
        for (int count : counts) {
            none += count == 0 ? 1 : 0;
            once += count == 1 ? 1 : 0;
            max = Math.max(max, count);
        }
        assertThat(none).isBetween(1_200, 1_800);
        assertThat(once).isBetween(3_000, 4_200);
        assertThat(max).isGreaterThan(40);
    }
}
