package io.basira.analytics;

import io.basira.commerce.OrderStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** A small store in Riyadh time and SAR, written as "customer C1 bought 100.00 on 2024-05-01". */
final class StoreFactsBuilder {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private final List<CustomerFact> customers = new ArrayList<>();
    private final List<OrderFact> orders = new ArrayList<>();

    static StoreFactsBuilder aStore() {
        return new StoreFactsBuilder();
    }

    StoreFactsBuilder customer(String id) {
        return customer(id, null, null, null);
    }

    StoreFactsBuilder customer(String id, String city, String region, String country) {
        customers.add(new CustomerFact(
                id,
                city,
                region,
                country,
                LocalDate.parse("2024-01-01").atStartOfDay(RIYADH).toInstant()));
        return this;
    }

    /** A completed, full-price order of {@code sar} riyals at noon Riyadh time. */
    StoreFactsBuilder order(String customer, String day, long sar) {
        return order(customer, day, sar, OrderStatus.COMPLETED, false);
    }

    StoreFactsBuilder discounted(String customer, String day, long sar) {
        return order(customer, day, sar, OrderStatus.COMPLETED, true);
    }

    StoreFactsBuilder order(String customer, String day, long sar, OrderStatus status, boolean discounted) {
        return order(customer, day, sar, status, discounted, Set.of());
    }

    StoreFactsBuilder order(
            String customer, String day, long sar, OrderStatus status, boolean discounted, Set<String> categories) {
        orders.add(new OrderFact(
                customer,
                LocalDate.parse(day).atTime(12, 0).atZone(RIYADH).toInstant(),
                status,
                sar * 100,
                discounted,
                categories));
        return this;
    }

    StoreFacts build() {
        return new StoreFacts(RIYADH, Currency.getInstance("SAR"), customers, orders);
    }
}
