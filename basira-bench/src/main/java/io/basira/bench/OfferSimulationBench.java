package io.basira.bench;

import io.basira.analytics.StoreFacts;
import io.basira.card.CustomerSnapshot;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Validity;
import io.basira.checkout.simulation.GroupAudiences;
import io.basira.checkout.simulation.OfferDiscount;
import io.basira.checkout.simulation.OfferTarget;
import io.basira.checkout.simulation.OfferTerms;
import io.basira.checkout.simulation.SimulateOffer;
import io.basira.checkout.simulation.Simulation;
import io.basira.events.DomainEvents;
import io.basira.fields.BuiltInFields;
import io.basira.groups.Group;
import io.basira.groups.GroupCustomers;
import io.basira.groups.GroupDefinitions;
import io.basira.groups.GroupEngine;
import io.basira.groups.GroupInsights;
import io.basira.groups.GroupPorts;
import io.basira.groups.GroupRules;
import io.basira.groups.ManualList;
import io.basira.groups.ManualLists;
import io.basira.groups.MembershipCause;
import io.basira.groups.Movement;
import io.basira.groups.StoredMembership;
import io.basira.segment.text.RuleText;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How long the offer simulator ({@link SimulateOffer}) takes on a large store, in memory as the server holds it:
 * the synthetic store's customers ({@link SyntheticStore}, cards folded from their records) in the groups engine
 * with the ready-made groups, and about 10 orders per customer in the analytics' order columns
 * ({@link AnalyticsSideBySide#generate}, the same customer ids; those orders are not the ones the cards were folded
 * from, which changes the figures a simulation returns, not the work it does). Each offer is simulated
 * {@code runs} times after {@code warmup} runs; the answer prints the median, 90th percentile and maximum in ms.
 *
 * <pre>
 * ./mvnw -q -B -o -pl basira-bench -am test-compile
 * java -Xmx2g -cp "basira-bench/target/classes:$(cat basira-bench/target/classpath.txt)" \
 *     io.basira.bench.OfferSimulationBench 100000 10 30 50
 * </pre>
 */
public final class OfferSimulationBench {

    static final Store STORE =
            new Store(new StoreId(1), "bench", "Bench", Currency.getInstance("SAR"), SyntheticStore.ZONE);

    private OfferSimulationBench() {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double perCustomer = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;

        long t0 = System.nanoTime();
        Path csv = Files.createTempFile("offer-simulation", ".csv");
        StoreFacts facts = AnalyticsSideBySide.generate(customers, perCustomer, 42L, csv);
        Files.deleteIfExists(csv);
        Memory memory = new Memory(customers);
        Instant noon =
                SyntheticStore.TODAY.atTime(12, 0).atZone(SyntheticStore.ZONE).toInstant();
        Clock clock = Clock.fixed(noon, ZoneOffset.UTC);
        GroupEngine engine = new GroupEngine(memory.ports(), BuiltInFields.catalogue(), DomainEvents.NONE, clock);
        GroupRules rules = new GroupRules(engine, memory, clock);
        for (String[] g : new String[][] {
            {"low-basket", "total_spent < 200 AND order_count < 3"},
            {"vip", "total_spent > 1500 OR order_count > 10"},
            {"new", "order_count = 0"},
            {"inactive", "last_purchase_at < -90d"},
            {"non-serious", "cancelled_orders > 2"}
        }) {
            rules.create(STORE, g[0], g[0], RuleText.parse(g[1]));
        }
        GroupInsights insights = new GroupInsights(engine, memory);
        SimulateOffer simulator = new SimulateOffer(new GroupAudiences(insights), store -> facts, clock);
        System.out.printf(
                "store: %,d customers, %,d orders in the columns; loaded in %.1f s%n",
                customers, facts.orderCount(), (System.nanoTime() - t0) / 1e9);

        Map<String, OfferTerms> offers = new LinkedHashMap<>();
        Money sar = Money.parse("200.00", STORE.currency());
        offers.put(
                "policy: 30% to low-basket",
                new OfferTerms(
                        new OfferTarget.Groups(EligibleGroups.anyOf("low-basket")),
                        new OfferDiscount.PercentOff(BigDecimal.valueOf(30)),
                        null,
                        null,
                        null,
                        null,
                        null));
        offers.put(
                "policy: 10% to everyone",
                new OfferTerms(
                        new OfferTarget.Groups(EligibleGroups.everyone()),
                        new OfferDiscount.PercentOff(BigDecimal.TEN),
                        null,
                        null,
                        null,
                        null,
                        null));
        offers.put(
                "coupon: 50 off from 200 to vip or inactive, not non-serious, 1 per customer, 5,000 uses",
                new OfferTerms(
                        new OfferTarget.Groups(new EligibleGroups(Set.of("vip", "inactive"), Set.of("non-serious"))),
                        new OfferDiscount.AmountOff(Money.parse("50.00", STORE.currency())),
                        sar,
                        null,
                        5_000,
                        1,
                        new Validity(noon, noon.plusSeconds(30L * 86_400))));
        offers.put(
                "campaign: rule total_spent > 500 AND country IN ('SA','AE'), 15%",
                new OfferTerms(
                        new OfferTarget.Rule(RuleText.parse("total_spent > 500 AND country IN ('SA', 'AE')")),
                        new OfferDiscount.PercentOff(BigDecimal.valueOf(15)),
                        null,
                        null,
                        null,
                        null,
                        null));
        for (Map.Entry<String, OfferTerms> offer : offers.entrySet()) {
            Simulation last = null;
            for (int i = 0; i < warmup; i++) {
                last = simulator.simulate(STORE, offer.getValue());
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = simulator.simulate(STORE, offer.getValue());
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "%-95s median %7.2f ms  p90 %7.2f ms  max %7.2f ms | reach %,d (%s%%), anonymous %s, "
                            + "%,d of %,d orders, discount %s%n",
                    offer.getKey(),
                    ms[runs / 2],
                    ms[(int) Math.ceil(runs * 0.9) - 1],
                    ms[runs - 1],
                    last.reach().members(),
                    last.reach().share(),
                    last.reach().anonymousVisitorsQualify(),
                    last.cost().qualifyingOrders(),
                    last.cost().ordersInWindow(),
                    last.cost().discount());
        }
    }

    /** Every port of the groups engine in memory, for one store: the synthetic customers, nothing stored. */
    static final class Memory implements GroupCustomers, GroupDefinitions, ManualLists {
        private final Map<String, CustomerSnapshot> customers = new HashMap<>();
        private final List<CustomerSnapshot> all = new ArrayList<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();

        Memory(int n) {
            SyntheticStore.forEach(n, 42L, c -> {
                customers.put(c.customer().externalId(), c);
                all.add(c);
            });
        }

        GroupPorts ports() {
            return new GroupPorts(this, this, this, new Nothing(), new io.basira.groups.Transactions() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    return work.get();
                }
            });
        }

        @Override
        public Optional<CustomerSnapshot> find(StoreId store, String id) {
            return Optional.ofNullable(customers.get(id));
        }

        @Override
        public List<CustomerSnapshot> findAll(StoreId store, Collection<String> ids) {
            return ids.stream().map(customers::get).filter(c -> c != null).toList();
        }

        @Override
        public void forEach(StoreId store, Consumer<CustomerSnapshot> sink) {
            all.forEach(sink);
        }

        @Override
        public List<Group> all(StoreId store) {
            return List.copyOf(groups.values());
        }

        @Override
        public void save(StoreId store, Group group) {
            groups.put(group.key(), group);
        }

        @Override
        public boolean delete(StoreId store, String key) {
            return groups.remove(key) != null;
        }

        @Override
        public boolean any(StoreId store) {
            return !groups.isEmpty();
        }

        @Override
        public Map<String, Set<String>> all(StoreId store, ManualList list) {
            return Map.of();
        }

        @Override
        public boolean put(StoreId store, String groupKey, String customerId, ManualList list) {
            return false;
        }

        @Override
        public boolean remove(StoreId store, String groupKey, String customerId, ManualList list) {
            return false;
        }
    }

    /** Stores nothing: every movement counts as a change. */
    static final class Nothing implements StoredMembership {
        @Override
        public Map<String, Set<String>> all(StoreId store) {
            return Map.of();
        }

        @Override
        public List<Movement> apply(StoreId store, List<Movement> movements, MembershipCause cause, Instant at) {
            return movements;
        }

        @Override
        public Optional<LocalDate> evaluatedOn(StoreId store) {
            return Optional.empty();
        }

        @Override
        public void setEvaluatedOn(StoreId store, LocalDate date) {}
    }
}
