package io.basira.server.platform.security;

import io.basira.shared.StoreId;
import java.security.SecureRandom;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Use case: give a person access to a store's dashboard. The password is generated here (20
 * characters from a 55-character alphabet without look-alikes, about 115 bits), returned once to be
 * handed over, and stored only as a hash.
 */
public final class AddDashboardUser {

    /** The user just created and the only copy of its password. */
    public record Added(DashboardUser user, String password) {}

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    private final JdbcDashboardUsers users;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    public AddDashboardUser(JdbcDashboardUsers users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** @throws IllegalArgumentException when the address is not one or is already taken */
    public Added add(StoreId store, String email, Role role) {
        String normal = DashboardUser.normalEmail(email);
        if (users.findByEmail(normal).isPresent()) {
            throw new IllegalArgumentException("a dashboard user '" + normal + "' already exists");
        }
        String password = generate();
        DashboardUser user = users.create(store, normal, role, encoder.encode(password));
        return new Added(user, password);
    }

    private String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
