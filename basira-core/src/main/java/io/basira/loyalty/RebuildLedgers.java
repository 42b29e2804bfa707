package io.basira.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code basira loyalty rebuild}: replays every customer's ledger from the store's orders and recorded actions
 * ({@link LedgerReplay}) and compares it with the live one. With {@code repair}, the orders whose points differ
 * (after a change of the earning rate, or orders completed before the program was switched on) are settled to
 * what they should hold by appended entries, never by rewriting the ledger.
 */
@UseCase
public final class RebuildLedgers {

    /** At most this many differences are listed (all are counted). */
    public static final int LISTED = 50;

    private final LoyaltyPorts ports;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public RebuildLedgers(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        this.ports = ports;
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    /** What a rebuild found (and, with repair, appended). */
    public record Report(long customers, long sources, long differing, List<String> differences, long repaired) {
        public boolean equal() {
            return differing == 0;
        }
    }

    /** Compares (and with {@code repair} settles) every ledger of the store; run it in one transaction. */
    public Report rebuild(StoreId store, boolean repair) {
        LoyaltyProgram program = ports.programs().of(store).orElse(null);
        if (program == null) {
            return new Report(0, 0, 0, List.of(), 0);
        }
        Instant now = clock.instant();
        Map<String, List<CompletedOrder>> orders = new HashMap<>();
        ports.activity()
                .forEachCompletedOrder(
                        store,
                        o -> orders.computeIfAbsent(o.customerId(), c -> new ArrayList<>())
                                .add(o));
        long[] counts = new long[3];
        List<String> differences = new ArrayList<>();
        Set<String> differing = new TreeSet<>();
        Set<String> seen = new java.util.HashSet<>();
        ports.ledgers().forEachAccount(store, account -> {
            seen.add(account.customerId());
            compare(
                    program,
                    account,
                    orders.getOrDefault(account.customerId(), List.of()),
                    now,
                    counts,
                    differences,
                    differing);
        });
        for (Map.Entry<String, List<CompletedOrder>> rest : orders.entrySet()) {
            if (!seen.contains(rest.getKey()) && !program.startsAt().isAfter(latest(rest.getValue()))) {
                compare(program, Account.empty(rest.getKey()), rest.getValue(), now, counts, differences, differing);
            }
        }
        long repaired = repair && !differing.isEmpty() ? repair(store, program, differing, orders, now) : 0;
        return new Report(counts[0], counts[1], counts[2], differences, repaired);
    }

    private static Instant latest(List<CompletedOrder> orders) {
        return orders.stream()
                .map(CompletedOrder::createdAt)
                .max(Instant::compareTo)
                .orElse(Instant.MIN);
    }

    private static void compare(
            LoyaltyProgram program,
            Account account,
            List<CompletedOrder> orders,
            Instant now,
            long[] counts,
            List<String> differences,
            Set<String> differing) {
        counts[0]++;
        long equal = LedgerReplay.sourcesIfEqual(program, account, orders);
        if (equal >= 0) {
            counts[1] += equal;
            return;
        }
        List<LedgerEntry> replayed = LedgerReplay.replay(program, account, orders, now);
        Map<String, LedgerReplay.Held> sources = LedgerReplay.bySource(account.customerId(), replayed);
        counts[1] += sources.size();
        List<String> found = LedgerReplay.differences(
                account.customerId(), LedgerReplay.bySource(account.customerId(), account.entries()), sources);
        if (!found.isEmpty()) {
            counts[2] += found.size();
            differing.add(account.customerId());
            for (String difference : found) {
                if (differences.size() < LISTED) {
                    differences.add(difference);
                }
            }
        }
    }

    private long repair(
            StoreId store,
            LoyaltyProgram program,
            Set<String> customers,
            Map<String, List<CompletedOrder>> orders,
            Instant now) {
        Map<String, Account> accounts = ports.ledgers().lock(store, customers);
        Map<String, List<LedgerEntry>> added = new HashMap<>();
        long repaired = 0;
        for (Account account : accounts.values()) {
            List<LedgerEntry> entries = new ArrayList<>(account.entries());
            Map<String, CompletedOrder> byId = new HashMap<>();
            orders.getOrDefault(account.customerId(), List.of()).forEach(o -> byId.put(o.orderId(), o));
            TreeSet<String> ids = new TreeSet<>(byId.keySet());
            account.entries().stream().filter(e -> e.cause().ofAnOrder()).forEach(e -> ids.add(e.ref()));
            int current = program.multiplierOf(account.tier());
            for (String id : ids) {
                var entry =
                        OrderSettlement.settle(program, account.customerId(), id, byId.get(id), current, entries, now);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                    added.computeIfAbsent(account.customerId(), c -> new ArrayList<>())
                            .add(entry.get());
                    repaired++;
                }
            }
        }
        var changed = book.commit(LedgerBook.Commit.of(store, program, accounts, added, now));
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
        events.publish(CardsChanged.of(store, customers));
        return repaired;
    }
}
