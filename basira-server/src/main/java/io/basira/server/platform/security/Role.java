package io.basira.server.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a dashboard user may do (docs/dashboard.md, "Signing in"): the {@link Permission}s each role holds. Owners do
 * everything, including importing data and (later) managing users; marketers read and change groups, policies and
 * campaigns; support agents only read. The security chain refuses a request whose permission the user's role does
 * not hold, and pages ask {@link #may} to hide what would be refused: no other code looks at a role.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    MARKETER(EnumSet.of(Permission.READ, Permission.CHANGE)),
    SUPPORT(EnumSet.of(Permission.READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    /** Whether a user of this role may do what {@code permission} allows. */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role's authority and one authority per permission it holds ({@link Permission#authority()}). */
    public List<String> authorities() {
        return Stream.concat(Stream.of(authority()), permissions.stream().map(Permission::authority))
                .toList();
    }

    /** The Spring Security authority, {@code ROLE_OWNER} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The stored and printed form: {@code owner}, {@code marketer}, {@code support}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
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
