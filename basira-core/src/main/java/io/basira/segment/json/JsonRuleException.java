package io.basira.segment.json;

import io.basira.segment.InvalidRuleException;

/**
 * A rule in JSON form that cannot be read: {@code at $.all[1].value: total_spent takes a number ...}.
 * The path starts at {@code $}, the whole condition; {@code .key} enters an object, {@code [i]} a list.
 */
public final class JsonRuleException extends InvalidRuleException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public JsonRuleException(String path, String reason) {
        super("at " + path, reason);
        this.path = path;
    }

    /** The JSON path of the offending element, {@code $.all[1].value}. */
    public String path() {
        return path;
    }

    @Override
    public String where() {
        return "at " + path;
    }
}
