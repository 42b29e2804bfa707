package io.basira.loyalty;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.events.DomainEvents;
import io.basira.events.LoyaltyChanged;
import io.basira.events.UseCase;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteParticipant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        for (OrderChange change : written.changes()) {
            Order before = change.before();
            Order after = change.after();
            boolean held = before != null && before.status() == OrderStatus.COMPLETED;
            if (after.status() == OrderStatus.COMPLETED || held) {
                touched.computeIfAbsent(after.customerExternalId(), c -> new ArrayList<>()).add(after);
                targets.put(after.externalId(), after);
                if (change.movedCustomer()) {
                    touched.computeIfAbsent(before.customerExternalId(), c -> new ArrayList<>()).add(before);
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
        Map<String, Account> accounts = ledgers.lock(written.store(), touched.keySet());
        Map<String, List<LedgerEntry>> added = new LinkedHashMap<>();
        for (Map.Entry<String, List<Order>> customer : touched.entrySet()) {
            Account account = accounts.get(customer.getKey());
            List<LedgerEntry> entries = new ArrayList<>(account.entries());
            int current = program.multiplierOf(account.tier());
            for (Order order : customer.getValue()) {
                Order latest = targets.get(order.externalId());
                boolean earns = latest.customerExternalId().equals(customer.getKey());
                int multiplier = OrderSettlement.multiplier(entries, order.externalId(), current);
                long target = earns ? target(program, latest, multiplier) : 0;
                OrderSettlement.settle(customer.getKey(), order.externalId(), target, multiplier, entries,
                        program.pendingDays(), now).ifPresent(entry -> {
                            entries.add(entry);
                            added.computeIfAbsent(customer.getKey(), c -> new ArrayList<>()).add(entry);
                        });
            }
        }
        LoyaltyChanged changed = book.commit(written.store(), program, accounts, added, now);
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
    }

    /** The points {@code order} should hold now at {@code multiplier}. */
    static long target(LoyaltyProgram program, Order order, int multiplier) {
        if (order.status() != OrderStatus.COMPLETED || order.createdAt().isBefore(program.startsAt())) {
            return 0;
        }
        return program.orderPoints(order.total().minor(), multiplier);
    }
}
