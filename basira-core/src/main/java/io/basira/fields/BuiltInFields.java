package io.basira.fields;

import io.basira.segment.FieldCatalogue;
import io.basira.segment.SegmentField;
import java.util.List;

/**
 * The core's rule fields: the card's indicators ({@link CardFields}), the customer's attributes
 * ({@link CustomerFields}), the analytics card fields ({@link AnalyticsCardFields}), then the language's
 * {@code tags} and {@code group}. A feature outside the core adds its own with
 * {@link FieldCatalogue#with}.
 */
public final class BuiltInFields {

    private static final FieldCatalogue CATALOGUE = FieldCatalogue.of(List.of(
            new CardFields(),
            new CustomerFields(),
            new AnalyticsCardFields(),
            () -> List.of(SegmentField.TAGS, SegmentField.GROUP)));

    private BuiltInFields() {}

    public static FieldCatalogue catalogue() {
        return CATALOGUE;
    }
}
