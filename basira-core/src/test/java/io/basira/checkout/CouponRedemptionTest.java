package io.basira.checkout;

import static io.basira.checkout.InMemoryCheckout.STORE;
import static io.basira.checkout.InMemoryCheckout.sar;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.CouponRedemptions.Redemption;
import io.basira.checkout.CouponRedemptions.Redemption.State;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coupon uses follow the orders that carry them, whichever way they arrive. */
class CouponRedemptionTest {

    /** Counts uses in memory with the same limits as the database guard. */
    static final class InMemoryRedemptions implements CouponRedemptions {
        final Map<String, Integer> limits = new HashMap<>();
        final Map<String, Integer> used = new HashMap<>();
        final Map<String, Redemption> byOrder = new HashMap<>();
        final List<Collection<String>> lookedUp = new ArrayList<>();

        @Override
        public boolean storeHasCoupons(StoreId store) {
            return !limits.isEmpty();
        }

        @Override
        public Map<String, Redemption> of(StoreId store, Collection<String> orderIds) {
            lookedUp.add(List.copyOf(orderIds));
            Map<String, Redemption> found = new HashMap<>();
            orderIds.stream().filter(byOrder::containsKey).forEach(id -> found.put(id, byOrder.get(id)));
            return found;
        }

        @Override
        public State take(StoreId store, String code, String orderId, String customerId, Instant at) {
            if (!limits.containsKey(code)) {
                return State.NO_SUCH_COUPON;
            }
            State state = used.getOrDefault(code, 0) < limits.get(code) ? State.COUNTED : State.OVER_LIMIT;
            if (state == State.COUNTED) {
                used.merge(code, 1, Integer::sum);
            }
            byOrder.put(orderId, new Redemption(orderId, code, customerId, state));
            return state;
        }

        @Override
        public void release(StoreId store, Redemption redemption) {
            byOrder.remove(redemption.orderId());
            if (redemption.state() == State.COUNTED) {
                used.merge(redemption.code(), -1, Integer::sum);
            }
        }
    }

    private final InMemoryRedemptions redemptions = new InMemoryRedemptions();
    private final CouponRedemption redemption = new CouponRedemption(redemptions);
    /** The orders as stored, so each write is told its before-images as IngestRecords tells them. */
    private final Map<String, Order> stored = new HashMap<>();

    private static Order order(String id, OrderStatus status, String coupon) {
        return new Order(
                id, "C1", Instant.parse("2024-05-01T10:00:00Z"), status, sar("100.00"), null, coupon, null, null);
    }

    private void write(Order... orders) {
        List<OrderChange> changes = new ArrayList<>();
        for (Order order : orders) {
            changes.add(new OrderChange(stored.get(order.externalId()), order));
            stored.put(order.externalId(), order);
        }
        redemption.ordersWritten(new OrdersWritten(STORE.id(), changes));
    }

    @Test
    void an_order_with_a_coupon_takes_a_use_and_its_cancellation_gives_it_back() {
        redemptions.limits.put("SAVE", 10);
        write(order("O1", OrderStatus.PENDING, "save"));
        assertThat(redemptions.used.get("SAVE")).isEqualTo(1);
        write(order("O1", OrderStatus.PENDING, "save"));
        assertThat(redemptions.used.get("SAVE")).isEqualTo(1);
        write(order("O1", OrderStatus.CANCELLED, "save"));
        assertThat(redemptions.used.get("SAVE")).isZero();
        assertThat(redemptions.byOrder).isEmpty();
    }

    @Test
    void a_returned_order_gives_its_use_back_and_a_quotation_never_takes_one() {
        redemptions.limits.put("SAVE", 10);
        write(order("O1", OrderStatus.COMPLETED, "SAVE"), order("O2", OrderStatus.QUOTATION, "SAVE"));
        assertThat(redemptions.used.get("SAVE")).isEqualTo(1);
        write(order("O1", OrderStatus.RETURNED, "SAVE"));
        assertThat(redemptions.used.get("SAVE")).isZero();
    }

    @Test
    void an_order_whose_code_changes_moves_its_use() {
        redemptions.limits.put("A", 10);
        redemptions.limits.put("B", 10);
        write(order("O1", OrderStatus.PENDING, "A"));
        write(order("O1", OrderStatus.PENDING, "B"));
        assertThat(redemptions.used).containsEntry("A", 0).containsEntry("B", 1);
    }

    @Test
    void an_order_over_the_limit_is_recorded_and_stays_over_when_written_again() {
        redemptions.limits.put("ONE", 1);
        write(order("O1", OrderStatus.PENDING, "ONE"), order("O2", OrderStatus.PENDING, "ONE"));
        assertThat(redemptions.byOrder.get("O2").state()).isEqualTo(State.OVER_LIMIT);
        write(order("O1", OrderStatus.CANCELLED, "ONE"));
        write(order("O2", OrderStatus.PENDING, "ONE"));
        assertThat(redemptions.byOrder.get("O2").state()).isEqualTo(State.OVER_LIMIT);
        assertThat(redemptions.used.get("ONE")).isZero();
    }

    @Test
    void codes_that_are_no_coupon_are_ignored() {
        write(order("O1", OrderStatus.PENDING, "RAMADAN"));
        redemptions.limits.put("OTHER", 1);
        write(order("O2", OrderStatus.PENDING, "RAMADAN"));
        assertThat(redemptions.byOrder).isEmpty();
    }

    @Test
    void new_orders_need_no_look_up_of_the_redemptions_held() {
        redemptions.limits.put("SAVE", 10);
        write(order("O1", OrderStatus.PENDING, "SAVE"));
        assertThat(redemptions.lookedUp).isEmpty();
        write(order("O1", OrderStatus.PENDING, "SAVE"), order("O2", OrderStatus.PENDING, "SAVE"));
        assertThat(redemptions.lookedUp).containsExactly(List.of("O1"));
        assertThat(redemptions.used.get("SAVE")).isEqualTo(2);
    }

    @Test
    void an_order_moved_to_another_customer_keeps_its_one_use() {
        redemptions.limits.put("SAVE", 10);
        write(order("O1", OrderStatus.PENDING, "SAVE"));
        write(new Order(
                "O1",
                "C2",
                Instant.parse("2024-05-01T10:00:00Z"),
                OrderStatus.PENDING,
                sar("100.00"),
                null,
                "SAVE",
                null,
                null));
        assertThat(redemptions.used.get("SAVE")).isEqualTo(1);
        assertThat(redemptions.byOrder).containsOnlyKeys("O1");
    }
}
