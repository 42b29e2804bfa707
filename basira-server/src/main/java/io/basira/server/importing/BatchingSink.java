package io.basira.server.importing;

import io.basira.commerce.Cart;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.LineReplacement;
import io.basira.ingest.RecordBatch;
import io.basira.ingest.RecordOwners;
import io.basira.server.csvimport.RecordSink;
import io.basira.shared.StoreId;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the records of an import in batches of {@value #BATCH_SIZE}, flushing at every file's end so
 * the next file's references find their rows, and remembers every customer whose card must be refreshed.
 */
final class BatchingSink implements RecordSink {

    static final int BATCH_SIZE = 5_000;

    private final IngestRecords ingest;
    private final StoreId store;
    private final RecordBatch batch = new RecordBatch();
    private final LineReplacement lines = new LineReplacement();
    private final Set<String> affected = new HashSet<>();
    private final RecordOwners owners;

    BatchingSink(IngestRecords ingest, StoreId store, RecordOwners owners) {
        this.ingest = ingest;
        this.store = store;
        this.owners = owners;
    }

    Set<String> affectedCustomers() {
        return affected;
    }

    @Override
    public void product(Product product) {
        add(() -> batch.add(product));
    }

    @Override
    public void customer(Customer customer) {
        add(() -> batch.add(customer));
    }

    @Override
    public void order(Order order) {
        add(() -> batch.add(order));
    }

    @Override
    public void orderLine(OrderLine line) {
        add(() -> batch.add(line));
    }

    @Override
    public void cart(Cart cart) {
        add(() -> batch.add(cart));
    }

    @Override
    public void review(Review review) {
        add(() -> batch.add(review));
    }

    @Override
    public void wishlistItem(WishlistItem item) {
        add(() -> batch.add(item));
    }

    @Override
    public void fileDone(String file) {
        flush();
    }

    private void add(Runnable adding) {
        adding.run();
        if (batch.size() >= BATCH_SIZE) {
            flush();
        }
    }

    void flush() {
        if (batch.isEmpty()) {
            return;
        }
        affected.addAll(ingest.write(store, batch, lines, owners));
        batch.clear();
    }
}
