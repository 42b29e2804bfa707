package io.basira.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.LoyaltyChanged;
import io.basira.events.UseCase;
import io.basira.loyalty.LoyaltyRefusal.Reason;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Points given or taken outside orders, in the caller's transaction: a manual adjustment by a person (who and
 * why are kept on the entry; a negative one never takes more than is available), and a custom action reported
 * by the merchant's systems (a share, a completed profile), idempotent by its key.
 */
@UseCase
public final class AdjustPoints {

    private final LoyaltyPrograms programs;
    private final LoyaltyLedgers ledgers;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public AdjustPoints(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        this.programs = ports.programs();
        this.ledgers = ports.ledgers();
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    /** A manual adjustment of {@code points} (not 0) by {@code actor}, with a reason; returns the entry. */
    public LedgerEntry adjust(StoreId store, String customerId, long points, String actor, String reason) {
        if (points == 0 || Math.abs(points) > 100_000_000L) {
            throw new IllegalArgumentException(
                    "points " + points + ": an adjustment is -100000000 to 100000000, not 0");
        }
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs who made it and a reason");
        }
        return append(store, customerId, Cause.ADJUSTMENT, "adj-" + UUID.randomUUID(), points, actor, reason);
    }

    /**
     * Points for a custom action, once per {@code key} (the same key again returns the entry it made first).
     */
    public LedgerEntry award(StoreId store, String customerId, String key, long points, String reason) {
        if (points <= 0 || points > 1_000_000) {
            throw new IllegalArgumentException("points " + points + ": an action gives 1 to 1000000 points");
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new IllegalArgumentException("an action needs a key of 1 to 100 characters that makes it unique");
        }
        return append(store, customerId, Cause.ACTION, key, points, "api", reason);
    }

    private LedgerEntry append(
            StoreId store, String customerId, Cause cause, String ref, long points, String actor, String reason) {
        LoyaltyProgram program = programs.of(store)
                .filter(LoyaltyProgram::enabled)
                .orElseThrow(() -> new LoyaltyRefusal(Reason.PROGRAM_DISABLED, "the store's loyalty program is off"));
        Instant now = clock.instant();
        Map<String, Account> accounts = ledgers.lock(store, Set.of(customerId));
        Account account = accounts.get(customerId);
        for (LedgerEntry entry : account.entries()) {
            if (entry.cause() == cause && entry.ref().equals(ref)) {
                return entry;
            }
        }
        long available = Balance.of(account.entries(), now).available();
        if (points < 0 && available + points < 0) {
            throw new LoyaltyRefusal(
                    Reason.INSUFFICIENT_POINTS,
                    "the customer has " + available + " points available, fewer than the " + (-points) + " to take");
        }
        LedgerEntry entry = LedgerEntry.now(customerId, cause, ref, points, now, actor, reason);
        LoyaltyChanged changed =
                book.commit(LedgerBook.Commit.of(store, program, accounts, Map.of(customerId, List.of(entry)), now));
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
        events.publish(CardsChanged.of(store, Set.of(customerId)));
        return entry;
    }
}
