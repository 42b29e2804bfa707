package io.basira.loyalty;

import java.util.List;

/**
 * A program value refused, with what a page needs to say it in the reader's language: the {@code field} (its
 * API name, {@code earn_points}), a {@code code} ({@code range}, {@code tier_twice}, {@code tier_same_threshold},
 * {@code free_product_needs_id}, {@code too_many_tiers}, {@code multiplier_decimals}, {@code whole_points},
 * {@code starts_at}) and its {@code arguments}; the message is the API's English sentence.
 */
public final class InvalidProgramException extends IllegalArgumentException {

    private final String field;
    private final String code;
    private final List<Object> arguments;

    public InvalidProgramException(String field, String code, String message, Object... arguments) {
        super(message);
        this.field = field;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
