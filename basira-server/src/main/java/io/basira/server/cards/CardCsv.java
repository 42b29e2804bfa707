package io.basira.server.cards;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.card.CustomerSnapshot;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.SegmentField;
import io.basira.segment.eval.EvaluationContext;
import io.basira.server.platform.csv.SpreadsheetCsv;
import io.basira.server.platform.csv.SpreadsheetSafe;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Customer cards as CSV, the one writer of every card export: the header {@code customer_id} then the
 * exported fields of the catalogue (the indicators of docs/indicators.md, as {@link io.basira.card.CardColumns}
 * writes them; a feature's exported fields after them), one customer per line in the order given,
 * the customer id made spreadsheet-safe ({@link SpreadsheetSafe#cardRow}). The customer export (API,
 * CLI, dashboard) and the dashboard's group export write through it.
 */
public final class CardCsv {

    private CardCsv() {}

    /**
     * Writes the header and a row for each customer {@code customers} hands to its sink, with a column for
     * every exported field of {@code fields}, as of {@code today} in the store's currency and zone; flushes
     * {@code out}.
     *
     * @return the number of customers written
     */
    public static long write(
            FieldCatalogue fields,
            Store store,
            LocalDate today,
            Consumer<Consumer<CustomerSnapshot>> customers,
            Writer out) {
        CsvWriter csv = SpreadsheetCsv.writer(out);
        List<SegmentField> exported = fields.exported();
        csv.writeRecord(header(exported));
        EvaluationContext context =
                new EvaluationContext(today, store.timeZone(), Money.fractionDigits(store.currency()));
        long[] count = {0};
        customers.accept(snapshot -> {
            csv.writeRecord(SpreadsheetSafe.cardRow(row(exported, snapshot, context)));
            count[0]++;
        });
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** {@code customer_id}, then the exported fields' names. */
    static List<String> header(List<SegmentField> exported) {
        List<String> names = new ArrayList<>(exported.size() + 1);
        names.add("customer_id");
        exported.forEach(field -> names.add(field.fieldName()));
        return names;
    }

    /** The customer's id, then each exported field's text ({@link SegmentField#exportText}). */
    static List<String> row(List<SegmentField> exported, CustomerSnapshot snapshot, EvaluationContext context) {
        List<String> values = new ArrayList<>(exported.size() + 1);
        values.add(snapshot.customer().externalId());
        exported.forEach(field -> values.add(field.exportText(snapshot, context)));
        return values;
    }
}
