package io.basira.segment.audience;

import io.basira.index.ColumnSpec;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldColumn;
import io.basira.segment.SegmentField;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an {@link IndexedAudience}'s index: one for each field of the catalogue that writes a
 * column of its own ({@link FieldColumn#written()}), of the kind and in the unit its {@link FieldColumn}
 * declares (counts as is, money in minor units, decimals scaled to whole numbers, dates and date-times as
 * epoch days in the store's zone, text and enums dictionary-encoded, tags as a tag column). Fields computed
 * from today read another field's column ({@code age} reads {@code birth_date},
 * {@code days_since_last_purchase} reads {@code last_purchase_at}); group membership has none.
 */
final class AudienceColumns {

    private AudienceColumns() {}

    /** Every column the catalogue's fields write, in catalogue order. */
    static List<ColumnSpec> specs(FieldCatalogue fields) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (SegmentField field : fields.all()) {
            FieldColumn column = field.column();
            if (column.written()) {
                specs.add(new ColumnSpec(column.name(), column.kind()));
            }
        }
        return specs;
    }
}
