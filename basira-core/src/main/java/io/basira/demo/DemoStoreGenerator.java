package io.basira.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generates a realistic Saudi online store as a folder of canonical CSV files (docs/import.md):
 * customers.csv, orders.csv, order_items.csv, products.csv, carts.csv, reviews.csv, wishlist.csv.
 *
 * <p>Design: the output is a pure function of the {@link DemoStoreSpec}. Each customer draws from its
 * own {@link SplittableRandom}, seeded by mixing the spec's seed with the customer's number, so a
 * customer's rows depend only on the seed, the customer's number and their share of the orders. The
 * shares come from {@link OrderAllocation}, which replays every customer's first draw once (pass one)
 * and then hands out exact counts as the customers are generated (pass two). Rows are written as they
 * are made; memory is the assortment plus one customer's order moments, whatever the store's size.
 * No clock is read, no hash order is iterated, and floating point goes through {@link StrictMath}, so
 * the same spec gives byte-identical files on every machine. See docs/demo-store.md.
 *
 * <p>Rows of orders.csv are grouped by customer, not sorted by time; ids are unique but not
 * chronological. Thread-safe: the generator holds no state between calls.
 */
public final class DemoStoreGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * Writes the store into {@code folder}, creating it if needed and replacing the seven files if they
     * exist (other files in the folder are left alone).
     *
     * @return the number of rows written per file
     * @throws IOException when the folder or a file cannot be written; files may then be incomplete
     */
    public DemoStoreSummary write(DemoStoreSpec spec, Path folder) throws IOException {
        Files.createDirectories(folder);
        ShoppingCalendar calendar = new ShoppingCalendar(spec.start(), spec.end());
        Assortment assortment = new Assortment(random(spec.seed(), -1), Assortment.sizeFor(spec.customers()));
        OrderAllocation allocation = new OrderAllocation(spec.orders(), spec.customers(), i -> random(spec.seed(), i));
        Baskets baskets = new Baskets(assortment);
        Shoppers shoppers = new Shoppers(calendar);
        try (DemoStoreFiles files = new DemoStoreFiles(
                folder, new LocalTimes(spec.timeZone()), spec.currency().getCurrencyCode())) {
            for (Assortment.Item item : assortment.items()) {
                files.product(item);
            }
            ShopperActivity activity = new ShopperActivity(calendar, baskets, files);
            CartsAndWishlists leftovers = new CartsAndWishlists(calendar, baskets, files);
            for (int i = 0; i < spec.customers(); i++) {
                SplittableRandom random = random(spec.seed(), i);
                OrderAllocation.Draw draw = OrderAllocation.draw(random);
                Shopper shopper = shoppers.make(i, random, draw, allocation.next(draw));
                files.customer(shopper);
                activity.write(random, shopper);
                leftovers.write(random, shopper);
                leftovers.maybeAnonymous(random, shopper);
            }
            return files.summary();
        }
    }

    /** Customer {@code index}'s generator ({@code -1}: the assortment's), a SplitMix64 mix of seed and index. */
    static SplittableRandom random(long seed, int index) {
        long z = seed + (index + 2L) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
