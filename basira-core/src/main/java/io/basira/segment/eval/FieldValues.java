package io.basira.segment.eval;

import io.basira.segment.SegmentField;

/**
 * The value of a {@link SegmentField} for one customer on one day, as rules compare it
 * ({@link SegmentField#value}: {@link java.math.BigDecimal} for numbers, money in major units;
 * {@link java.time.LocalDate} for dates and date-times in the store's zone; {@link String} for text and
 * enums; a set for tags and group; null when the customer has none). Shared by every engine so that all
 * read the customer the same way: the columnar index stores exactly these values, scaled.
 */
public final class FieldValues {

    private FieldValues() {}

    public static Object of(SegmentField field, CustomerProfile profile, EvaluationContext context) {
        return field.value(profile, context);
    }
}
