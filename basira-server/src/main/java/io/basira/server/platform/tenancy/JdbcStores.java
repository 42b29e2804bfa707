package io.basira.server.platform.tenancy;

import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The stores (tenants) of this installation. */
public final class JdbcStores {

    private static final String COLUMNS = "id, slug, name, currency, time_zone";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Stores are never changed or deleted once created, so a found store is kept. */
    private final Map<StoreId, Store> byId = new ConcurrentHashMap<>();

    public JdbcStores(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a store. @throws IllegalArgumentException when the slug is invalid or taken */
    public Store create(String slug, String name, Currency currency, ZoneId zone) {
        Store.requireValidSlug(slug);
        if (findBySlug(slug).isPresent()) {
            throw new IllegalArgumentException("a store with slug '" + slug + "' already exists");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO stores (slug, name, currency, time_zone, created_at) VALUES (?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, slug);
                    ps.setString(2, name);
                    ps.setString(3, currency.getCurrencyCode());
                    ps.setString(4, zone.getId());
                    Sql.setInstant(ps, 5, clock.instant());
                    return ps;
                },
                keys);
        return new Store(new StoreId(keys.getKey().longValue()), slug, name, currency, zone);
    }

    public Optional<Store> findBySlug(String slug) {
        return jdbc.query("SELECT " + COLUMNS + " FROM stores WHERE slug = ?", JdbcStores::map, slug).stream()
                .findFirst();
    }

    /** The store with this id; looked up once, then kept (stores never change). */
    public Optional<Store> findById(StoreId id) {
        Store known = byId.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Store> found =
                jdbc.query("SELECT " + COLUMNS + " FROM stores WHERE id = ?", JdbcStores::map, id.value()).stream()
                        .findFirst();
        found.ifPresent(store -> byId.put(id, store));
        return found;
    }

    public List<Store> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM stores ORDER BY slug", JdbcStores::map);
    }

    static Store map(ResultSet rs, int row) throws SQLException {
        return new Store(
                new StoreId(rs.getLong("id")),
                rs.getString("slug"),
                rs.getString("name"),
                Currency.getInstance(rs.getString("currency").strip()),
                ZoneId.of(rs.getString("time_zone")));
    }
}
