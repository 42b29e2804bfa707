package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the analyses read about one store: its customers, its orders, its currency and time zone.
 * Immutable; the derived purchase histories are computed per window by {@link #histories}.
 */
public record StoreFacts(ZoneId zone, Currency currency, List<CustomerFact> customers, List<OrderFact> orders) {

    public StoreFacts {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        customers = List.copyOf(customers);
        orders = List.copyOf(orders);
    }

    /** The calendar day of an order in the store's time zone. */
    public LocalDate day(OrderFact order) {
        return Dates.dateIn(order.createdAt(), zone);
    }

    /** Minor units as a decimal in the currency's major unit ({@code 15050 -> 150.50}). */
    public BigDecimal money(long minor) {
        return Money.ofMinor(minor, currency).toDecimal();
    }

    /** The mean of {@code totalMinor} over {@code count}, in the major unit, rounded half-up; null when count is 0. */
    public BigDecimal average(long totalMinor, long count) {
        if (count == 0) {
            return null;
        }
        int digits = Money.fractionDigits(currency);
        return BigDecimal.valueOf(totalMinor)
                .divide(BigDecimal.valueOf(count), 0, java.math.RoundingMode.HALF_UP)
                .movePointLeft(digits);
    }

    /**
     * Each customer's counted orders (pending, processing, completed) whose day is in the window's period,
     * oldest first, keyed by customer id in the order of {@link #customers()} (customers without such
     * orders are absent; orders of unknown customers are kept, after the known ones).
     */
    public Map<String, List<Purchase>> histories(AnalysisWindow window) {
        Map<String, List<Purchase>> byCustomer = new LinkedHashMap<>();
        customers.forEach(c -> byCustomer.put(c.customerId(), null));
        for (OrderFact order : orders) {
            LocalDate day = day(order);
            if (order.status().isCounted() && window.contains(day)) {
                List<Purchase> list = byCustomer.get(order.customerId());
                if (list == null) {
                    list = new ArrayList<>();
                    byCustomer.put(order.customerId(), list);
                }
                list.add(new Purchase(day, order));
            }
        }
        byCustomer.values().removeIf(Objects::isNull);
        byCustomer
                .values()
                .forEach(list -> list.sort(Comparator.comparing(Purchase::day)
                        .thenComparing(p -> p.order().createdAt())));
        return byCustomer;
    }

    /** One counted order with its store-local day. */
    public record Purchase(LocalDate day, OrderFact order) {

        public long totalMinor() {
            return order.totalMinor();
        }
    }
}
