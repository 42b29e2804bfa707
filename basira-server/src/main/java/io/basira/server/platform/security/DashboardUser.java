package io.basira.server.platform.security;

import io.basira.shared.StoreId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A person who signs in to one store's dashboard. The e-mail is kept lower-case and is unique in the installation. */
public record DashboardUser(long id, StoreId store, String email, Role role) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public DashboardUser {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(role, "role");
        email = normalEmail(email);
    }

    /** The address trimmed and lower-cased. @throws IllegalArgumentException when it is not an address */
    public static String normalEmail(String email) {
        Objects.requireNonNull(email, "email");
        String normal = email.strip().toLowerCase(Locale.ROOT);
        if (normal.length() > 320 || !EMAIL.matcher(normal).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        return normal;
    }
}
