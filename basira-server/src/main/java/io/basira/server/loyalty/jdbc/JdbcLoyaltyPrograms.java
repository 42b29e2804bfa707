package io.basira.server.loyalty.jdbc;

import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyPrograms;
import io.basira.loyalty.Standings;
import io.basira.loyalty.TierBasis;
import io.basira.server.loyalty.api.ProgramBody;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each store's program ({@code loyalty_programs}: the {@link ProgramBody} as JSON, remembered for 5 seconds) and the
 * date of its last midnight.
 */
public final class JdbcLoyaltyPrograms implements LoyaltyPrograms {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final java.util.Map<Long, Remembered> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How long a program read is remembered: every write asks for its store's program (usually none), and a
     * round trip per write is what the write path's budget cannot spare. A change made by this process is seen
     * at once (the save forgets it); one made by another instance within this time.
     */
    static final long REMEMBERED_NANOS = 5_000_000_000L;

    private record Remembered(Optional<LoyaltyProgram> program, long until) {}

    public JdbcLoyaltyPrograms(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Optional<LoyaltyProgram> of(StoreId store) {
        Remembered remembered = remembered(store);
        if (remembered != null) {
            return remembered.program();
        }
        Optional<LoyaltyProgram> program = read(store);
        cache.put(store.value(), new Remembered(program, System.nanoTime() + REMEMBERED_NANOS));
        return program;
    }

    private Remembered remembered(StoreId store) {
        Remembered remembered = cache.get(store.value());
        return remembered != null && remembered.until() - System.nanoTime() > 0 ? remembered : null;
    }

    private Optional<LoyaltyProgram> read(StoreId store) {
        List<LoyaltyProgram> found = jdbc.query(
                "SELECT p.definition, s.currency FROM loyalty_programs p JOIN stores s"
                        + " ON s.id = p.store_id WHERE p.store_id = ?",
                (rs, n) -> json.readValue(rs.getString(1), ProgramBody.class)
                        .program(Currency.getInstance(rs.getString(2).strip())),
                store.value());
        return found.stream().findFirst();
    }

    @Override
    public void save(StoreId store, LoyaltyProgram program) {
        save(store, program, "api");
    }

    /** Stores the program, saying who changed it, and forgets the kept standings it makes wrong. */
    public void save(StoreId store, LoyaltyProgram program, String by) {
        cache.remove(store.value());
        Optional<LoyaltyProgram> before = read(store);
        String currency = jdbc.queryForObject("SELECT currency FROM stores WHERE id = ?", String.class, store.value());
        String definition = json.writeValueAsString(ProgramBody.of(program, Currency.getInstance(currency.strip())));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (jdbc.update(
                        "UPDATE loyalty_programs SET definition = ?, updated_at = ?, updated_by = ? WHERE store_id = ?",
                        definition,
                        now,
                        by,
                        store.value())
                == 0) {
            jdbc.update(
                    "INSERT INTO loyalty_programs (store_id, definition, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                    store.value(),
                    definition,
                    now,
                    by);
        }
        forgetKeptStandings(store, before.orElse(null), program, clock.instant());
    }

    /**
     * The standings the accounts keep ({@code KeptStanding}) that this save makes wrong are no longer trusted: the
     * next change of those customers' points restates them from the ledger. All of them when the terms a standing
     * is computed by change (tiers, their basis, expiry); when the program is switched back on, those whose
     * customers' completed orders changed while it was off (nothing kept them up to date then: their spend or last
     * purchase is no longer what the account keeps), found in one statement. Other saves keep them all.
     */
    private void forgetKeptStandings(StoreId store, LoyaltyProgram before, LoyaltyProgram after, Instant now) {
        if (before == null || !sameStandingTerms(before, after)) {
            jdbc.update(
                    "UPDATE loyalty_accounts SET kept_until = NULL WHERE store_id = ? AND kept_until IS NOT NULL",
                    store.value());
            return;
        }
        if (before.enabled() || !after.enabled() || !Standings.needsPurchases(after)) {
            return;
        }
        boolean bySpend =
                after.tierBasis() == TierBasis.SPEND_12M && !after.tiers().isEmpty();
        String orders = " FROM orders o WHERE o.store_id = a.store_id AND o.customer_external_id ="
                + " a.customer_external_id AND o.status = 'completed')";
        jdbc.update(
                "UPDATE loyalty_accounts a SET kept_until = NULL WHERE a.store_id = ? AND a.kept_until > ? AND ("
                        + (bySpend
                                ? "a.kept_basis <> (SELECT COALESCE(SUM(CASE WHEN o.created_at >= ? THEN o.total_minor"
                                        + " ELSE 0 END), 0)" + orders + " OR "
                                : "")
                        + "COALESCE(a.kept_last_purchase_at, ?) <> COALESCE((SELECT MAX(o.created_at)" + orders
                        + ", ?))",
                bySpend
                        ? new Object[] {
                            store.value(), utc(now), utc(Standings.since(now)), utc(Instant.EPOCH), utc(Instant.EPOCH)
                        }
                        : new Object[] {store.value(), utc(now), utc(Instant.EPOCH), utc(Instant.EPOCH)});
    }

    /** Whether two programs compute a customer's standing alike (tiers, their basis, expiry). */
    static boolean sameStandingTerms(LoyaltyProgram a, LoyaltyProgram b) {
        return a.tierBasis() == b.tierBasis()
                && a.tiers().equals(b.tiers())
                && a.expiryKind() == b.expiryKind()
                && a.expiryMonths() == b.expiryMonths();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public LocalDate lastNight(StoreId store) {
        List<LocalDate> found = jdbc.query(
                "SELECT last_night FROM loyalty_programs WHERE store_id = ?",
                (rs, n) -> rs.getObject(1, LocalDate.class),
                store.value());
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void markNight(StoreId store, LocalDate date) {
        jdbc.update("UPDATE loyalty_programs SET last_night = ? WHERE store_id = ?", date, store.value());
    }
}
