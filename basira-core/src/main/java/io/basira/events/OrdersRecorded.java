package io.basira.events;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Objects;

/** Orders were written: each with its status before the write ({@code null}: new) and after. */
public record OrdersRecorded(StoreId store, List<Recorded> orders) implements DomainEvent {

    public OrdersRecorded {
        Objects.requireNonNull(store, "store");
        orders = List.copyOf(orders);
    }

    /** One order of the write; statuses are the canonical codes ({@code io.basira.commerce.OrderStatus#code}). */
    public record Recorded(String orderId, String customerId, String statusBefore, String statusAfter) {
        public Recorded {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(statusAfter, "statusAfter");
        }
    }

    @Override
    public String type() {
        return "orders_recorded";
    }
}
