package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.events.LoyaltyChanged;
import io.basira.loyalty.PurchaseActivity.Purchases;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last step of every change of points: appends the new entries of the locked accounts, recomputes their
 * standings (balance, tier, expiring points) and says what changed — the event the use case publishes.
 */
final class LedgerBook {

    private final LoyaltyLedgers ledgers;
    private final PurchaseActivity activity;

    LedgerBook(LoyaltyLedgers ledgers, PurchaseActivity activity) {
        this.ledgers = ledgers;
        this.activity = activity;
    }

    /**
     * Commits {@code added} (by customer; every customer a key of {@code accounts}, locked) and the standings of
     * every account in {@code accounts}.
     */
    LoyaltyChanged commit(
            StoreId store,
            LoyaltyProgram program,
            Map<String, Account> accounts,
            Map<String, List<LedgerEntry>> added,
            Instant now) {
        return commit(store, program, accounts, added, accounts.keySet(), null, now);
    }

    /** As {@link #commit(StoreId, LoyaltyProgram, Map, Map, Set, Map, Instant)}, reading purchases when needed. */
    LoyaltyChanged commit(
            StoreId store,
            LoyaltyProgram program,
            Map<String, Account> accounts,
            Map<String, List<LedgerEntry>> added,
            Set<String> restate,
            Instant now) {
        return commit(store, program, accounts, added, restate, null, now);
    }

    /**
     * Commits {@code added} and the standings of the accounts in {@code restate} only (a subset of
     * {@code accounts}: those whose points or purchases changed). Purchases are read only when the program's
     * standing depends on them (tiers by spend, expiry by inactivity), and only for {@code restate}; a caller that
     * read them already ({@code known}, not null: since {@link Standings#since} of {@code now}) passes them.
     */
    LoyaltyChanged commit(
            StoreId store,
            LoyaltyProgram program,
            Map<String, Account> accounts,
            Map<String, List<LedgerEntry>> added,
            Set<String> restate,
            Map<String, Purchases> known,
            Instant now) {
        List<LedgerEntry> appended = new ArrayList<>();
        new TreeMap<>(added).values().forEach(appended::addAll);
        if (!appended.isEmpty()) {
            ledgers.append(store, appended);
        }
        if (restate.isEmpty()) {
            return new LoyaltyChanged(store, Map.of(), List.of(), List.of());
        }
        boolean needsPurchases = program.expiresByInactivity()
                || (program.tierBasis() == TierBasis.SPEND_12M
                        && !program.tiers().isEmpty());
        Map<String, Purchases> purchases =
                known != null ? known : needsPurchases ? activity.of(store, restate, Standings.since(now)) : Map.of();
        Map<String, LoyaltyStanding> standings = new TreeMap<>();
        Map<String, Long> earned = new TreeMap<>();
        List<LoyaltyChanged.TierMove> moves = new ArrayList<>();
        for (Account account : new TreeMap<>(accounts).values()) {
            String customer = account.customerId();
            if (!restate.contains(customer)) {
                continue;
            }
            List<LedgerEntry> entries = new ArrayList<>(account.entries());
            List<LedgerEntry> mine = added.getOrDefault(customer, List.of());
            entries.addAll(mine);
            LoyaltyStanding standing = Standings.of(program, entries, purchases.get(customer), now);
            standings.put(customer, standing);
            long positive = mine.stream()
                    .filter(e -> e.cause().earning() && e.cause() != Cause.ADJUSTMENT)
                    .mapToLong(LedgerEntry::points)
                    .filter(p -> p > 0)
                    .sum();
            if (positive > 0) {
                earned.put(customer, positive);
            }
            if (!Objects.equals(account.tier(), standing.tier())) {
                moves.add(new LoyaltyChanged.TierMove(customer, account.tier(), standing.tier()));
            }
        }
        ledgers.saveStandings(store, standings);
        return new LoyaltyChanged(store, earned, moves, List.of());
    }
}
