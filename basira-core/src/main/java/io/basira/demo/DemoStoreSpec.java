package io.basira.demo;

import io.basira.shared.Store;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Objects;

/**
 * What demo store to generate: how many customers and orders, over which period, from which seed.
 *
 * <p>The same spec always gives byte-identical files. Nothing depends on the current date: the store
 * looks as it would at midnight after {@code end} (its "as of" moment), in {@code timeZone}.
 *
 * @param seed the seed of every random choice
 * @param customers number of customers, at least 1
 * @param orders exact number of orders to write, at least 0 (the generator hits it exactly)
 * @param start first day of activity, inclusive
 * @param end last day of activity, inclusive; at least 7 days after {@code start}
 * @param currency the store's currency; must have 2 decimals (SAR, AED, QAR, USD ...)
 * @param timeZone the store's time zone; times are written with its offset
 */
public record DemoStoreSpec(
        long seed, int customers, long orders, LocalDate start, LocalDate end, Currency currency, ZoneId timeZone) {

    /** The fixed default end of activity, so that default output never depends on today's date. */
    public static final LocalDate DEFAULT_END = LocalDate.of(2026, 3, 31);
    /** Default seed: the year of the first Saudi state, for the record. */
    public static final long DEFAULT_SEED = 1727L;

    public static final int DEFAULT_CUSTOMERS = 2_000;
    /** Average orders per customer when only the number of customers is given. */
    public static final double DEFAULT_ORDERS_PER_CUSTOMER = 2.5;

    private static final long MAX_ORDERS_PER_CUSTOMER = 10_000;

    public DemoStoreSpec {
        if (customers < 1) {
            throw new IllegalArgumentException("a demo store needs at least 1 customer, got " + customers);
        }
        if (orders < 0) {
            throw new IllegalArgumentException("orders cannot be negative, got " + orders);
        }
        if (orders > MAX_ORDERS_PER_CUSTOMER * customers) {
            throw new IllegalArgumentException("at most " + MAX_ORDERS_PER_CUSTOMER + " orders per customer: " + orders
                    + " orders for " + customers + " customers");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timeZone, "timeZone");
        if (ChronoUnit.DAYS.between(start, end) < 7) {
            throw new IllegalArgumentException(
                    "the period " + start + " .. " + end + " must span at least a week, end after start");
        }
        if (currency.getDefaultFractionDigits() != 2) {
            throw new IllegalArgumentException("demo prices have 2 decimals; currency " + currency.getCurrencyCode()
                    + " has " + currency.getDefaultFractionDigits());
        }
    }

    /**
     * The store the run command loads on first start: {@value #DEFAULT_CUSTOMERS} customers, 5,000 orders,
     * the two years up to {@link #DEFAULT_END}, SAR, Asia/Riyadh.
     */
    public static DemoStoreSpec defaults() {
        return new DemoStoreSpec(
                DEFAULT_SEED,
                DEFAULT_CUSTOMERS,
                defaultOrders(DEFAULT_CUSTOMERS),
                DEFAULT_END.minusYears(2).plusDays(1),
                DEFAULT_END,
                Store.DEFAULT_CURRENCY,
                Store.DEFAULT_TIME_ZONE);
    }

    /** {@code customers} customers and, scaled with them, {@value #DEFAULT_ORDERS_PER_CUSTOMER} orders each. */
    public DemoStoreSpec withCustomers(int customers) {
        return new DemoStoreSpec(seed, customers, defaultOrders(customers), start, end, currency, timeZone);
    }

    /** Exactly {@code orders} orders; call after {@link #withCustomers(int)}, which resets the count. */
    public DemoStoreSpec withOrders(long orders) {
        return new DemoStoreSpec(seed, customers, orders, start, end, currency, timeZone);
    }

    public DemoStoreSpec withSeed(long seed) {
        return new DemoStoreSpec(seed, customers, orders, start, end, currency, timeZone);
    }

    /** Activity from {@code start} to {@code end}, both inclusive. */
    public DemoStoreSpec withPeriod(LocalDate start, LocalDate end) {
        return new DemoStoreSpec(seed, customers, orders, start, end, currency, timeZone);
    }

    /** Number of days of activity, both ends included. */
    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(start, end) + 1);
    }

    private static long defaultOrders(int customers) {
        return Math.round(customers * DEFAULT_ORDERS_PER_CUSTOMER);
    }
}
