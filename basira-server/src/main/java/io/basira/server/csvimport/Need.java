package io.basira.server.csvimport;

/** Whether a column's value must be present in a row (the * of PRODUCT.md) or may be empty. */
enum Need {
    REQUIRED,
    OPTIONAL
}
