package io.basira.server.platform.security;

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
    IMPORT,
    /**
     * A customer's personal data leaving the store or going for good, and who saw what: a customer's privacy
     * export and erasure ({@code /customers/{id}/privacy-export}, {@code /customers/{id}/erase}) and the audit log
     * ({@code /audit}); docs/privacy.md.
     */
    PRIVACY;

    /** The Spring Security authority a signed-in user holds for it, {@code PERMISSION_CHANGE} etc. */
    public String authority() {
        return "PERMISSION_" + name();
    }
}
