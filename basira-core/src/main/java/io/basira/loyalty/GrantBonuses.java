package io.basira.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.LoyaltyChanged;
import io.basira.events.UseCase;
import io.basira.loyalty.PurchaseActivity.BonusSource;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signup and review bonuses (docs/loyalty.md): each signup and each review made at or after the program's start
 * earns its bonus once (the ledger's natural key {@code customer, cause, ref}), in the caller's transaction.
 * Called after writes that touched customers; a repeated call grants nothing twice.
 */
@UseCase
public final class GrantBonuses {

    private final LoyaltyPorts ports;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public GrantBonuses(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        this.ports = ports;
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    /** Grants what these customers (null: every customer of the store) are owed; returns the entries added. */
    public int grant(StoreId store, Collection<String> customerIds) {
        LoyaltyProgram program =
                ports.programs().of(store).filter(LoyaltyProgram::enabled).orElse(null);
        if (program == null || (program.reviewPoints() == 0 && program.signupPoints() == 0)) {
            return 0;
        }
        Map<String, List<BonusSource>> owed = new TreeMap<>();
        for (BonusSource source : ports.activity().bonusSources(store, customerIds, program.startsAt())) {
            long points = source.cause() == Cause.SIGNUP ? program.signupPoints() : program.reviewPoints();
            if (points > 0) {
                owed.computeIfAbsent(source.customerId(), c -> new ArrayList<>())
                        .add(source);
            }
        }
        if (owed.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, Account> accounts = ports.ledgers().lock(store, owed.keySet());
        Map<String, List<LedgerEntry>> added = new HashMap<>();
        for (Map.Entry<String, List<BonusSource>> customer : owed.entrySet()) {
            List<LedgerEntry> entries = accounts.get(customer.getKey()).entries();
            for (BonusSource source : customer.getValue()) {
                boolean granted = entries.stream()
                        .anyMatch(e -> e.cause() == source.cause() && e.ref().equals(source.ref()));
                if (!granted) {
                    long points = source.cause() == Cause.SIGNUP ? program.signupPoints() : program.reviewPoints();
                    added.computeIfAbsent(customer.getKey(), c -> new ArrayList<>())
                            .add(LedgerEntry.now(
                                    customer.getKey(), source.cause(), source.ref(), points, now, null, null));
                }
            }
        }
        if (added.isEmpty()) {
            return 0;
        }
        Map<String, Account> touched = new TreeMap<>(accounts);
        touched.keySet().retainAll(added.keySet());
        LoyaltyChanged changed = book.commit(LedgerBook.Commit.of(store, program, touched, added, now));
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
        events.publish(CardsChanged.of(store, added.keySet()));
        return added.values().stream().mapToInt(List::size).sum();
    }
}
