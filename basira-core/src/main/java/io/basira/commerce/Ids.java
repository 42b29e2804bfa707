package io.basira.commerce;

/** Checks on the stores' own identifiers. */
final class Ids {

    static final int MAX_LENGTH = 128;

    private Ids() {}

    static String requireExternalId(String id, String column) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(column + " is required");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(column + " is longer than " + MAX_LENGTH + " characters");
        }
        return id;
    }
}
