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
     * What {@link #commit} writes: {@code added} (by customer; every customer a key of {@code accounts}, locked)
     * and the standings of the accounts in {@code restate} (a subset of {@code accounts}: those whose points or
     * purchases changed; every account unless said) and of the customers in {@code advanced}. Start from
     * {@link #of} and name what differs from the defaults with {@link #restating}, {@link #knowing} and
     * {@link #advancing}.
     *
     * @param known the purchases of {@code restate} since {@link Standings#since} of {@code now} when the caller
     *     read them already; null (the default) to have them read when the program's standing depends on them
     *     (tiers by spend, expiry by inactivity), and only for {@code restate}
     * @param advanced customers whose standing is advanced from the write alone ({@link Standings#advance}), not
     *     in {@code accounts}: their ledgers were not read; none by default
     */
    record Commit(
            StoreId store,
            LoyaltyProgram program,
            Map<String, Account> accounts,
            Map<String, List<LedgerEntry>> added,
            Set<String> restate,
            Map<String, Purchases> known,
            Map<String, Advance> advanced,
            Instant now) {

        /** Appends {@code added} and restates every account in {@code accounts}, reading purchases when needed. */
        static Commit of(
                StoreId store,
                LoyaltyProgram program,
                Map<String, Account> accounts,
                Map<String, List<LedgerEntry>> added,
                Instant now) {
            return new Commit(store, program, accounts, added, accounts.keySet(), null, Map.of(), now);
        }

        /** Restates only the accounts in {@code restate}. */
        Commit restating(Set<String> restate) {
            return new Commit(store, program, accounts, added, restate, known, advanced, now);
        }

        /** With the purchases the caller read already (since {@link Standings#since} of {@code now}). */
        Commit knowing(Map<String, Purchases> known) {
            return new Commit(store, program, accounts, added, restate, known, advanced, now);
        }

        /** With the customers whose standing is advanced from the write alone. */
        Commit advancing(Map<String, Advance> advanced) {
            return new Commit(store, program, accounts, added, restate, known, advanced, now);
        }
    }

    /**
     * A customer whose standing is advanced from the write alone ({@link Standings#advance}): the standing their
     * locked account keeps (trusted now) and the new completed orders whose entries are in {@code added}.
     */
    record Advance(KeptStanding kept, List<CompletedOrder> orders) {}

    /**
     * Appends the commit's entries, then recomputes and keeps its standings; says what changed.
     *
     * @throws IllegalStateException for an entry of a customer whose account the commit does not hold locked (a key of
     *     neither {@code accounts} nor {@code advanced}), or filed under another customer: the ledger has no foreign
     *     key of its own (migration V300), an entry's account is what ties it to its store
     */
    LoyaltyChanged commit(Commit commit) {
        StoreId store = commit.store();
        LoyaltyProgram program = commit.program();
        Map<String, Account> accounts = commit.accounts();
        Map<String, List<LedgerEntry>> added = commit.added();
        Set<String> restate = commit.restate();
        Map<String, Purchases> known = commit.known();
        Map<String, Advance> advanced = commit.advanced();
        Instant now = commit.now();
        List<LedgerEntry> appended = new ArrayList<>();
        for (Map.Entry<String, List<LedgerEntry>> customer : new TreeMap<>(added).entrySet()) {
            if (!accounts.containsKey(customer.getKey()) && !advanced.containsKey(customer.getKey())) {
                throw new IllegalStateException(
                        "entries of customer " + customer.getKey() + " whose account is not locked");
            }
            for (LedgerEntry entry : customer.getValue()) {
                if (!entry.customerId().equals(customer.getKey())) {
                    throw new IllegalStateException(
                            "an entry of customer " + entry.customerId() + " filed under " + customer.getKey());
                }
                appended.add(entry);
            }
        }
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
