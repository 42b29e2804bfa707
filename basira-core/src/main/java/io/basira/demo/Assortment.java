package io.basira.demo;

import io.basira.demo.AssortmentTemplates.Category;
import io.basira.demo.AssortmentTemplates.Line;
import io.basira.demo.AssortmentTemplates.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo store's products and how popular each one is.
 *
 * <p>Products are distinct (line, variant) pairs of {@link AssortmentTemplates}, shuffled by the seed;
 * the store keeps the first {@code size}. Popularity is Zipf-like over the shuffled order (weight
 * 1/(rank+3)^0.85), so a few products sell a lot and many sell rarely. Draws are by binary search over
 * cumulative weights, over the whole catalogue or one category. Immutable and thread-safe.
 */
final class Assortment {

    /** One product; price in minor units. */
    record Item(String id, String name, int category, long priceMinor, boolean bulk) {}

    /** At most this many products: every (line, variant) pair once. */
    static final int MAX_SIZE = maxSize();

    private final List<Item> items = new ArrayList<>();
    private final double[] cumulative;
    private final List<List<Item>> byCategory = new ArrayList<>();
    private final List<double[]> categoryCumulative = new ArrayList<>();

    Assortment(SplittableRandom random, int size) {
        if (size < AssortmentTemplates.CATEGORIES.size() || size > MAX_SIZE) {
            throw new IllegalArgumentException("a catalogue has 10 to " + MAX_SIZE + " products, not " + size);
        }
        List<int[]> pairs = shuffledPairs(random);
        double[] weights = new double[size];
        List<List<Double>> categoryWeights = new ArrayList<>();
        for (int c = 0; c < AssortmentTemplates.CATEGORIES.size(); c++) {
            byCategory.add(new ArrayList<>());
            categoryWeights.add(new ArrayList<>());
        }
        for (int k = 0; k < size; k++) {
            int[] pair = pairs.get(k);
            Item item = item(random, k, pair[0], pair[1], pair[2]);
            items.add(item);
            weights[k] = 1.0 / StrictMath.pow(k + 3, 0.85);
            byCategory.get(item.category()).add(item);
            categoryWeights.get(item.category()).add(weights[k]);
        }
        this.cumulative = Weighted.cumulate(weights);
        for (List<Double> w : categoryWeights) {
            categoryCumulative.add(w.isEmpty() ? new double[0] : Weighted.cumulate(unbox(w)));
        }
    }

    /** The catalogue size for a store of {@code customers}: one product per 10 customers, 120 to 600. */
    static int sizeFor(int customers) {
        return Math.max(120, Math.min(MAX_SIZE, customers / 10));
    }

    List<Item> items() {
        return items;
    }

    Item draw(SplittableRandom random) {
        return items.get(Weighted.indexOf(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]));
    }

    /** A product of {@code category}, or of the whole catalogue when the category has none. */
    Item draw(SplittableRandom random, int category) {
        double[] sums = categoryCumulative.get(category);
        if (sums.length == 0) {
            return draw(random);
        }
        return byCategory.get(category).get(Weighted.indexOf(sums, random.nextDouble() * sums[sums.length - 1]));
    }

    static int categoryIndex(String name) {
        for (int c = 0; c < AssortmentTemplates.CATEGORIES.size(); c++) {
            if (AssortmentTemplates.CATEGORIES.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + name);
    }

    /** The indexes of the named categories, in the order given. */
    static int[] categoryIndexes(String... names) {
        int[] indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indexes[i] = categoryIndex(names[i]);
        }
        return indexes;
    }

    private static Item item(SplittableRandom random, int k, int categoryIndex, int lineIndex, int variantIndex) {
        Category category = AssortmentTemplates.CATEGORIES.get(categoryIndex);
        Line line = category.lines().get(lineIndex);
        Variant variant = category.variants().get(variantIndex);
        String name = switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> line.arabic() + " - " + variant.arabic();
            case 5, 6, 7 -> line.english() + " - " + variant.english();
            default -> line.arabic() + " | " + line.english() + " - " + variant.english();
        };
        long riyals = Math.max(
                3,
                (line.minPrice() + random.nextInt(line.maxPrice() - line.minPrice() + 1))
                        * (long) variant.pricePercent()
                        / 100);
        long ending = switch (random.nextInt(20)) {
            case 0, 1, 2, 3 -> 5;
            case 4, 5, 6 -> 1;
            case 7, 8, 9 -> 50;
            default -> 0;
        };
        return new Item("P" + (10_001 + k), name, categoryIndex, riyals * 100 - ending, category.bulk());
    }

    private static List<int[]> shuffledPairs(SplittableRandom random) {
        List<int[]> pairs = new ArrayList<>();
        for (int c = 0; c < AssortmentTemplates.CATEGORIES.size(); c++) {
            Category category = AssortmentTemplates.CATEGORIES.get(c);
            for (int l = 0; l < category.lines().size(); l++) {
                for (int v = 0; v < category.variants().size(); v++) {
                    pairs.add(new int[] {c, l, v});
                }
            }
        }
        for (int i = pairs.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = pairs.get(i);
            pairs.set(i, pairs.get(j));
            pairs.set(j, swap);
        }
        return pairs;
    }

    private static int maxSize() {
        int size = 0;
        for (Category category : AssortmentTemplates.CATEGORIES) {
            size += category.lines().size() * category.variants().size();
        }
        return size;
    }

    private static double[] unbox(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
