package io.basira.checkout.simulation;

import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an offer would reach and what it would have cost (docs/checkout.md, "Simulating an offer").
 *
 * @param warnings what the merchant must see before saving, loudest first
 */
public record Simulation(Reach reach, Cost cost, List<Warning> warnings) {

    public Simulation {
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(cost, "cost");
        warnings = List.copyOf(warnings);
    }

    /**
     * Who it reaches now.
     *
     * @param share members as a percentage of the store's customers, half-up to one decimal (0 for an empty store)
     * @param customersWithoutOrders the store's customers with no counted order
     * @param membersWithoutOrders those of them it reaches
     * @param anonymousVisitorsQualify whether an anonymous visitor (and a customer the store does not know yet) gets it
     * @param unknownGroups group keys it names that the store does not have
     */
    public record Reach(
            int customers,
            int members,
            BigDecimal share,
            int customersWithoutOrders,
            int membersWithoutOrders,
            boolean anonymousVisitorsQualify,
            Set<String> unknownGroups) {
        public Reach {
            unknownGroups = Set.copyOf(unknownGroups);
        }
    }

    /**
     * What it would have cost over the store-local days {@code from} (inclusive) to {@code until} (exclusive):
     * the 90 days before today. Orders are the counted ones (pending, processing, completed) of customers it
     * reaches <em>now</em>; an order's basket is its total as recorded.
     *
     * @param ordersInWindow the store's counted orders in the window
     * @param qualifyingOrders those it would have applied to (after the minimum and the limits)
     * @param belowMinimum orders of reached customers left out by the minimum total
     * @param overCustomerLimit left out by the per-customer limit (a customer's earliest orders use it first)
     * @param overUsageLimit left out by the usage limit (the earliest orders use it first; a day's orders in
     *     the order of their customers' rows)
     * @param qualifyingTotal the baskets of the qualifying orders
     * @param discount what the discount would have cost; null when it cannot be priced from the orders
     *     ({@link #costUnknownBecause})
     * @param costUnknownBecause null, {@code shipping_not_recorded}, {@code order_lines_not_read} or
     *     {@code no_discount}
     * @param validityDays the length of the offer's validity in days (rounded up), null when it is open
     * @param projectedDiscount {@code discount} scaled from 90 days to the validity's length (half-up), null
     *     when either is unknown
     */
    public record Cost(
            LocalDate from,
            LocalDate until,
            int ordersInWindow,
            int qualifyingOrders,
            int belowMinimum,
            int overCustomerLimit,
            int overUsageLimit,
            Money qualifyingTotal,
            Money discount,
            String costUnknownBecause,
            Long validityDays,
            Money projectedDiscount) {}

    /** What the merchant is warned of; the server says each in Arabic and English. */
    public enum Warning {
        /** Every anonymous visitor gets it. */
        ANONYMOUS_VISITORS_QUALIFY,
        /** Customers who never ordered get it. */
        CUSTOMERS_WITHOUT_ORDERS_QUALIFY,
        /** It names groups the store does not have. */
        UNKNOWN_GROUPS,
        /** Its validity has already ended. */
        ALREADY_ENDED,
        /** The cost cannot be computed from the stored orders. */
        COST_UNKNOWN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
