package io.basira.loyalty;

import java.util.Locale;

/** How a program's points expire after {@code expiryMonths} (docs/loyalty.md, "Expiry"). */
public enum ExpiryKind {
    /** The whole available balance, {@code expiryMonths} months after the customer's last completed order. */
    INACTIVITY,
    /**
     * Each lot (the points of one positive entry), {@code expiryMonths} months after it became available; every
     * deduction spends the oldest lots first ({@link Lots}).
     */
    LOT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of this code; absent (null or blank) is {@link #INACTIVITY}, what programs saved before had. */
    public static ExpiryKind fromCode(String code) {
        if (code == null || code.isBlank()) {
            return INACTIVITY;
        }
        for (ExpiryKind kind : values()) {
            if (kind.code().equals(code.strip())) {
                return kind;
            }
        }
        throw new InvalidProgramException(
                "expiry_kind", "expiry_kind", "expiry_kind '" + code + "': expected inactivity or lot", code);
    }
}
