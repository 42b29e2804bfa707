package io.basira.commerce;

import java.util.Locale;

/** A cart's life: open, abandoned (left without buying), recovered (came back after a reminder), converted. */
public enum CartStatus {
    OPEN,
    ABANDONED,
    RECOVERED,
    CONVERTED;

    /** The codes, computed once: an import asks for them on every row. */
    private final String code = name().toLowerCase(Locale.ROOT);

    private static final CartStatus[] ALL = values();
    private static final String CODES =
            java.util.Arrays.stream(ALL).map(CartStatus::code).collect(java.util.stream.Collectors.joining(", "));

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the allowed codes */
    public static CartStatus fromCode(String code) {
        for (CartStatus status : ALL) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (CartStatus status : ALL) {
            if (status.code.equals(normal)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown cart status '" + code + "', expected one of " + codes());
    }

    /** Every status's code, in order, separated by {@code ", "} (the accepted values an error lists). */
    public static String codes() {
        return CODES;
    }
}
