package io.basira.server.sources.mapping;

/** A payload that cannot become canonical records; the message says what, where and why (it is parked with it). */
public final class Unmappable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Unmappable(String reason) {
        super(reason);
    }
}
