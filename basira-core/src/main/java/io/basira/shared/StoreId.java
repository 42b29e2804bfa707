package io.basira.shared;

/** The database identity of a store (tenant). Every record and every query is scoped by one. */
public record StoreId(long value) {

    public StoreId {
        if (value <= 0) {
            throw new IllegalArgumentException("a store id is positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
