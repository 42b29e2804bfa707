package io.basira.server.dashboard;

/**
 * What a dashboard request asks for. The dashboard's security chain (security.SecurityConfiguration) gives every
 * request exactly one of these to need, and {@link Role} says which roles hold it: together they are the one place
 * the dashboard's role rule is written (docs/dashboard.md, "Signing in").
 */
public enum Permission {
    /** Any {@code GET} or {@code HEAD}: pages, searches, exports, the checkout simulator. */
    READ,
    /** Any other request (a form, an htmx {@code POST}), except an import. */
    CHANGE,
    /** A request under {@code /import} that is not a read: uploading a store's data. */
    IMPORT;

    /** The Spring Security authority a signed-in user holds for it, {@code PERMISSION_CHANGE} etc. */
    public String authority() {
        return "PERMISSION_" + name();
    }
}
