package io.basira.segment;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a field's value depends on besides the customer: today in the store's time zone, the zone in
 * which date-times become dates, and the minor-unit digits of the store's currency (money is read in
 * major units). {@code io.basira.segment.eval.EvaluationContext} is one.
 */
public interface FieldContext {

    /** Today in the store's zone; a value stored in an index column never depends on it. */
    LocalDate today();

    ZoneId zone();

    int currencyFractionDigits();
}
