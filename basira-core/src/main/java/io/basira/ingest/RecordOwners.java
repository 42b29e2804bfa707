package io.basira.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The customer each existing cart and review of a store belonged to when an import began: a
 * record that the import writes again for another customer leaves that customer's card too. Read
 * once, inside the import's transaction, after it took the store; records the import itself
 * creates need no entry (both of their customers are named in the import).
 *
 * <p>Orders are not held here: {@link IngestRecords#write} reads the stored version of each order
 * of a chunk by key (it hands them to the {@link WriteParticipant}s as before-images), which names
 * the earlier customer too, without holding every order of a large store in memory.
 */
public final class RecordOwners {

    /** A store without records, or one being created. */
    public static final RecordOwners NONE = new RecordOwners(Map.of(), Map.of());

    private final Map<String, String> carts;
    private final Map<String, String> reviews;

    /** Maps of record id to customer id; carts of anonymous visitors are left out. */
    public RecordOwners(Map<String, String> carts, Map<String, String> reviews) {
        this.carts = carts;
        this.reviews = reviews;
    }

    /** The customers the batch's carts and reviews belonged to before the import. */
    public Set<String> of(RecordBatch batch) {
        Set<String> owners = new LinkedHashSet<>();
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
