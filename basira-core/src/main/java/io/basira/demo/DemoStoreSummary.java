package io.basira.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link DemoStoreGenerator#write} wrote: the folder and the number of data rows of each file. */
public record DemoStoreSummary(
        Path folder,
        long customers,
        long orders,
        long orderItems,
        long products,
        long carts,
        long reviews,
        long wishlistItems) {

    /** Data rows (header excluded) per file name, in the order the files are listed in docs/import.md. */
    public Map<String, Long> rowsPerFile() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(CanonicalCsv.CUSTOMERS.fileName(), customers);
        rows.put(CanonicalCsv.ORDERS.fileName(), orders);
        rows.put(CanonicalCsv.ORDER_ITEMS.fileName(), orderItems);
        rows.put(CanonicalCsv.PRODUCTS.fileName(), products);
        rows.put(CanonicalCsv.CARTS.fileName(), carts);
        rows.put(CanonicalCsv.REVIEWS.fileName(), reviews);
        rows.put(CanonicalCsv.WISHLIST.fileName(), wishlistItems);
        return rows;
    }
}
