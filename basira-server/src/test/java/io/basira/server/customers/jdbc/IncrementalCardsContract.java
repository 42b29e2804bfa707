package io.basira.server.customers.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.commerce.Cart;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Review;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.RecordBatch;
import io.basira.server.cards.jdbc.JdbcCards;
import io.basira.server.cards.jdbc.JdbcCustomerActivity;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write path folds order changes into the stored cards without reading the customers' histories
 * ({@link IngestRecords}); this checks that every card it stores equals a full recomputation from the stored
 * records after every write of a seeded random sequence: new orders, changed statuses, amounts, dates and
 * discounts, orders moved to another customer (also to one the same batch creates), orders sent again
 * unchanged, a change and its undo in one batch, and now and then a cart or a review (those customers are
 * folded from their records). Dates come from a few days so that extremes tie and get retracted. A failure
 * names the seed and the round.
 */
@SpringBootTest(properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
abstract class IncrementalCardsContract {

    private static final int ROUNDS = 300;
    private static final Currency SAR = Currency.getInstance("SAR");
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final Instant FIRST_DAY = Instant.parse("2024-03-01T09:30:00Z");

    @Autowired
    IngestRecords ingest;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlDialect dialect;

    @Test
    void every_incrementally_folded_card_equals_a_full_recomputation() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Store store = stores.create(
                "incremental-" + UUID.randomUUID().toString().substring(0, 8),
                "Incremental",
                SAR,
                ZoneId.of("Asia/Riyadh"));
        List<String> customers = new ArrayList<>();
        Map<String, Order> orders = new HashMap<>();
        RecordBatch first = new RecordBatch();
        for (int c = 0; c < 6; c++) {
            customers.add("C" + c);
            first.add(customer("C" + c));
        }
        write(store, first);
        for (int round = 0; round < ROUNDS; round++) {
            RecordBatch batch = new RecordBatch();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                step(random, batch, customers, orders);
            }
            write(store, batch);
            batch.orders().forEach(order -> orders.put(order.externalId(), order));
            Map<String, CustomerCard> stored = new JdbcCards(jdbc, dialect).load(store.id(), customers);
            Map<String, CustomerCard> recomputed = recomputed(store, customers);
            assertThat(stored).as("seed %d, round %d", seed, round).isEqualTo(recomputed);
        }
        assertThat(orders).hasSizeGreaterThan(ROUNDS / 2);
    }

    private void step(Random random, RecordBatch batch, List<String> customers, Map<String, Order> orders) {
        int kind = random.nextInt(20);
        List<Order> known = new ArrayList<>(orders.values());
        if (known.isEmpty() || kind < 6) {
            batch.add(order(
                    "O" + orders.size() + "-" + batch.size() + "-" + random.nextInt(1_000_000),
                    pick(random, customers),
                    random));
        } else if (kind < 14) {
            Order earlier = known.get(random.nextInt(known.size()));
            batch.add(changed(earlier, random, customers));
        } else if (kind == 14) {
            batch.add(known.get(random.nextInt(known.size()))); // sent again unchanged
        } else if (kind == 15) {
            Order earlier = known.get(random.nextInt(known.size())); // a change and its undo, one batch
            batch.add(changed(earlier, random, customers)).add(earlier);
        } else if (kind == 16) {
            String newcomer = "C" + customers.size(); // moved to a customer the batch creates
            customers.add(newcomer);
            batch.add(customer(newcomer));
            batch.add(withCustomer(known.get(random.nextInt(known.size())), newcomer));
        } else if (kind == 17) {
            batch.add(new Cart(
                    "K" + random.nextInt(8),
                    pick(random, customers),
                    day(random),
                    null,
                    null,
                    null,
                    random.nextBoolean() ? CartStatus.ABANDONED : CartStatus.RECOVERED));
        } else if (kind == 18) {
            batch.add(new Review(
                    "R" + random.nextInt(8), pick(random, customers), null, 1 + random.nextInt(5), day(random)));
        } else {
            Order earlier = known.get(random.nextInt(known.size())); // status flip only
            batch.add(new Order(
                    earlier.externalId(),
                    earlier.customerExternalId(),
                    earlier.createdAt(),
                    STATUSES[random.nextInt(STATUSES.length)],
                    earlier.total(),
                    earlier.discountTotal(),
                    earlier.couponCode(),
                    null,
                    null));
        }
    }

    private static Order changed(Order earlier, Random random, List<String> customers) {
        return new Order(
                earlier.externalId(),
                random.nextInt(3) == 0 ? pick(random, customers) : earlier.customerExternalId(),
                random.nextInt(3) == 0 ? day(random) : earlier.createdAt(),
                random.nextInt(2) == 0 ? STATUSES[random.nextInt(STATUSES.length)] : earlier.status(),
                random.nextInt(3) == 0 ? Money.ofMinor(random.nextInt(100_000), SAR) : earlier.total(),
                random.nextInt(4) == 0 ? Money.ofMinor(random.nextInt(2) * 500, SAR) : earlier.discountTotal(),
                random.nextInt(4) == 0 ? (random.nextBoolean() ? "SAVE" : null) : earlier.couponCode(),
                null,
                null);
    }

    private static Order withCustomer(Order earlier, String customer) {
        return new Order(
                earlier.externalId(),
                customer,
                earlier.createdAt(),
                earlier.status(),
                earlier.total(),
                earlier.discountTotal(),
                earlier.couponCode(),
                null,
                null);
    }

    private static Order order(String id, String customer, Random random) {
        return new Order(
                id,
                customer,
                day(random),
                STATUSES[random.nextInt(STATUSES.length)],
                Money.ofMinor(random.nextInt(100_000), SAR),
                Money.ofMinor(random.nextInt(3) == 0 ? 1000 : 0, SAR),
                random.nextInt(5) == 0 ? "SAVE" : null,
                null,
                null);
    }

    /** One of five days, at one of two times: ties on the latest and earliest dates are common. */
    private static Instant day(Random random) {
        return FIRST_DAY.plus(random.nextInt(5), ChronoUnit.DAYS).plus(random.nextInt(2), ChronoUnit.HOURS);
    }

    private static String pick(Random random, List<String> customers) {
        return customers.get(random.nextInt(customers.size()));
    }

    private static Customer customer(String id) {
        return new Customer(
                id,
                "Sara",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2024-01-01T00:00:00Z"),
                Set.of());
    }

    private void write(Store store, RecordBatch batch) {
        transactions.executeWithoutResult(status -> ingest.ingest(store, batch));
    }

    /** Every card folded afresh from the stored records, the way {@code basira rebuild cards} does. */
    private Map<String, CustomerCard> recomputed(Store store, List<String> customers) {
        Map<String, CardAccumulator> folds = new HashMap<>();
        customers.forEach(id -> folds.put(id, new CardAccumulator()));
        new JdbcCustomerActivity(jdbc).replay(store.id(), customers, folds::get);
        Map<String, CustomerCard> cards = new HashMap<>();
        folds.forEach((id, fold) -> cards.put(id, fold.card()));
        return cards;
    }
}
