package io.basira.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The units of a store's index columns, which a field's column writer converts its value into: date-times
 * become the epoch day of their date in the store's zone (exactly as {@link io.basira.shared.Dates#dateIn}
 * reads them), money is in the currency's minor units. A stored column never depends on today, so
 * {@link #today()} refuses.
 */
public final class ColumnUnits implements FieldContext {

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final ZoneRules zoneRules;
    private final int fractionDigits;

    public ColumnUnits(ZoneId zone, int currencyFractionDigits) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.zoneRules = zone.getRules();
        this.fractionDigits = currencyFractionDigits;
    }

    @Override
    public LocalDate today() {
        throw new IllegalStateException("a value stored in an index column cannot depend on today");
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public int currencyFractionDigits() {
        return fractionDigits;
    }

    /** The epoch day of the instant's date in the store's zone (local seconds, floored to days). */
    public long epochDay(Instant instant) {
        long local = instant.getEpochSecond() + zoneRules.getOffset(instant).getTotalSeconds();
        return Math.floorDiv(local, SECONDS_PER_DAY);
    }

    /** {@code value * 10^scale} as an exact long; throws when the value has more decimals than the scale. */
    public static long scaled(BigDecimal value, int scale) {
        return value.setScale(scale).unscaledValue().longValueExact();
    }
}
