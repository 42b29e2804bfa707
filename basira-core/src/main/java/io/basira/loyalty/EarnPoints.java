package io.basira.loyalty;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.events.DomainEvents;
import io.basira.events.LoyaltyChanged;
import io.basira.events.UseCase;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteParticipant;
import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Earns and reverses order points on the write path: a {@link WriteParticipant}, so every way orders arrive
 * (API, bulk, import, platform webhooks) settles points in the transaction that writes them.
 *
 * <p>An order should hold {@link LoyaltyProgram#orderPoints} of its current total when it is completed (and was
 * created at or after the program's start), and nothing otherwise; {@link OrderSettlement} appends the
 * difference from what it holds. So a repeated write earns nothing, a cancellation or return reverses what the
 * order earned, a partial refund (a lower total) reverses proportionally, and an order moved to another
 * customer leaves the first and earns for the second. Only orders that are or were completed are looked at:
 * most writes cost one program look-up.
 */
@UseCase
public final class EarnPoints implements WriteParticipant {

    private final LoyaltyPrograms programs;
    private final LoyaltyLedgers ledgers;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public EarnPoints(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        this.programs = ports.programs();
        this.ledgers = ports.ledgers();
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void ordersWritten(OrdersWritten written) {
        Map<String, List<Order>> touched = new TreeMap<>();
        Map<String, Order> targets = new HashMap<>();
        Set<String> spendChanged = new HashSet<>();
        Set<String> notOnlyNew = new HashSet<>();
        for (OrderChange change : written.changes()) {
            Order before = change.before();
            Order after = change.after();
            boolean held = before != null && before.status() == OrderStatus.COMPLETED;
            if (after.status() == OrderStatus.COMPLETED || held) {
                touched.computeIfAbsent(after.customerExternalId(), c -> new ArrayList<>())
                        .add(after);
                targets.put(after.externalId(), after);
                if (change.movedCustomer()) {
                    touched.computeIfAbsent(before.customerExternalId(), c -> new ArrayList<>())
                            .add(before);
                }
                if (!Objects.equals(completed(before), completed(after))) {
                    spendChanged.add(after.customerExternalId());
                    if (before != null) {
                        spendChanged.add(before.customerExternalId());
                    }
                }
                if (before != null) {
                    notOnlyNew.add(after.customerExternalId());
                    notOnlyNew.add(before.customerExternalId());
                }
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Optional<LoyaltyProgram> found = programs.of(written.store());
        if (found.isEmpty() || !found.get().enabled()) {
            return;
        }
        LoyaltyProgram program = found.get();
        Instant now = clock.instant();
        // every account locked first, in customer order; a customer whose orders are all new to the store and whose
        // kept standing holds now is advanced from the write alone (an order new to the store holds nothing yet),
        // the others are settled against their ledgers
        Map<String, KeptStanding> kept = ledgers.lockKept(written.store(), touched.keySet());
        Map<String, LedgerBook.Advance> advanced = new TreeMap<>();
        Set<String> settled = new TreeSet<>();
        for (String customer : touched.keySet()) {
            KeptStanding standing = kept.get(customer);
            if (standing != null && standing.trustedAt(now) && !notOnlyNew.contains(customer)) {
                advanced.put(customer, new LedgerBook.Advance(standing, new ArrayList<>()));
            } else {
                settled.add(customer);
            }
        }
        Map<String, Account> accounts = settled.isEmpty() ? Map.of() : ledgers.readLocked(written.store(), settled);
        Map<String, List<LedgerEntry>> added = new LinkedHashMap<>();
        for (Map.Entry<String, List<Order>> customer : touched.entrySet()) {
            LedgerBook.Advance advance = advanced.get(customer.getKey());
            Account account = accounts.get(customer.getKey());
            List<LedgerEntry> entries = advance != null ? new ArrayList<>() : new ArrayList<>(account.entries());
            int current =
                    program.multiplierOf(advance != null ? advance.kept().card().tier() : account.tier());
            for (Order order : customer.getValue()) {
                Order latest = targets.get(order.externalId());
                CompletedOrder completed =
                        latest.customerExternalId().equals(customer.getKey()) ? completed(latest) : null;
                if (advance != null) { // the same order twice in one write counts once, as written last
                    advance.orders().removeIf(o -> o.orderId().equals(order.externalId()));
                    advance.orders().add(completed);
                }
                OrderSettlement.settle(program, customer.getKey(), order.externalId(), completed, current, entries, now)
                        .ifPresent(entry -> {
                            entries.add(entry);
                            added.computeIfAbsent(customer.getKey(), c -> new ArrayList<>())
                                    .add(entry);
                        });
            }
        }
        // a repeated write changes neither points nor spend: nothing to restate (the midnight refreshes the rest)
        Set<String> restate = new TreeSet<>(added.keySet());
        restate.addAll(spendChanged);
        restate.retainAll(accounts.keySet());
        LoyaltyChanged changed = book.commit(LedgerBook.Commit.of(written.store(), program, accounts, added, now)
                .restating(restate)
                .advancing(advanced));
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
    }

    /** The order as loyalty counts it: a completed order (null when it is not completed, or absent). */
    static CompletedOrder completed(Order order) {
        return order == null || order.status() != OrderStatus.COMPLETED
                ? null
                : new CompletedOrder(
                        order.customerExternalId(),
                        order.externalId(),
                        order.createdAt(),
                        order.total().minor());
    }

    /** The points {@code order} should hold now at {@code multiplier} ({@link OrderSettlement#target}). */
    static long target(LoyaltyProgram program, Order order, int multiplier) {
        return OrderSettlement.target(program, completed(order), multiplier);
    }
}
