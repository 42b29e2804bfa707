package io.basira.server.sources.mapping;

import io.basira.commerce.Customer;
import io.basira.ingest.RecordBatch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one platform event becomes.
 *
 * @param recordKey the record the event is about ({@code order:1001}); null when {@link #ignored}
 * @param versionAt the platform's time of this version of that record: an older one is not applied
 * @param batch the records to write (empty for an ignored event or an order to cancel)
 * @param customersIfMissing customers embedded in the event (an order's, a cart's): written only when the
 *     store does not know them yet, so a customer's own events stay the authority on their attributes
 * @param cancelOrder an order id whose stored version is to be written again as {@code cancelled} (a platform's
 *     deletion, whose payload may carry nothing but the id); null otherwise
 * @param ignored why the event is acknowledged and recorded only (an event type Basira does not map); null otherwise
 * @param summary what the event is, for the inbox listing ({@code order 1001 (completed)})
 */
public record Mapped(
        String recordKey,
        Instant versionAt,
        RecordBatch batch,
        List<Customer> customersIfMissing,
        String cancelOrder,
        String ignored,
        String summary) {

    public Mapped {
        customersIfMissing = List.copyOf(customersIfMissing);
        if (ignored == null) {
            Objects.requireNonNull(recordKey, "recordKey");
            Objects.requireNonNull(versionAt, "versionAt");
        }
    }

    public static Mapped records(
            String recordKey, Instant versionAt, RecordBatch batch, List<Customer> embedded, String summary) {
        return new Mapped(recordKey, versionAt, batch, embedded, null, null, summary);
    }

    public static Mapped cancel(String orderId, Instant versionAt) {
        return new Mapped(
                "order:" + orderId,
                versionAt,
                new RecordBatch(),
                List.of(),
                orderId,
                null,
                "order " + orderId + " deleted on the platform (cancelled)");
    }

    public static Mapped ignore(String reason) {
        return new Mapped(null, null, new RecordBatch(), List.of(), null, reason, reason);
    }

    public boolean isIgnored() {
        return ignored != null;
    }
}
