package io.basira.demo;

import io.basira.commerce.CartStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Carts that did not (yet) become orders, and wishlists.
 *
 * <p>Every customer leaves some carts behind: people who never ordered 1 on average, buyers 0.6 plus
 * 0.25 per order (at most 20 orders counted), Poisson-distributed. A cart touched in the last two days of the
 * period is still open; an older one was recovered after a reminder (22%) or stayed abandoned. A
 * quarter of the customers keep a wishlist of 1–8 distinct products. Anonymous visitors (no customer
 * id) leave carts too: open or abandoned, never recovered (nobody to remind).
 */
final class CartsAndWishlists {

    private static final long OPEN_WINDOW = 2 * LocalTimes.DAY;

    private final ShoppingCalendar calendar;
    private final Baskets baskets;
    private final DemoStoreFiles files;

    CartsAndWishlists(ShoppingCalendar calendar, Baskets baskets, DemoStoreFiles files) {
        this.calendar = calendar;
        this.baskets = baskets;
        this.files = files;
    }

    void write(SplittableRandom random, Shopper shopper) throws IOException {
        double mean = shopper.orders() == 0 ? 1.0 : 0.6 + 0.25 * Math.min(20, shopper.orders());
        int carts = poisson(random, mean);
        for (int i = 0; i < carts; i++) {
            leftCart(random, shopper);
        }
        if (random.nextInt(100) < 25) {
            wishlist(random, shopper);
        }
    }

    /** An anonymous visitor's cart, after a customer with probability 30%. */
    void maybeAnonymous(SplittableRandom random, Shopper shopper) throws IOException {
        if (random.nextInt(100) >= 30) {
            return;
        }
        long created = calendar.draw(random);
        long updated = Math.min(calendar.end() - 1, created + 60 + random.nextInt(1800));
        CartStatus status = updated >= calendar.end() - OPEN_WINDOW ? CartStatus.OPEN : CartStatus.ABANDONED;
        writeCart(random, shopper, null, created, updated, status);
    }

    private void leftCart(SplittableRandom random, Shopper shopper) throws IOException {
        long created = calendar.draw(random, shopper.signup(), calendar.end());
        long updated = Math.min(calendar.end() - 1, created + 60 + random.nextInt(3600));
        CartStatus status;
        if (updated >= calendar.end() - OPEN_WINDOW) {
            status = CartStatus.OPEN;
        } else if (random.nextInt(100) < 22) {
            status = CartStatus.RECOVERED;
            updated =
                    Math.min(calendar.end() - 1, created + LocalTimes.HOUR + random.nextInt(2 * (int) LocalTimes.DAY));
        } else {
            status = CartStatus.ABANDONED;
        }
        writeCart(random, shopper, shopper.id(), created, updated, status);
    }

    private void writeCart(
            SplittableRandom random, Shopper shopper, String customerId, long created, long updated, CartStatus status)
            throws IOException {
        int lines = 1 + random.nextInt(4);
        long total = 0;
        int items = 0;
        for (int i = 0; i < lines; i++) {
            int quantity = random.nextInt(100) < 80 ? 1 : 2;
            total += baskets.product(random, shopper).priceMinor() * quantity;
            items += quantity;
        }
        boolean noUpdate = random.nextInt(100) < 5;
        files.cart(customerId, created, noUpdate ? -1 : updated, total, items, status);
    }

    /** 1–8 distinct products; a product the customer already has is skipped, not repeated. */
    private void wishlist(SplittableRandom random, Shopper shopper) throws IOException {
        int wanted = 1 + random.nextInt(8);
        String[] chosen = new String[wanted];
        int count = 0;
        for (int attempt = 0; attempt < wanted * 3 && count < wanted; attempt++) {
            String product = baskets.product(random, shopper).id();
            if (!Arrays.asList(chosen).subList(0, count).contains(product)) {
                chosen[count++] = product;
                files.wish(shopper.id(), product, calendar.draw(random, shopper.signup(), calendar.end()));
            }
        }
    }

    /** Knuth's method; fine for the small means used here. */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
