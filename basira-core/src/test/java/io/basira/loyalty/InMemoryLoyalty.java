package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Every loyalty port in memory, for one store's tests (the store id is checked, never mixed). */
final class InMemoryLoyalty implements LoyaltyPrograms, LoyaltyLedgers, PurchaseActivity, Redemptions, RewardCoupons {

    final Map<StoreId, LoyaltyProgram> programs = new HashMap<>();
    final Map<StoreId, LocalDate> nights = new HashMap<>();
    final Map<String, List<LedgerEntry>> ledgers = new TreeMap<>();
    final Map<String, String> tiers = new HashMap<>();
    final Map<String, LoyaltyStanding> standings = new TreeMap<>();
    final Map<String, KeptStanding> kept = new TreeMap<>();
    final Map<String, Order> orders = new TreeMap<>();
    final Map<String, Redemption> redemptions = new TreeMap<>();
    final Map<String, String> coupons = new TreeMap<>();

    LoyaltyPorts ports() {
        return new LoyaltyPorts(this, this, this);
    }

    @Override
    public Optional<LoyaltyProgram> of(StoreId store) {
        return Optional.ofNullable(programs.get(store));
    }

    @Override
    public void save(StoreId store, LoyaltyProgram program) {
        programs.put(store, program);
        kept.replaceAll((customer, standing) ->
                new KeptStanding(standing.card(), standing.basis(), standing.lastPurchaseAt(), null));
    }

    @Override
    public LocalDate lastNight(StoreId store) {
        return nights.get(store);
    }

    @Override
    public void markNight(StoreId store, LocalDate date) {
        nights.put(store, date);
    }

    @Override
    public synchronized Map<String, Account> lock(StoreId store, Collection<String> customerIds) {
        Map<String, Account> accounts = new TreeMap<>();
        for (String customer : customerIds) {
            accounts.put(
                    customer, new Account(customer, ledgers.getOrDefault(customer, List.of()), tiers.get(customer)));
        }
        return accounts;
    }

    @Override
    public synchronized Map<String, KeptStanding> lockKept(StoreId store, Collection<String> customerIds) {
        Map<String, KeptStanding> found = new TreeMap<>();
        for (String customer : customerIds) {
            if (kept.containsKey(customer)) {
                found.put(customer, kept.get(customer));
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, Account> readLocked(StoreId store, Collection<String> customerIds) {
        return lock(store, customerIds);
    }

    @Override
    public synchronized void append(StoreId store, Collection<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            ledgers.computeIfAbsent(entry.customerId(), c -> new ArrayList<>()).add(entry);
        }
    }

    @Override
    public synchronized void saveStandings(StoreId store, Map<String, KeptStanding> saved) {
        saved.forEach((customer, standing) -> {
            standings.put(customer, standing.card());
            tiers.put(customer, standing.card().tier());
            kept.put(customer, standing);
        });
    }

    @Override
    public void forEachAccount(StoreId store, Consumer<Account> sink) {
        new TreeMap<>(ledgers)
                .forEach((customer, entries) -> sink.accept(new Account(customer, entries, tiers.get(customer))));
    }

    @Override
    public Map<String, Purchases> of(StoreId store, Collection<String> customerIds, Instant since) {
        Map<String, Purchases> found = new HashMap<>();
        for (String customer : customerIds) {
            long spend = 0;
            Instant last = null;
            Instant oldest = null;
            for (Order order : orders.values()) {
                if (order.customerExternalId().equals(customer) && order.status() == OrderStatus.COMPLETED) {
                    if (!order.createdAt().isBefore(since)) {
                        spend += order.total().minor();
                        oldest = oldest == null || order.createdAt().isBefore(oldest) ? order.createdAt() : oldest;
                    }
                    last = last == null || order.createdAt().isAfter(last) ? order.createdAt() : last;
                }
            }
            if (last != null) {
                found.put(customer, new Purchases(spend, last, oldest));
            }
        }
        return found;
    }

    @Override
    public void forEachCompletedOrder(StoreId store, Consumer<CompletedOrder> sink) {
        orders.values().stream()
                .filter(o -> o.status() == OrderStatus.COMPLETED)
                .sorted(java.util.Comparator.comparing(Order::customerExternalId))
                .forEach(o -> sink.accept(new CompletedOrder(
                        o.customerExternalId(),
                        o.externalId(),
                        o.createdAt(),
                        o.total().minor())));
    }

    @Override
    public List<String> birthdays(StoreId store, MonthDay day, boolean leapYear) {
        return List.of();
    }

    final List<BonusSource> bonusSources = new ArrayList<>();

    @Override
    public List<BonusSource> bonusSources(StoreId store, Collection<String> customerIds, Instant since) {
        return bonusSources.stream()
                .filter(b -> customerIds == null || customerIds.contains(b.customerId()))
                .toList();
    }

    @Override
    public void add(StoreId store, Redemption redemption) {
        redemptions.put(redemption.id(), redemption);
    }

    @Override
    public Optional<Redemption> lock(StoreId store, String id) {
        return Optional.ofNullable(redemptions.get(id));
    }

    @Override
    public void update(StoreId store, Redemption redemption) {
        redemptions.put(redemption.id(), redemption);
    }

    @Override
    public List<Redemption> lockByCoupons(StoreId store, Collection<String> codes) {
        return redemptions.values().stream()
                .filter(r -> r.couponCode() != null && codes.contains(r.couponCode()))
                .toList();
    }

    @Override
    public List<Redemption> of(StoreId store, String customerId) {
        return redemptions.values().stream()
                .filter(r -> r.customerId().equals(customerId))
                .toList();
    }

    @Override
    public String issue(StoreId store, Redemption redemption) {
        String code = PREFIX + "R" + (coupons.size() + 1);
        coupons.put(code, redemption.id());
        return code;
    }

    @Override
    public void withdraw(StoreId store, String code) {
        coupons.remove(code);
    }

    long total(String customer) {
        return ledgers.getOrDefault(customer, List.of()).stream()
                .mapToLong(LedgerEntry::points)
                .sum();
    }
}
