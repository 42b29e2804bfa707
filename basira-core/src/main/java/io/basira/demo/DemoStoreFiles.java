package io.basira.demo;

import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The seven open CSV files of one demo store, row formats and the running id counters. Every id is
 * a prefix and a sequence number, unique within its file. Not thread-safe.
 */
final class DemoStoreFiles implements Closeable {

    private final Path folder;
    private final LocalTimes times;
    private final String currency;
    private final Map<CanonicalCsv, CsvFile> files = new EnumMap<>(CanonicalCsv.class);
    private long orderIds;
    private long cartIds;
    private long reviewIds;

    DemoStoreFiles(Path folder, LocalTimes times, String currency) throws IOException {
        this.folder = folder;
        this.times = times;
        this.currency = currency;
        try {
            for (CanonicalCsv file : CanonicalCsv.values()) {
                files.put(file, new CsvFile(folder.resolve(file.fileName()), file.columns()));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    String nextOrderId() {
        return "O" + (1_000_001 + orderIds++);
    }

    void product(Assortment.Item item) throws IOException {
        String category = AssortmentTemplates.CATEGORIES.get(item.category()).name();
        file(CanonicalCsv.PRODUCTS).row(item.id(), item.name(), category, MinorUnits.format(item.priceMinor()));
    }

    void customer(Shopper s) throws IOException {
        file(CanonicalCsv.CUSTOMERS)
                .row(
                        s.id(),
                        s.firstName(),
                        s.lastName(),
                        s.email(),
                        s.phone(),
                        s.gender(),
                        s.birthDate() == null ? null : LocalTimes.formatDate(s.birthDate()),
                        s.city(),
                        s.region(),
                        s.country(),
                        times.format(s.signup()),
                        String.join(";", s.tags()));
    }

    /** One orders.csv row; a {@code null} coupon, payment or shipping is written empty. */
    void order(
            String orderId,
            String customerId,
            long at,
            OrderStatus status,
            OrderDraft draft,
            String payment,
            String shipping)
            throws IOException {
        file(CanonicalCsv.ORDERS)
                .row(
                        orderId,
                        customerId,
                        times.format(at),
                        status.code(),
                        MinorUnits.format(draft.total()),
                        currency,
                        MinorUnits.format(draft.discount()),
                        draft.coupon(),
                        payment,
                        shipping);
    }

    void item(String orderId, OrderDraft.Line line) throws IOException {
        file(CanonicalCsv.ORDER_ITEMS)
                .row(
                        orderId,
                        line.product().id(),
                        Integer.toString(line.quantity()),
                        MinorUnits.format(line.unitPriceMinor()));
    }

    /** One carts.csv row; {@code customerId} null for an anonymous cart, {@code updatedAt} &lt; 0 for none. */
    void cart(String customerId, long createdAt, long updatedAt, long totalMinor, int items, CartStatus status)
            throws IOException {
        file(CanonicalCsv.CARTS)
                .row(
                        "CART" + (100_001 + cartIds++),
                        customerId,
                        times.format(createdAt),
                        updatedAt < 0 ? null : times.format(updatedAt),
                        MinorUnits.format(totalMinor),
                        Integer.toString(items),
                        status.code());
    }

    /** One reviews.csv row; {@code productId} null for a rating of the store. */
    void review(String customerId, String productId, int rating, long at) throws IOException {
        file(CanonicalCsv.REVIEWS)
                .row("R" + (100_001 + reviewIds++), customerId, productId, Integer.toString(rating), times.format(at));
    }

    void wish(String customerId, String productId, long at) throws IOException {
        file(CanonicalCsv.WISHLIST).row(customerId, productId, times.format(at));
    }

    DemoStoreSummary summary() {
        return new DemoStoreSummary(
                folder,
                rows(CanonicalCsv.CUSTOMERS),
                rows(CanonicalCsv.ORDERS),
                rows(CanonicalCsv.ORDER_ITEMS),
                rows(CanonicalCsv.PRODUCTS),
                rows(CanonicalCsv.CARTS),
                rows(CanonicalCsv.REVIEWS),
                rows(CanonicalCsv.WISHLIST));
    }

    private long rows(CanonicalCsv file) {
        return files.get(file).rows();
    }

    private CsvFile file(CanonicalCsv file) {
        return files.get(file);
    }

    /** Closes every file, even when one fails; the first failure is thrown. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
