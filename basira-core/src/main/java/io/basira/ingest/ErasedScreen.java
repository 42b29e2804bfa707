package io.basira.ingest;

import io.basira.commerce.Order;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which records of erased customers a write keeps (docs/privacy.md, "Tombstones"): an erased customer's own
 * records (the customer, carts, reviews, wishlist) are dropped, and their orders move to the pseudonym that holds
 * their de-identified orders, so a platform re-sending an old order updates the de-identified one and never
 * brings the person back. Counts what it dropped. Not thread-safe.
 */
public final class ErasedScreen {

    private final Function<String, String> pseudonyms;
    /** Each customer id looked up so far: its pseudonym, or "" when it was not erased (looked up once each). */
    private final Map<String, String> seen = new HashMap<>();

    private int dropped;

    /** @param pseudonyms an erased customer's pseudonym by id; null for one not erased */
    public ErasedScreen(Function<String, String> pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The pseudonym of the customer when they were erased, else null. */
    public String pseudonymOf(String customerId) {
        if (customerId == null) {
            return null;
        }
        String pseudonym = seen.computeIfAbsent(customerId, id -> {
            String found = pseudonyms.apply(id);
            return found == null ? "" : found;
        });
        return pseudonym.isEmpty() ? null : pseudonym;
    }

    /** Whether a record of this customer is kept (counted as dropped when not). */
    public boolean keepsRecordOf(String customerId) {
        boolean keeps = pseudonymOf(customerId) == null;
        if (!keeps) {
            dropped++;
        }
        return keeps;
    }

    /** The order, moved to the pseudonym when its customer was erased. */
    public Order order(Order order) {
        String pseudonym = pseudonymOf(order.customerExternalId());
        return pseudonym == null
                ? order
                : new Order(
                        order.externalId(),
                        pseudonym,
                        order.createdAt(),
                        order.status(),
                        order.total(),
                        order.discountTotal(),
                        order.couponCode(),
                        order.paymentMethod(),
                        order.shippingMethod());
    }

    /** The batch without the erased customers' own records, their orders moved; {@code batch} itself when it names none. */
    public RecordBatch screen(RecordBatch batch) {
        boolean names = false;
        for (String customer : batch.affectedCustomers()) {
            if (pseudonymOf(customer) != null) {
                names = true;
            }
        }
        if (!names) {
            return batch;
        }
        RecordBatch kept = new RecordBatch();
        batch.products().forEach(kept::add);
        batch.customers().stream().filter(c -> keepsRecordOf(c.externalId())).forEach(kept::add);
        batch.orders().stream().map(this::order).forEach(kept::add);
        batch.orderLines().forEach(kept::add);
        java.util.Set<String> keptCarts = new java.util.HashSet<>();
        batch.carts().stream()
                .filter(c -> keepsRecordOf(c.customerExternalId()))
                .forEach(c -> {
                    kept.add(c);
                    keptCarts.add(c.externalId());
                });
        batch.cartLines().stream()
                .filter(l -> keptCarts.contains(l.cartExternalId()))
                .forEach(kept::add);
        batch.reviews().stream()
                .filter(r -> keepsRecordOf(r.customerExternalId()))
                .forEach(kept::add);
        batch.wishlistItems().stream()
                .filter(w -> keepsRecordOf(w.customerExternalId()))
                .forEach(kept::add);
        return kept;
    }

    /** How many records were dropped. */
    public int dropped() {
        return dropped;
    }
}
