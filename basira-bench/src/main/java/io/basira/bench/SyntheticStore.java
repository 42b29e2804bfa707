package io.basira.bench;

import io.basira.index.ColumnSpec;
import io.basira.index.CustomerIndex;
import io.basira.index.DictionaryColumn;
import io.basira.index.IntegerColumn;
import io.basira.index.TagColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic store of {@code n} customers with the 20 card and attribute fields rules use
 * (PRODUCT.md §2), shaped roughly like a real store: most customers have few orders, a third
 * have never bought, most never rated the store, a few carry tags. The same seed gives the same
 * rows, so the index and DuckDB ({@link DuckDbSideBySide}) see identical data.
 *
 * <p>Dates are epoch days (the index's date convention); money is in minor units.
 */
public final class SyntheticStore {

    /** The fields; the {@code FIELD_*} indexes below refer to this order. */
    public static final List<ColumnSpec> FIELDS = List.of(
            ColumnSpec.integer("order_count"),
            ColumnSpec.integer("total_spent"),
            ColumnSpec.integer("average_order_value"),
            ColumnSpec.integer("cancelled_orders"),
            ColumnSpec.integer("returned_orders"),
            ColumnSpec.integer("last_purchase_at"),
            ColumnSpec.integer("first_order_at"),
            ColumnSpec.integer("abandoned_carts"),
            ColumnSpec.integer("store_rating"),
            ColumnSpec.integer("discount_share_bp"),
            ColumnSpec.integer("wishlist_count"),
            ColumnSpec.integer("reviews_count"),
            ColumnSpec.integer("birth_date"),
            ColumnSpec.integer("created_at"),
            ColumnSpec.integer("loyalty_points"),
            ColumnSpec.dictionary("gender"),
            ColumnSpec.dictionary("city"),
            ColumnSpec.dictionary("region"),
            ColumnSpec.dictionary("country"),
            ColumnSpec.tags("tags"));

    static final String[] GENDERS = {"female", "male", "unspecified"};
    static final String[] COUNTRIES = {"SA", "AE", "KW", "QA", "BH", "OM", "EG", "JO", "MA", "TN", "DZ", "IQ"};
    static final String[] TAGS = {"vip", "wholesale", "fake-receipt", "newsletter", "influencer", "staff"};
    static final int TODAY = 20_500; // an epoch day in 2026

    private SyntheticStore() {}

    /** One customer's values, in {@link #FIELDS} order; null = no value. Strings for dictionaries. */
    public static Object[] customer(Random random) {
        Object[] v = new Object[FIELDS.size()];
        int orders = random.nextInt(3) == 0 ? 0 : 1 + (int) Math.min(200, -Math.log(random.nextDouble()) * 4);
        long spent = orders == 0 ? 0 : orders * (2_000L + random.nextInt(60_000));
        v[0] = (long) orders;
        v[1] = spent;
        v[2] = orders == 0 ? 0L : spent / orders;
        v[3] = (long) (random.nextInt(10) == 0 ? random.nextInt(6) : 0);
        v[4] = (long) (random.nextInt(12) == 0 ? random.nextInt(4) : 0);
        v[5] = orders == 0 ? null : (long) (TODAY - random.nextInt(900));
        v[6] = orders == 0 ? null : (long) (TODAY - 900 - random.nextInt(900));
        v[7] = (long) (random.nextInt(5) == 0 ? random.nextInt(8) : 0);
        v[8] = random.nextInt(10) < 7 ? null : (long) (1 + random.nextInt(5));
        v[9] = orders == 0 ? null : (long) random.nextInt(10_001);
        v[10] = (long) random.nextInt(20);
        v[11] = (long) random.nextInt(4);
        v[12] = random.nextInt(10) < 4 ? null : (long) (TODAY - 6_500 - random.nextInt(18_000));
        v[13] = (long) (TODAY - random.nextInt(2_500));
        v[14] = (long) random.nextInt(100_000);
        v[15] = random.nextInt(5) == 0 ? null : GENDERS[random.nextInt(GENDERS.length)];
        v[16] = random.nextInt(8) == 0 ? null : "city-" + random.nextInt(500);
        v[17] = random.nextInt(8) == 0 ? null : "region-" + random.nextInt(30);
        v[18] = random.nextInt(20) == 0 ? null : COUNTRIES[Math.min(COUNTRIES.length - 1, (int) (-Math.log(random.nextDouble()) * 2))];
        v[19] = tags(random);
        return v;
    }

    private static List<String> tags(Random random) {
        List<String> tags = new ArrayList<>(2);
        for (int t = 0; t < TAGS.length; t++) {
            if (random.nextInt(20 << t) == 0) {
                tags.add(TAGS[t]);
            }
        }
        return tags;
    }

    /** Builds the index of {@code n} customers (keys 10, 20, 30 ...) from {@code seed}. */
    public static CustomerIndex build(int n, long seed) {
        CustomerIndex index = new CustomerIndex(FIELDS, n);
        Object[] columns = columns(index);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            write(columns, index.rowFor(10L * (i + 1)), customer(random));
        }
        return index;
    }

    /** The index's column handles in {@link #FIELDS} order, resolved once for {@link #write}. */
    public static Object[] columns(CustomerIndex index) {
        Object[] columns = new Object[FIELDS.size()];
        for (int f = 0; f < columns.length; f++) {
            ColumnSpec spec = FIELDS.get(f);
            columns[f] = switch (spec.kind()) {
                case INTEGER -> index.integerColumn(spec.name());
                case DICTIONARY -> index.dictionaryColumn(spec.name());
                case TAGS -> index.tagColumn(spec.name());
            };
        }
        return columns;
    }

    /** Writes one customer's values into {@code row}: what the event path does. */
    public static void write(Object[] columns, int row, Object[] values) {
        for (int f = 0; f < columns.length; f++) {
            Object value = values[f];
            if (columns[f] instanceof IntegerColumn column) {
                if (value == null) {
                    column.clear(row);
                } else {
                    column.set(row, (Long) value);
                }
            } else if (columns[f] instanceof DictionaryColumn column) {
                column.set(row, (String) value);
            } else {
                ((TagColumn) columns[f]).set(row, castTags(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castTags(Object value) {
        return (List<String>) value;
    }
}
