package io.basira.server.platform.security;

import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's users ({@code dashboard_users}); passwords only ever as hashes. */
public final class JdbcDashboardUsers {

    /** A user as the sign-in needs it: with the stored hash. */
    public record Credentials(DashboardUser user, String passwordHash) {}

    private static final String COLUMNS = "id, store_id, email, role, password_hash";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcDashboardUsers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a user; {@code email} must already be normal ({@link DashboardUser#normalEmail}). */
    public DashboardUser create(StoreId store, String email, Role role, String passwordHash) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                    "INSERT INTO dashboard_users (store_id, email, password_hash, role, created_at) "
                            + "VALUES (?, ?, ?, ?, ?)");
            ps.setLong(1, store.value());
            ps.setString(2, email);
            ps.setString(3, passwordHash);
            ps.setString(4, role.code());
            Sql.setInstant(ps, 5, clock.instant());
            return ps;
        });
        return findByEmail(email).orElseThrow().user();
    }

    /** The active (not disabled) user with this normal e-mail address. */
    public Optional<Credentials> findByEmail(String email) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM dashboard_users WHERE email = ? AND disabled_at IS NULL",
                        JdbcDashboardUsers::map,
                        email)
                .stream()
                .findFirst();
    }

    public List<DashboardUser> list(StoreId store) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM dashboard_users WHERE store_id = ? AND disabled_at IS NULL "
                                + "ORDER BY email",
                        JdbcDashboardUsers::map,
                        store.value())
                .stream()
                .map(Credentials::user)
                .toList();
    }

    private static Credentials map(ResultSet rs, int row) throws SQLException {
        return new Credentials(
                new DashboardUser(
                        rs.getLong("id"),
                        new StoreId(rs.getLong("store_id")),
                        rs.getString("email"),
                        Role.of(rs.getString("role"))),
                rs.getString("password_hash"));
    }
}
