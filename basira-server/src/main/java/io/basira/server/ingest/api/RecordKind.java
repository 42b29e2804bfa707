package io.basira.server.ingest.api;

import io.basira.server.csvimport.CanonicalFile;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The record kinds of the write API, by their path segment ({@code /api/v1/orders}). */
enum RecordKind {
    CUSTOMERS("customers", CanonicalFile.CUSTOMERS),
    ORDERS("orders", CanonicalFile.ORDERS),
    ORDER_ITEMS("order-items", CanonicalFile.ORDER_ITEMS),
    PRODUCTS("products", CanonicalFile.PRODUCTS),
    CARTS("carts", CanonicalFile.CARTS),
    REVIEWS("reviews", CanonicalFile.REVIEWS),
    WISHLIST("wishlist", CanonicalFile.WISHLIST);

    private final String path;
    private final CanonicalFile file;

    RecordKind(String path, CanonicalFile file) {
        this.path = path;
        this.file = file;
    }

    CanonicalFile file() {
        return file;
    }

    static RecordKind ofPath(String path) {
        return Arrays.stream(values())
                .filter(kind -> kind.path.equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record kind '" + path + "'; one of "
                        + Arrays.stream(values()).map(k -> k.path).collect(Collectors.joining(", "))));
    }
}
