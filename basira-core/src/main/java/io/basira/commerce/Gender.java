package io.basira.commerce;

import java.util.Locale;

/** A customer's gender as the store recorded it; absent (null) when the store does not know. */
public enum Gender {
    MALE,
    FEMALE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code male} or {@code female}, any case. @throws IllegalArgumentException otherwise */
    public static Gender fromCode(String code) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return switch (normal) {
            case "male" -> MALE;
            case "female" -> FEMALE;
            default ->
                throw new IllegalArgumentException("unknown gender '" + code + "', expected male, female or empty");
        };
    }
}
