package io.basira.checkout.simulation;

import io.basira.analytics.StoreFacts;
import io.basira.checkout.simulation.Simulation.Cost;
import io.basira.checkout.simulation.Simulation.Reach;
import io.basira.checkout.simulation.Simulation.Warning;
import io.basira.shared.Dates;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Use case: simulate an offer before it is saved — its reach now and its cost over the last
 * {@value #WINDOW_DAYS} days' orders (docs/checkout.md, "Simulating an offer"). Only reads, from memory: the
 * groups' live membership and the analytics' order columns. Thread-safe when its ports are.
 *
 * <p>The window is the {@value #WINDOW_DAYS} whole days before today in the store's time zone (today, still
 * running, is left out). The offer is replayed over it as if it had run all along, whatever its validity says,
 * for the customers it reaches now: every counted order of such a customer whose total (the basket, as the
 * order recorded it) reaches the minimum takes the discount, within the per-customer limit (a customer's
 * earliest orders first) and the usage limit (the earliest orders first). A coupon is assumed to be used on
 * every order that could carry it: an upper bound.
 */
public final class SimulateOffer {

    /** The days replayed. */
    public static final int WINDOW_DAYS = 90;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Duration WINDOW = Duration.ofDays(WINDOW_DAYS);

    private final OfferAudiences audiences;
    private final OrderColumns orders;
    private final Clock clock;

    public SimulateOffer(OfferAudiences audiences, OrderColumns orders, Clock clock) {
        this.audiences = Objects.requireNonNull(audiences, "audiences");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException when an amount is not in the store's currency, or a rule names a group
     *     that does not exist
     */
    public Simulation simulate(Store store, OfferTerms terms) {
        requireCurrency(store.currency(), terms);
        Instant now = clock.instant();
        StoreFacts facts = orders.of(store);
        OfferAudiences.Audience audience = audiences.reach(store, terms.target(), facts);
        Reach reach = new Reach(
                audience.customers(),
                audience.members(),
                share(audience.members(), audience.customers()),
                audience.withoutOrders(),
                audience.membersWithoutOrders(),
                audience.anonymousQualifies(),
                audience.unknownGroups());
        LocalDate today = Dates.dateIn(now, store.timeZone());
        Cost cost = cost(store.currency(), facts, audience, terms, today.minusDays(WINDOW_DAYS), today);
        List<Warning> warnings = new ArrayList<>();
        if (reach.anonymousVisitorsQualify()) {
            warnings.add(Warning.ANONYMOUS_VISITORS_QUALIFY);
        }
        if (reach.membersWithoutOrders() > 0) {
            warnings.add(Warning.CUSTOMERS_WITHOUT_ORDERS_QUALIFY);
        }
        if (!reach.unknownGroups().isEmpty()) {
            warnings.add(Warning.UNKNOWN_GROUPS);
        }
        if (terms.validity().hasEnded(now)) {
            warnings.add(Warning.ALREADY_ENDED);
        }
        if (cost.costUnknownBecause() != null && !"no_discount".equals(cost.costUnknownBecause())) {
            warnings.add(Warning.COST_UNKNOWN);
        }
        return new Simulation(reach, cost, warnings);
    }

    static Cost cost(
            Currency currency,
            StoreFacts facts,
            OfferAudiences.Audience audience,
            OfferTerms terms,
            LocalDate from,
            LocalDate until) {
        int first = Math.toIntExact(from.toEpochDay());
        int end = Math.toIntExact(until.toEpochDay());
        long minimum = terms.minimumTotal() == null
                ? Long.MIN_VALUE
                : terms.minimumTotal().minor();
        int perCustomer = terms.perCustomerLimit() == null ? Integer.MAX_VALUE : terms.perCustomerLimit();
        int inWindow = 0;
        int belowMinimum = 0;
        int overCustomerLimit = 0;
        int taken = 0;
        int[] takenDay = new int[64];
        long[] takenBasket = new long[64];
        for (int row = 0; row < facts.rows(); row++) {
            boolean reached = audience.qualifies().get(row);
            int uses = 0;
            for (int o = facts.orderStart(row), last = facts.orderStart(row + 1); o < last; o++) {
                int day = facts.day(o);
                if (day < first || !facts.counted(o)) {
                    continue;
                }
                if (day >= end) {
                    break; // a customer's orders are sorted by day
                }
                inWindow++;
                if (!reached) {
                    continue;
                }
                long basket = facts.totalMinor(o);
                if (basket < minimum) {
                    belowMinimum++;
                } else if (uses >= perCustomer) {
                    overCustomerLimit++;
                } else {
                    uses++;
                    if (taken == takenDay.length) {
                        takenDay = Arrays.copyOf(takenDay, taken * 2);
                        takenBasket = Arrays.copyOf(takenBasket, taken * 2);
                    }
                    takenDay[taken] = day;
                    takenBasket[taken] = basket;
                    taken++;
                }
            }
        }
        int overUsageLimit = 0;
        int[] kept = null; // indexes of the taken orders the usage limit keeps, in day order
        if (terms.usageLimit() != null && taken > terms.usageLimit()) {
            long[] byDay = new long[taken];
            for (int i = 0; i < taken; i++) {
                byDay[i] = ((long) (takenDay[i] - first) << 32) | i; // stable: a day's orders in row order
            }
            Arrays.sort(byDay);
            kept = new int[terms.usageLimit()];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = (int) byDay[i];
            }
            overUsageLimit = taken - kept.length;
        }
        int qualifying = kept == null ? taken : kept.length;
        long basketSum = 0;
        long discountSum = 0;
        boolean priced = terms.discount().priced();
        long cap = terms.maximumDiscount() == null
                ? Long.MAX_VALUE
                : terms.maximumDiscount().minor();
        for (int k = 0; k < qualifying; k++) {
            long basket = takenBasket[kept == null ? k : kept[k]];
            basketSum = Math.addExact(basketSum, basket);
            if (priced) {
                discountSum = Math.addExact(discountSum, terms.discount().onMinor(basket, cap, currency));
            }
        }
        String unknownBecause = priced
                ? null
                : terms.discount() instanceof OfferDiscount.FreeShipping
                        ? "shipping_not_recorded"
                        : terms.discount() instanceof OfferDiscount.FreeItems ? "order_lines_not_read" : "no_discount";
        Money discount = priced ? Money.ofMinor(discountSum, currency) : null;
        Long validityDays = validityDays(terms);
        Money projected = discount == null || validityDays == null
                ? null
                : Money.ofMinor(
                        BigDecimal.valueOf(discountSum)
                                .multiply(BigDecimal.valueOf(validitySeconds(terms)))
                                .divide(BigDecimal.valueOf(WINDOW.toSeconds()), 0, RoundingMode.HALF_UP)
                                .longValueExact(),
                        currency);
        return new Cost(
                from,
                until,
                inWindow,
                qualifying,
                belowMinimum,
                overCustomerLimit,
                overUsageLimit,
                Money.ofMinor(basketSum, currency),
                discount,
                unknownBecause,
                validityDays,
                projected);
    }

    private static Long validityDays(OfferTerms terms) {
        if (terms.validity().from() == null || terms.validity().until() == null) {
            return null;
        }
        long seconds = validitySeconds(terms);
        return (seconds + 86_399) / 86_400;
    }

    private static long validitySeconds(OfferTerms terms) {
        return Duration.between(terms.validity().from(), terms.validity().until())
                .toSeconds();
    }

    /** {@code part} of {@code whole} in percent, half-up to one decimal; 0 when {@code whole} is 0. */
    static BigDecimal share(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static void requireCurrency(Currency currency, OfferTerms terms) {
        if (terms.minimumTotal() != null && !terms.minimumTotal().currency().equals(currency)
                || terms.maximumDiscount() != null
                        && !terms.maximumDiscount().currency().equals(currency)
                || terms.discount() instanceof OfferDiscount.AmountOff a
                        && !a.amount().currency().equals(currency)) {
            throw new IllegalArgumentException("an amount of the offer is not in the store's currency " + currency);
        }
    }
}
