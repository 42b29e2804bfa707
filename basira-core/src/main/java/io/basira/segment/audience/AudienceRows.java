package io.basira.segment.audience;

import io.basira.card.CustomerData;
import io.basira.index.CustomerIndex;
import io.basira.segment.ColumnUnits;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldColumn;
import io.basira.segment.SegmentField;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one customer's values into their row: each field that has a column of its own writes it, with
 * its writer bound once to the column ({@link FieldColumn#bind}). Values are those the single-customer
 * evaluator reads ({@link SegmentField#value}), in the column's unit.
 */
final class AudienceRows {

    private final ColumnUnits units;
    private final FieldColumn.BoundWriter[] writers;

    AudienceRows(CustomerIndex index, FieldCatalogue fields, ZoneId zone, int fractionDigits) {
        this.units = new ColumnUnits(zone, fractionDigits);
        List<FieldColumn.BoundWriter> bound = new ArrayList<>();
        for (SegmentField field : fields.all()) {
            if (field.column().written()) {
                bound.add(field.column().bind(index));
            }
        }
        this.writers = bound.toArray(new FieldColumn.BoundWriter[0]);
    }

    /** Replaces every value of {@code row} with the customer's. */
    void write(int row, CustomerData customer) {
        for (FieldColumn.BoundWriter writer : writers) {
            writer.write(row, customer, units);
        }
    }
}
