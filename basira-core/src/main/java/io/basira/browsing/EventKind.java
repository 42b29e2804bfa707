package io.basira.browsing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the snippet saw: its code is what the snippet sends and what {@code browsing_events.kind} stores. */
public enum EventKind {
    /** A page was shown ({@code path}). */
    PAGE,
    /** A product's page was shown ({@code product}, optionally {@code category}). */
    PRODUCT,
    /** A product was put in the cart ({@code product}). */
    CART,
    /** A search was made ({@code query}). */
    SEARCH,
    /** The shopper logged in or ordered: the visitor is the store's customer {@code customer}. */
    IDENTIFY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a code, or null for none. */
    public static EventKind ofCode(String code) {
        for (EventKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }

    public static String codes() {
        return Arrays.stream(values()).map(EventKind::code).collect(Collectors.joining(", "));
    }
}
