package io.basira.server.cards;

import io.basira.segment.FieldCatalogue;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Writes the customer export (README, docs/indicators.md): {@code customer_id} then the indicator
 * columns, one customer per line, sorted by customer id ({@link CardCsv}). The same bytes come from
 * the CLI, the API and the dashboard.
 */
public final class CustomerCsvExport {

    private final JdbcCustomerQueries customers;
    private final Clock clock;

    private final FieldCatalogue fields;

    /** An export with a column for every exported field of {@code fields}. */
    public CustomerCsvExport(JdbcCustomerQueries customers, Clock clock, FieldCatalogue fields) {
        this.customers = customers;
        this.clock = clock;
        this.fields = fields;
    }

    /** @return the number of customers written */
    public long write(Store store, Writer out) {
        LocalDate today = Dates.dateIn(clock.instant(), store.timeZone());
        return CardCsv.write(fields, store, today, sink -> customers.forEach(store.id(), sink), out);
    }
}
