package io.basira.commerce;

/** Checks on the stores' own identifiers. */
final class Ids {

    static final int MAX_LENGTH = ColumnLengths.ID;

    private Ids() {}

    static String requireExternalId(String id, String column) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(column + " is required");
        }
        return ColumnLengths.check(id, column);
    }

    /** An optional reference to another record: null passes, anything else must be a valid id. */
    static String optionalExternalId(String id, String column) {
        return id == null ? null : ColumnLengths.check(id, column);
    }
}
