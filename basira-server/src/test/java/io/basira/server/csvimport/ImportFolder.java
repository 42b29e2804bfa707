package io.basira.server.csvimport;

import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;

/**
 * An import folder written by a test, file by file, and read with the demo store (SAR,
 * Asia/Riyadh). A file's text is given with {@code \n} line ends.
 */
final class ImportFolder {

    static final Store DEMO =
            new Store(new StoreId(1), "demo", "Demo", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    static final String CUSTOMERS_HEADER = "customer_id,first_name,city,country,gender,created_at,tags\n";
    static final String ONE_CUSTOMER = CUSTOMERS_HEADER + "C-1,Sara,Riyadh,SA,female,2024-01-05,vip\n";
    static final String ORDERS_HEADER = "order_id,customer_id,created_at,status,total,currency\n";

    private final Path folder;
    final CollectingSink sink = new CollectingSink();

    private ImportFolder(Path folder) {
        this.folder = folder;
    }

    static ImportFolder in(Path folder) {
        return new ImportFolder(folder);
    }

    /** A folder of test resources, under {@code src/test/resources/csvimport/}. */
    static ImportFolder resource(String name) {
        try {
            return new ImportFolder(
                    Path.of(ImportFolder.class.getResource("/csvimport/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportFolder with(String file, String text) {
        return withBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    ImportFolder withBytes(String file, byte[] bytes) {
        try {
            Files.write(folder.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A valid customers.csv with customer C-1 and the given orders.csv. */
    ImportFolder withOrders(String ordersAfterHeader) {
        return with("customers.csv", ONE_CUSTOMER).with("orders.csv", ORDERS_HEADER + ordersAfterHeader);
    }

    ImportReport read() {
        return read(KnownRecords.none());
    }

    ImportReport read(KnownRecords known) {
        return new CanonicalFolderReader().read(folder, DEMO, known, sink, ImportProgress.none());
    }

    Path path() {
        return folder;
    }
}
