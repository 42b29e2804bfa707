package io.basira.server.browsing.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.server.browsing.BrowsingSite;
import io.basira.shared.StoreId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@code browsing_sites}: one site per store, made with a fresh site key on first use. Sites are
 * read by key on every beacon, so this process remembers them for {@link #CACHED_FOR} (a change made through
 * this process is seen at once; through another instance within that time).
 */
public final class JdbcBrowsingSites {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);
    private static final String COLUMNS =
            "store_id, site_key, allowed_origins, consent_required, honour_dnt, " + "retention_months";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Sites by key, unknown keys too; bounded, so keys made up by a sender evict old entries, not every entry. */
    private final Cache<String, Optional<BrowsingSite>> byKey;

    public JdbcBrowsingSites(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.byKey = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(CACHED_FOR)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** The store's site, made (no origins allowed yet, consent not required, 13 months) when it has none. */
    public BrowsingSite of(StoreId store) {
        Optional<BrowsingSite> found = find(store);
        if (found.isPresent()) {
            return found.get();
        }
        jdbc.update(
                "INSERT INTO browsing_sites (" + COLUMNS + ", created_at) SELECT ?, ?, '', FALSE, FALSE, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM browsing_sites WHERE store_id = ?)",
                store.value(),
                newKey(),
                BrowsingSite.DEFAULT_RETENTION_MONTHS,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                store.value());
        return find(store).orElseThrow();
    }

    public Optional<BrowsingSite> find(StoreId store) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM browsing_sites WHERE store_id = ?",
                        JdbcBrowsingSites::map,
                        store.value())
                .stream()
                .findFirst();
    }

    /** The site of a key (remembered for a while; unknown keys too). */
    public Optional<BrowsingSite> byKey(String siteKey) {
        return byKey.get(
                siteKey,
                key -> jdbc
                        .query(
                                "SELECT " + COLUMNS + " FROM browsing_sites WHERE site_key = ?",
                                JdbcBrowsingSites::map,
                                key)
                        .stream()
                        .findFirst());
    }

    /** Replaces the site's settings (the key stays); the store must have a site ({@link #of}). */
    public BrowsingSite update(
            StoreId store, List<String> origins, boolean consentRequired, boolean honourDnt, int retentionMonths) {
        BrowsingSite site =
                new BrowsingSite(store, of(store).siteKey(), origins, consentRequired, honourDnt, retentionMonths);
        jdbc.update(
                "UPDATE browsing_sites SET allowed_origins = ?, consent_required = ?, honour_dnt = ?, "
                        + "retention_months = ? WHERE store_id = ?",
                String.join(" ", site.allowedOrigins()),
                consentRequired,
                honourDnt,
                retentionMonths,
                store.value());
        byKey.invalidate(site.siteKey());
        return site;
    }

    /** The stores that have a site (the nightly upkeep's list). */
    public List<BrowsingSite> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM browsing_sites ORDER BY store_id", JdbcBrowsingSites::map);
    }

    private static String newKey() {
        StringBuilder key = new StringBuilder("bs_");
        for (int i = 0; i < 24; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    private static BrowsingSite map(ResultSet rs, int row) throws SQLException {
        String origins = rs.getString("allowed_origins");
        return new BrowsingSite(
                new StoreId(rs.getLong("store_id")),
                rs.getString("site_key"),
                origins.isBlank() ? List.of() : List.of(origins.split(" ")),
                rs.getBoolean("consent_required"),
                rs.getBoolean("honour_dnt"),
                rs.getInt("retention_months"));
    }
}
