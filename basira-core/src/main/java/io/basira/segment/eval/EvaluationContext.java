package io.basira.segment.eval;

import io.basira.segment.FieldContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a rule needs besides the customer: today's date in the store's time zone (or the as-of date of
 * an analysis), the zone in which date-times become dates, and the number of minor-unit digits of the
 * store's currency (2 for SAR), so that money compares in major units.
 */
public record EvaluationContext(LocalDate today, ZoneId zone, int currencyFractionDigits) implements FieldContext {
    public EvaluationContext {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(zone, "zone");
        if (currencyFractionDigits < 0 || currencyFractionDigits > 6) {
            throw new IllegalArgumentException("currency fraction digits must be 0-6, not " + currencyFractionDigits);
        }
    }
}
