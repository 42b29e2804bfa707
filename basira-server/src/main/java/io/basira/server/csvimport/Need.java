package io.basira.server.csvimport;

/** Whether a column's value must be present in a row (marked * in docs/import.md) or may be empty. */
enum Need {
    REQUIRED,
    OPTIONAL
}
