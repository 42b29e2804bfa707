package io.basira.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.LoyaltyChanged;
import io.basira.events.UseCase;
import io.basira.loyalty.PurchaseActivity.Purchases;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A store's loyalty work at its local midnight, once per date (a late or repeated run only catches up): birthday
 * bonuses, expiry (by inactivity: the available balance of a customer whose last completed order is
 * {@code expiryMonths} months old; per lot: the lots {@code expiryMonths} months old, {@link Lots}), the "points
 * expiring" notice {@code expiryWarningDays} before, and every
 * standing recomputed (pending points that became available, tiers whose 12 months moved, points expiring
 * within 30 days). Accounts are locked in chunks of {@value #CHUNK}, in customer order, like every other change.
 */
@UseCase
public final class LoyaltyMidnight {

    static final int CHUNK = 1000;

    private final LoyaltyPorts ports;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public LoyaltyMidnight(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        this.ports = ports;
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    /** Runs the store's midnight for today in {@code zone}; returns whether there was work (not yet done today). */
    public boolean run(StoreId store, ZoneId zone) {
        LoyaltyProgram program =
                ports.programs().of(store).filter(LoyaltyProgram::enabled).orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (program == null || today.equals(ports.programs().lastNight(store))) {
            return false;
        }
        Instant now = clock.instant();
        Set<String> customers = new TreeSet<>();
        ports.ledgers().forEachAccount(store, account -> customers.add(account.customerId()));
        Set<String> birthdays = new TreeSet<>();
        if (program.birthdayPoints() > 0) {
            birthdays.addAll(ports.activity().birthdays(store, MonthDay.from(today), today.isLeapYear()));
            customers.addAll(birthdays);
        }
        List<String> all = new ArrayList<>(customers);
        for (int from = 0; from < all.size(); from += CHUNK) {
            night(store, program, all.subList(from, Math.min(all.size(), from + CHUNK)), birthdays, today, zone, now);
        }
        ports.programs().markNight(store, today);
        return true;
    }

    /**
     * Per lot: the lots whose expiry date (in the store's zone) is today or before leave by one {@code expiry}
     * entry (they are the oldest, so it spends exactly them); the lots expiring {@code expiryWarningDays} from
     * today are announced.
     */
    private static void expireLots(
            LoyaltyProgram program,
            String customer,
            List<LedgerEntry> entries,
            LocalDate today,
            ZoneId zone,
            Instant now,
            Map<String, List<LedgerEntry>> added,
            List<LoyaltyChanged.Expiring> expiring) {
        long expired = 0;
        LocalDate newest = null;
        long warned = 0;
        LocalDate warnOn = today.plusDays(program.expiryWarningDays());
        for (Lots.Lot lot : Lots.of(entries)) {
            LocalDate on = lot.expiresAt(program).atZone(zone).toLocalDate();
            if (!on.isAfter(today) && !lot.availableAt().isAfter(now)) {
                expired += lot.points();
                newest = lot.availableAt().atZone(zone).toLocalDate();
            } else if (program.expiryWarningDays() > 0 && on.equals(warnOn)) {
                warned += lot.points();
            }
        }
        if (expired > 0) {
            added.computeIfAbsent(customer, c -> new ArrayList<>())
                    .add(LedgerEntry.now(
                            customer,
                            Cause.EXPIRY,
                            today.toString(),
                            -expired,
                            now,
                            null,
                            "lots available by " + newest));
        }
        if (warned > 0) {
            expiring.add(new LoyaltyChanged.Expiring(customer, warned, warnOn));
        }
    }

    private void night(
            StoreId store,
            LoyaltyProgram program,
            List<String> chunk,
            Set<String> birthdays,
            LocalDate today,
            ZoneId zone,
            Instant now) {
        Map<String, Account> accounts = ports.ledgers().lock(store, chunk);
        Map<String, Purchases> purchases = ports.activity().of(store, chunk, Standings.since(now));
        Map<String, List<LedgerEntry>> added = new HashMap<>();
        List<LoyaltyChanged.Expiring> expiring = new ArrayList<>();
        for (String customer : chunk) {
            List<LedgerEntry> entries = new ArrayList<>(accounts.get(customer).entries());
            if (birthdays.contains(customer)) {
                String year = Integer.toString(today.getYear());
                if (entries.stream()
                        .noneMatch(e -> e.cause() == Cause.BIRTHDAY && e.ref().equals(year))) {
                    LedgerEntry bonus =
                            LedgerEntry.now(customer, Cause.BIRTHDAY, year, program.birthdayPoints(), now, null, null);
                    entries.add(bonus);
                    added.computeIfAbsent(customer, c -> new ArrayList<>()).add(bonus);
                }
            }
            if (program.expiresPerLot()) {
                expireLots(program, customer, entries, today, zone, now, added, expiring);
                continue;
            }
            Instant deadline = Standings.expiresAt(program, entries, purchases.get(customer));
            long available = Balance.of(entries, now).available();
            if (deadline == null || available <= 0) {
                continue;
            }
            LocalDate expiresOn = deadline.atZone(zone).toLocalDate();
            if (!expiresOn.isAfter(today)) {
                LedgerEntry expiry = LedgerEntry.now(
                        customer,
                        Cause.EXPIRY,
                        today.toString(),
                        -available,
                        now,
                        null,
                        "inactive since " + expiresOn.minusMonths(program.expiryMonths()));
                added.computeIfAbsent(customer, c -> new ArrayList<>()).add(expiry);
            } else if (program.expiryWarningDays() > 0
                    && expiresOn.minusDays(program.expiryWarningDays()).equals(today)) {
                expiring.add(new LoyaltyChanged.Expiring(customer, available, expiresOn));
            }
        }
        LoyaltyChanged changed = book.commit(
                LedgerBook.Commit.of(store, program, accounts, added, now).knowing(purchases));
        changed = new LoyaltyChanged(store, changed.earned(), changed.tierMoves(), expiring);
        if (!changed.isEmpty()) {
            events.publish(changed);
        }
        events.publish(CardsChanged.of(store, Set.copyOf(chunk)));
    }
}
