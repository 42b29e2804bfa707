package io.basira.bench;

import io.basira.card.CardAccumulator;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.eval.EvaluationContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A seeded synthetic store of shoppers, shaped roughly like a real one: a third never ordered, order
 * counts fall off exponentially, most never rated the store, a few carry tags, Gulf countries first.
 * Each shopper's card is folded from their generated orders, carts and reviews by the real
 * {@link CardAccumulator}, so the audience is loaded exactly as production loads it
 * ({@link CustomerSnapshot} upserts). The same seed gives the same shoppers, so the audience and
 * DuckDB ({@link DuckDbSideBySide}) see identical data. Keys are 10, 20, 30 ...
 */
public final class SyntheticStore {

    public static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    public static final LocalDate TODAY = LocalDate.of(2026, 2, 15);
    public static final EvaluationContext CONTEXT = new EvaluationContext(TODAY, ZONE, 2);

    static final String[] COUNTRIES = {"SA", "AE", "KW", "QA", "BH", "OM", "EG", "JO", "MA", "TN", "DZ", "IQ"};
    static final String[] TAGS = {"vip", "wholesale", "fake-receipt", "newsletter", "influencer", "staff"};
    private static final OrderStatus[] STATUSES = {
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.CANCELLED,
        OrderStatus.RETURNED
    };
    private static final long TODAY_SECONDS = TODAY.atStartOfDay(ZONE).toEpochSecond();

    private SyntheticStore() {}

    /** One shopper's attributes and the facts their card is folded from. */
    public record Shopper(
            Customer customer,
            OrderStatus[] statuses,
            Instant[] placedAt,
            long[] totals,
            boolean[] discounted,
            int abandonedCarts,
            Integer storeRating,
            int reviews,
            int wishlist) {

        /** The card folded from every record, plus {@code extra} completed orders placed at {@code at}. */
        public CustomerCard card(int extra, Instant at, long totalMinor) {
            CardAccumulator card = new CardAccumulator();
            for (int i = 0; i < statuses.length; i++) {
                card.addOrder(statuses[i], placedAt[i], totals[i], discounted[i]);
            }
            for (int i = 0; i < extra; i++) {
                card.addOrder(OrderStatus.COMPLETED, at, totalMinor, false);
            }
            for (int i = 0; i < abandonedCarts; i++) {
                card.addCart(io.basira.commerce.CartStatus.ABANDONED);
            }
            for (int i = 0; i < reviews; i++) {
                boolean ofStore = storeRating != null && i == 0;
                card.addReview("r" + i, ofStore, ofStore ? storeRating : 5, placedAt.length > 0 ? placedAt[0] : at);
            }
            for (int i = 0; i < wishlist; i++) {
                card.addWishlistItem();
            }
            return card.card();
        }

        public CustomerCard card() {
            return card(0, null, 0);
        }
    }

    public static Shopper shopper(Random random, long key) {
        int orders = random.nextInt(3) == 0 ? 0 : 1 + (int) Math.min(60, -Math.log(random.nextDouble()) * 3);
        OrderStatus[] statuses = new OrderStatus[orders];
        Instant[] placedAt = new Instant[orders];
        long[] totals = new long[orders];
        boolean[] discounted = new boolean[orders];
        for (int i = 0; i < orders; i++) {
            statuses[i] = STATUSES[random.nextInt(STATUSES.length)];
            placedAt[i] =
                    Instant.ofEpochSecond(TODAY_SECONDS - random.nextInt(1_200) * 86_400L - random.nextInt(86_400));
            totals[i] = 2_000L + random.nextInt(60_000);
            discounted[i] = random.nextInt(4) == 0;
        }
        Integer rating = random.nextInt(10) < 7 ? null : 1 + random.nextInt(5);
        int reviews = random.nextInt(4) + (rating == null ? 0 : 1);
        return new Shopper(
                customer(random, key),
                statuses,
                placedAt,
                totals,
                discounted,
                random.nextInt(5) == 0 ? random.nextInt(8) : 0,
                rating,
                reviews,
                random.nextInt(20));
    }

    private static Customer customer(Random random, long key) {
        Gender gender = random.nextInt(5) == 0 ? null : random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
        LocalDate birth = random.nextInt(10) < 4 ? null : TODAY.minusDays(6_500 + random.nextInt(18_000));
        String city = random.nextInt(8) == 0 ? null : "city-" + random.nextInt(500);
        String region = random.nextInt(8) == 0 ? null : "region-" + random.nextInt(30);
        String country = random.nextInt(20) == 0
                ? null
                : COUNTRIES[Math.min(COUNTRIES.length - 1, (int) (-Math.log(random.nextDouble()) * 2))];
        Instant created =
                Instant.ofEpochSecond(TODAY_SECONDS - random.nextInt(2_500) * 86_400L - random.nextInt(86_400));
        return new Customer(
                "c" + key, null, null, null, null, gender, birth, city, region, country, created, tags(random));
    }

    private static Set<String> tags(Random random) {
        Set<String> tags = new HashSet<>(2);
        for (int t = 0; t < TAGS.length; t++) {
            if (random.nextInt(20 << t) == 0) {
                tags.add(TAGS[t]);
            }
        }
        return tags;
    }

    /** Calls {@code sink} with the {@code n} customers of {@code seed} as snapshots, in key order. */
    public static void forEach(int n, long seed, Consumer<CustomerSnapshot> sink) {
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            long key = 10L * (i + 1);
            Shopper shopper = shopper(random, key);
            sink.accept(new CustomerSnapshot(key, shopper.customer(), shopper.card()));
        }
    }

    /** An audience of the {@code n} customers of {@code seed}, evaluating on {@code parts} threads of {@code executor}. */
    public static IndexedAudience build(int n, long seed, Executor executor, int parts) {
        IndexedAudience audience = new IndexedAudience(ZONE, 2, n, executor, parts);
        forEach(n, seed, audience::upsert);
        return audience;
    }
}
