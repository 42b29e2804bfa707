package io.basira.server.importing;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.server.platform.csv.SpreadsheetCsv;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code basira export order-items}: a store's order lines as the canonical {@code order_items.csv}
 * (docs/import.md), so an export imports back unchanged. A unit price is written exactly as the shop set it
 * ({@code 0.001}), a price within minor units with the currency's decimals ({@code 45.00}). Streams the rows,
 * ordered by order and line number.
 */
public final class OrderItemsCsvExport {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;

    public OrderItemsCsvExport(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** Writes the store's order lines to {@code out}. @return how many lines */
    public long write(Store store, Writer out) {
        CsvWriter csv = SpreadsheetCsv.writer(out);
        csv.writeRecord("order_id", "product_id", "quantity", "unit_price");
        AtomicLong count = new AtomicLong();
        jdbc.query(
                "SELECT order_external_id, product_external_id, quantity, unit_price_minor, unit_price_exact "
                        + "FROM order_lines WHERE store_id = ? ORDER BY order_external_id, line_no",
                rs -> {
                    BigDecimal exact = rs.getBigDecimal("unit_price_exact");
                    BigDecimal price = exact != null
                            ? exact.stripTrailingZeros()
                            : Money.ofMinor(rs.getLong("unit_price_minor"), store.currency())
                                    .toDecimal();
                    csv.writeRecord(
                            SpreadsheetCsv.cell(rs.getString("order_external_id")),
                            SpreadsheetCsv.cell(rs.getString("product_external_id")),
                            String.valueOf(rs.getInt("quantity")),
                            SpreadsheetCsv.cell(price));
                    count.incrementAndGet();
                },
                store.id().value());
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count.get();
    }
}
