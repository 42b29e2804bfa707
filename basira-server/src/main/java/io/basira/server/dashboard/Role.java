package io.basira.server.dashboard;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a dashboard user may do (docs/dashboard.md, "Signing in"). Owners do everything, including importing data and
 * (later) managing users; marketers change groups, policies and campaigns; support agents only read.
 */
public enum Role {
    OWNER,
    MARKETER,
    SUPPORT;

    /** The Spring Security authority, {@code ROLE_OWNER} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The stored and printed form: {@code owner}, {@code marketer}, {@code support}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role may import a store's data. */
    public boolean canImport() {
        return this == OWNER;
    }

    /** @throws IllegalArgumentException naming the allowed roles */
    public static Role of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + code + "'; roles: "
                    + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
        }
    }
}
