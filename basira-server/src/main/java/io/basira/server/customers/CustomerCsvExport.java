package io.basira.server.customers;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.basira.card.CardColumns;
import io.basira.server.jdbc.JdbcCustomerQueries;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Writes the customer export (README, docs/indicators.md): {@code customer_id} then the indicator
 * columns of PRODUCT.md §2, one customer per line, sorted by customer id. The same bytes come from
 * the CLI and the API.
 */
public final class CustomerCsvExport {

    private final JdbcCustomerQueries customers;
    private final Clock clock;

    public CustomerCsvExport(JdbcCustomerQueries customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** @return the number of customers written */
    public long write(Store store, Writer out) {
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(CardColumns.header());
        long[] count = {0};
        customers.forEach(store.id(), snapshot -> {
            csv.writeRecord(SpreadsheetSafe.cardRow(CardColumns.row(snapshot.customer().externalId(), snapshot.card(),
                    store.currency(), today, store.timeZone())));
            count[0]++;
        });
        try {
            csv.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return count[0];
    }
}
