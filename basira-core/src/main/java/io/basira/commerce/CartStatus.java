package io.basira.commerce;

import java.util.Locale;

/** A cart's life: open, abandoned (left without buying), recovered (came back after a reminder), converted. */
public enum CartStatus {
    OPEN,
    ABANDONED,
    RECOVERED,
    CONVERTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed codes */
    public static CartStatus fromCode(String code) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (CartStatus status : values()) {
            if (status.code().equals(normal)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown cart status '" + code + "', expected one of " + codes());
    }

    /** Every status's code, in order, separated by {@code ", "} (the accepted values an error lists). */
    public static String codes() {
        return java.util.Arrays.stream(values())
                .map(CartStatus::code)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
