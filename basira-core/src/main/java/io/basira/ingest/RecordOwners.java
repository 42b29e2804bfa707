package io.basira.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The customer each existing order, cart and review of a store belonged to when an import began:
 * a record that the import writes again for another customer leaves that customer's card too.
 * Read once, inside the import's transaction, after it took the store; records the import itself
 * creates need no entry (both of their customers are named in the import).
 */
public final class RecordOwners {

    /** A store without records, or one being created. */
    public static final RecordOwners NONE = new RecordOwners(Map.of(), Map.of(), Map.of());

    private final Map<String, String> orders;
    private final Map<String, String> carts;
    private final Map<String, String> reviews;

    /** Maps of record id to customer id; carts of anonymous visitors are left out. */
    public RecordOwners(Map<String, String> orders, Map<String, String> carts, Map<String, String> reviews) {
        this.orders = orders;
        this.carts = carts;
        this.reviews = reviews;
    }

    /** The customers the batch's orders, carts and reviews belonged to before the import. */
    public Set<String> of(RecordBatch batch) {
        Set<String> owners = new LinkedHashSet<>();
        batch.orders().forEach(o -> addOwner(orders, o.externalId(), owners));
        batch.carts().forEach(c -> addOwner(carts, c.externalId(), owners));
        batch.reviews().forEach(r -> addOwner(reviews, r.externalId(), owners));
        return owners;
    }

    private static void addOwner(Map<String, String> owners, String recordId, Set<String> into) {
        String owner = owners.get(recordId);
        if (owner != null) {
            into.add(owner);
        }
    }
}
