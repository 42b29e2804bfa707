package io.basira.browsing;

import io.basira.shared.TextRules;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of the snippet, as stored. {@code visitorId} and {@code sessionId} are the snippet's
 * first-party ids (8 to 64 of {@code A-Z a-z 0-9 - _}); {@code occurredAt} is when Basira received it (the
 * browser's clock is not trusted). {@code path} (at most {@value #PATH_LENGTH}) is any event's page;
 * {@code productId} is required by {@link EventKind#PRODUCT} and {@link EventKind#CART}, {@code query} by
 * {@link EventKind#SEARCH}, {@code customerId} by {@link EventKind#IDENTIFY} (and kept only there).
 * Refused with a {@link RefusedEvent} naming the field and its {@link Refusal}.
 */
public record BrowsingEvent(
        EventKind kind,
        String visitorId,
        String sessionId,
        Instant occurredAt,
        String path,
        String productId,
        String category,
        String query,
        String customerId) {

    public static final int PATH_LENGTH = 500;
    public static final int ID_LENGTH = 128;
    public static final int CATEGORY_LENGTH = 100;
    public static final int QUERY_LENGTH = 200;

    public BrowsingEvent {
        if (kind == null) {
            throw new RefusedEvent(Refusal.UNKNOWN_KIND, "kind must be one of " + EventKind.codes());
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireId(visitorId, "visitor");
        requireId(sessionId, "session");
        path = text(path, "path", PATH_LENGTH);
        productId = text(productId, "product", ID_LENGTH);
        category = text(category, "category", CATEGORY_LENGTH);
        query = text(query, "query", QUERY_LENGTH);
        customerId = kind == EventKind.IDENTIFY ? text(customerId, "customer", ID_LENGTH) : null;
        if ((kind == EventKind.PRODUCT || kind == EventKind.CART) && productId == null) {
            throw missing(kind, "product");
        }
        if (kind == EventKind.SEARCH && query == null) {
            throw missing(kind, "query");
        }
        if (kind == EventKind.IDENTIFY && customerId == null) {
            throw missing(kind, "customer");
        }
    }

    private static RefusedEvent missing(EventKind kind, String field) {
        return new RefusedEvent(Refusal.MISSING_FIELD, "a " + kind.code() + " event needs '" + field + "'");
    }

    private static void requireId(String id, String field) {
        boolean good = id != null && id.length() >= 8 && id.length() <= 64;
        for (int i = 0; good && i < id.length(); i++) {
            char c = id.charAt(i);
            good = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
        }
        if (!good) {
            throw new RefusedEvent(Refusal.BAD_ID, "'" + field + "' must be 8 to 64 letters, digits, '-' or '_'");
        }
    }

    /** Blank is absent; otherwise one line of at most {@code max} characters. */
    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = TextRules.lineProblem(value, max);
        if (problem != null) {
            throw new RefusedEvent(Refusal.BAD_TEXT, "'" + field + "' " + problem);
        }
        return value;
    }
}
