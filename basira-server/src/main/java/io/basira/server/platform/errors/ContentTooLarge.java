package io.basira.server.platform.errors;

/**
 * A request larger than a documented limit (README, "Limits"): answered 413 with the limit, before
 * anything was applied.
 */
public final class ContentTooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    /**
     * @param message what was too large and what to do, e.g. "a bulk request holds at most 10000 records"
     * @param limit the limit that was passed, as shown in the problem ({@code 10000 lines}, {@code 1MB})
     */
    public ContentTooLarge(String message, String limit) {
        super(message);
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }
}
