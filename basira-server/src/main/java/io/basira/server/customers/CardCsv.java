package io.basira.server.customers;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.card.CardColumns;
import io.basira.card.CustomerSnapshot;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Customer cards as CSV, the one writer of every card export: the header {@code customer_id} then the
 * indicators of docs/indicators.md ({@link CardColumns}), one customer per line in the order given,
 * the customer id made spreadsheet-safe ({@link SpreadsheetSafe#cardRow}). The customer export (API,
 * CLI, dashboard) and the dashboard's group export write through it.
 */
public final class CardCsv {

    private CardCsv() {}

    /**
     * Writes the header and a row for each customer {@code customers} hands to its sink, with the
     * indicators as of {@code today} in the store's currency and zone; flushes {@code out}.
     *
     * @return the number of customers written
     */
    public static long write(Store store, LocalDate today, Consumer<Consumer<CustomerSnapshot>> customers, Writer out) {
        CsvWriter csv = SpreadsheetCsv.writer(out);
        csv.writeRecord(CardColumns.header());
        long[] count = {0};
        customers.accept(snapshot -> {
            csv.writeRecord(SpreadsheetSafe.cardRow(CardColumns.row(snapshot.customer().externalId(), snapshot.card(),
                    store.currency(), today, store.timeZone())));
            count[0]++;
        });
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }
}
