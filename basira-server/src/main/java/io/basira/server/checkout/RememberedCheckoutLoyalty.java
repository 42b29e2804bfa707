package io.basira.server.checkout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.card.LoyaltyStanding;
import io.basira.checkout.CheckoutLoyalty;
import io.basira.checkout.LoyaltyQuote;
import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.events.LoyaltyChanged;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyPrograms;
import io.basira.loyalty.LoyaltyQuotes;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checkout's loyalty part answered from memory (docs/checkout.md, "Loyalty at checkout"): each customer's standing
 * ({@code loyalty_accounts}: points, pending, lifetime points, tier, points expiring) is read once and remembered,
 * so a decision for a known customer costs no round trip.
 *
 * <p>Kept current by the events of the changes that move a standing: it is the durable listener
 * {@code checkout-loyalty} of {@link CardsChanged} (every loyalty use case — earning in the write's transaction,
 * bonuses, adjustments, redemptions, midnight, rebuild — and an erasure name the customers whose cards, and so
 * standings, changed; a whole-store change forgets the store) and {@link LoyaltyChanged}. Those of this process
 * are delivered right after the commit, before the writer's request answers; those of other instances on the
 * same PostgreSQL by their event feed (within about a second). A forgotten customer is read again at the next
 * decision. A customer is forgotten while a read of theirs is in flight only after it ends (Caffeine's compute),
 * and a whole-store change replaces the store's memory, so a read that raced a change never outlives it.
 * Entries are also dropped after {@link #KEPT_FOR} (a safety net, not the way changes arrive).
 */
public final class RememberedCheckoutLoyalty implements CheckoutLoyalty, DomainEventListener {

    /** At most this many standings per store are remembered (the least used go first). */
    static final int PER_STORE = 100_000;
    /** How long a standing is kept without a change being told. */
    static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final LoyaltyPrograms programs;
    private final JdbcTemplate jdbc;
    private final Map<Long, Cache<String, LoyaltyStanding>> stores = new ConcurrentHashMap<>();

    public RememberedCheckoutLoyalty(LoyaltyPrograms programs, JdbcTemplate jdbc) {
        this.programs = programs;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LoyaltyQuote> quote(StoreId store, String customerId, Money total) {
        Optional<LoyaltyProgram> program = programs.of(store).filter(LoyaltyProgram::enabled);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        LoyaltyStanding standing = of(store).get(customerId, id -> read(store, id));
        return Optional.of(LoyaltyQuotes.quote(program.get(), standing, total));
    }

    private Cache<String, LoyaltyStanding> of(StoreId store) {
        return stores.computeIfAbsent(
                store.value(),
                any -> Caffeine.newBuilder()
                        .maximumSize(PER_STORE)
                        .expireAfterWrite(KEPT_FOR)
                        .build());
    }

    private LoyaltyStanding read(StoreId store, String customerId) {
        List<LoyaltyStanding> found = jdbc.query(
                "SELECT points, pending, lifetime_points, tier, expiring_30d"
                        + " FROM loyalty_accounts WHERE store_id = ? AND customer_external_id = ?",
                (rs, n) -> new LoyaltyStanding(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5)),
                store.value(),
                customerId);
        return found.isEmpty() ? LoyaltyStanding.NONE : found.get(0);
    }

    /** How many standings of the store are remembered now (for tests). */
    long remembered(StoreId store) {
        Cache<String, LoyaltyStanding> cache = stores.get(store.value());
        return cache == null ? 0 : cache.estimatedSize();
    }

    @Override
    public String name() {
        return "checkout-loyalty";
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(CardsChanged.class, LoyaltyChanged.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        if (received.event() instanceof CardsChanged changed) {
            if (changed.wholeStore()) {
                stores.remove(changed.store().value());
            } else {
                forget(changed.store(), changed.customerIds());
            }
        } else if (received.event() instanceof LoyaltyChanged changed) {
            Set<String> customers = new HashSet<>(changed.earned().keySet());
            changed.tierMoves().forEach(move -> customers.add(move.customerId()));
            changed.expiring().forEach(expiring -> customers.add(expiring.customerId()));
            forget(changed.store(), customers);
        }
    }

    private void forget(StoreId store, Set<String> customers) {
        Cache<String, LoyaltyStanding> cache = stores.get(store.value());
        if (cache != null && !customers.isEmpty()) {
            cache.invalidateAll(customers);
        }
    }
}
