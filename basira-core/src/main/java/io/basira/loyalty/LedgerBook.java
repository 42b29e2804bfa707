package io.basira.loyalty;

import io.basira.events.LoyaltyChanged;
import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import io.basira.loyalty.PurchaseActivity.Purchases;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        return commit(store, program, accounts, added, restate, known, Map.of(), now);
    }

    /**
     * A customer whose standing is advanced from the write alone ({@link Standings#advance}): the standing their
     * locked account keeps (trusted now) and the new completed orders whose entries are in {@code added}.
     */
    record Advance(KeptStanding kept, List<CompletedOrder> orders) {}

    /**
     * As above, and the standings of the customers in {@code advanced} (not in {@code accounts}: their ledgers were
     * not read) advanced by their new entries and orders.
     */
    LoyaltyChanged commit(
            StoreId store,
            LoyaltyProgram program,
            Map<String, Account> accounts,
            Map<String, List<LedgerEntry>> added,
            Set<String> restate,
            Map<String, Purchases> known,
            Map<String, Advance> advanced,
            Instant now) {
        List<LedgerEntry> appended = new ArrayList<>();
        new TreeMap<>(added).values().forEach(appended::addAll);
        if (!appended.isEmpty()) {
            ledgers.append(store, appended);
        }
        if (restate.isEmpty() && advanced.isEmpty()) {
            return new LoyaltyChanged(store, Map.of(), List.of(), List.of());
        }
        Map<String, Purchases> purchases = known != null
                ? known
                : Standings.needsPurchases(program) && !restate.isEmpty()
                        ? activity.of(store, restate, Standings.since(now))
                        : Map.of();
        Map<String, KeptStanding> standings = new TreeMap<>();
        Map<String, Long> earned = new TreeMap<>();
        List<LoyaltyChanged.TierMove> moves = new ArrayList<>();
        Set<String> customers = new TreeSet<>(restate);
        customers.retainAll(accounts.keySet());
        customers.addAll(advanced.keySet());
        for (String customer : customers) {
            List<LedgerEntry> mine = added.getOrDefault(customer, List.of());
            Advance advance = advanced.get(customer);
            String before;
            KeptStanding standing;
            if (advance != null) {
                before = advance.kept().card().tier();
                standing = Standings.advance(program, advance.kept(), mine, advance.orders(), now);
            } else {
                Account account = accounts.get(customer);
                before = account.tier();
                List<LedgerEntry> entries = new ArrayList<>(account.entries());
                entries.addAll(mine);
                standing = Standings.kept(program, entries, purchases.get(customer), now);
            }
            standings.put(customer, standing);
            long positive = mine.stream()
                    .filter(e -> e.cause().earning() && e.cause() != Cause.ADJUSTMENT)
                    .mapToLong(LedgerEntry::points)
                    .filter(p -> p > 0)
                    .sum();
            if (positive > 0) {
                earned.put(customer, positive);
            }
            if (!Objects.equals(before, standing.card().tier())) {
                moves.add(new LoyaltyChanged.TierMove(
                        customer, before, standing.card().tier()));
            }
        }
        ledgers.saveStandings(store, standings);
        return new LoyaltyChanged(store, earned, moves, List.of());
    }
}
