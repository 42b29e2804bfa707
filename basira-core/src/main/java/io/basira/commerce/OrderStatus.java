package io.basira.commerce;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The canonical order statuses of docs/import.md (orders.csv); platform statuses are mapped onto these. */
public enum OrderStatus {
    /** A price-quote request: never counted. */
    QUOTATION,
    /** Awaiting payment or review. */
    PENDING,
    /** Paid and in progress: preparing, shipped, delivering. */
    PROCESSING,
    /** Delivered or fulfilled. */
    COMPLETED,
    CANCELLED,
    /** Returned or refunded. */
    RETURNED;

    /** The codes, computed once: an import asks for them on every row (about 7 % of its reading CPU). */
    private final String code = name().toLowerCase(Locale.ROOT);

    private static final OrderStatus[] ALL = values();
    private static final String CODES =
            Arrays.stream(ALL).map(OrderStatus::code).collect(Collectors.joining(", "));

    /** Whether an order in this status counts towards order_count, total_spent and first_order_at. */
    public boolean isCounted() {
        return this == PENDING || this == PROCESSING || this == COMPLETED;
    }

    public String code() {
        return code;
    }

    /**
     * The status named by its canonical code ({@code completed}); case and surrounding spaces are
     * ignored.
     *
     * @throws IllegalArgumentException naming the allowed codes
     */
    public static OrderStatus fromCode(String code) {
        for (OrderStatus status : ALL) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (OrderStatus status : ALL) {
            if (status.code.equals(normal)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + code + "', expected one of " + codes());
    }

    /** Every status's code, in order, separated by {@code ", "} (the accepted values an error lists). */
    public static String codes() {
        return CODES;
    }
}
