package io.basira.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which coupon an order uses, from the season: WELCOME10 on first orders, RAMADAN20 in Ramadan,
 * WHITEFRIDAY around White Friday, NATIONALDAY94/95/... before 23 September, FOUNDINGDAY before
 * 22 February, otherwise now and then an evergreen or influencer code, or an automatic discount
 * without a code. {@code FREESHIP} carries no discount amount (free shipping is outside the order
 * total), so discount_share still counts it.
 */
final class SeasonalCoupons {

    /** A coupon: code (null for an automatic discount), percent off the subtotal and a cap in minor units. */
    record Coupon(String code, int percent, long capMinor) {
        long discountOn(long subtotal) {
            return Math.min(Math.min(capMinor, MinorUnits.percentOf(subtotal, percent)), subtotal);
        }
    }

    private static final Coupon WELCOME = new Coupon("WELCOME10", 10, 50_00);
    private static final Coupon RAMADAN = new Coupon("RAMADAN20", 20, 150_00);
    private static final Coupon WHITE_FRIDAY = new Coupon("WHITEFRIDAY", 30, 300_00);
    private static final Coupon FOUNDING_DAY = new Coupon("FOUNDINGDAY", 10, 80_00);
    private static final Coupon AUTOMATIC = new Coupon(null, 10, 100_00);
    private static final List<Coupon> EVERGREEN = List.of(
            new Coupon("SAVE15", 15, 100_00),
            new Coupon("FREESHIP", 0, 0),
            new Coupon("NOURA15", 15, 75_00),
            new Coupon("RAKAN10", 10, 50_00));

    private SeasonalCoupons() {}

    /**
     * The coupon of an order placed on {@code day}, or null for none. {@code keen} customers (coupon
     * hunters) use one about three times as often.
     */
    static Coupon choose(SplittableRandom random, LocalDate day, boolean firstOrder, boolean keen) {
        double chance = random.nextDouble() / (keen ? 3 : 1);
        if (firstOrder && chance < 0.30) {
            return WELCOME;
        }
        return switch (Occasion.on(day)) {
            case RAMADAN, RAMADAN_LAST_TEN -> chance < 0.35 ? RAMADAN : ordinary(random, chance);
            case WHITE_FRIDAY, WHITE_FRIDAY_WEEK -> chance < 0.45 ? WHITE_FRIDAY : ordinary(random, chance);
            case NATIONAL_DAY ->
                chance < 0.30
                        ? new Coupon("NATIONALDAY" + (day.getYear() - 1930), 15, 100_00)
                        : ordinary(random, chance);
            case FOUNDING_DAY -> chance < 0.25 ? FOUNDING_DAY : ordinary(random, chance);
            case NONE -> ordinary(random, chance);
        };
    }

    private static Coupon ordinary(SplittableRandom random, double chance) {
        if (chance < 0.07) {
            return EVERGREEN.get(random.nextInt(EVERGREEN.size()));
        }
        return chance < 0.11 ? AUTOMATIC : null;
    }
}
