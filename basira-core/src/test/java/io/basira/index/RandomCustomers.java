package io.basira.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random customers and rules, written identically into a {@link CustomerIndex} and a
 * {@link ReferenceRows}. Values are drawn from small pools so that rules hit boundaries, and some
 * literals are never stored (unseen dictionary values, tags nobody has).
 */
final class RandomCustomers {

    static final List<ColumnSpec> COLUMNS = List.of(
            ColumnSpec.integer("total_spent"),
            ColumnSpec.integer("order_count"),
            ColumnSpec.integer("store_rating"),
            ColumnSpec.integer("last_purchase_day"),
            ColumnSpec.dictionary("country"),
            ColumnSpec.dictionary("city"),
            ColumnSpec.tags("tags"));
    static final String[] INTEGERS = {"total_spent", "order_count", "store_rating", "last_purchase_day"};
    static final String[] COUNTRIES = {"SA", "AE", "EG", "KW", "QA", "sa"};
    static final String[] TAGS = {"vip", "wholesale", "fake-receipt", "newsletter"};

    final Random random;
    final CustomerIndex index;
    final ReferenceRows reference = new ReferenceRows();

    RandomCustomers(long seed, int expectedRows) {
        this.random = new Random(seed);
        this.index = new CustomerIndex(COLUMNS, expectedRows);
    }

    void addCustomers(int n) {
        for (int i = 0; i < n; i++) {
            long key = 1_000_000L + 7L * reference.size();
            int row = index.rowFor(key);
            int ref = reference.add();
            if (row != ref) {
                throw new AssertionError("row " + row + " != " + ref);
            }
            randomise(row);
        }
    }

    /** Gives every column of {@code row} a fresh random value (or null) in both models. */
    void randomise(int row) {
        for (String column : INTEGERS) {
            setInteger(row, column, random.nextInt(5) == 0 ? null : integerValue(column));
        }
        setString(row, "country", random.nextInt(6) == 0 ? null : COUNTRIES[random.nextInt(COUNTRIES.length)]);
        setString(row, "city", random.nextInt(3) == 0 ? null : "city-" + random.nextInt(300));
        Set<String> tags = new HashSet<>();
        for (String tag : TAGS) {
            if (random.nextInt(4) == 0) {
                tags.add(tag);
            }
        }
        index.tagColumn("tags").set(row, tags);
        reference.set(row, "tags", tags);
    }

    void setInteger(int row, String column, Long value) {
        if (value == null) {
            index.integerColumn(column).clear(row);
        } else {
            index.integerColumn(column).set(row, value);
        }
        reference.set(row, column, value);
    }

    void setString(int row, String column, String value) {
        index.dictionaryColumn(column).set(row, value);
        reference.set(row, column, value);
    }

    long integerValue(String column) {
        return switch (column) {
            case "total_spent" -> random.nextInt(20) == 0 ? random.nextLong() : random.nextInt(400_000) - 1_000;
            case "order_count" -> random.nextInt(30);
            case "store_rating" -> 1 + random.nextInt(5);
            default -> 19_000 + random.nextInt(1_000);
        };
    }

    ColumnPredicate rule(int depth) {
        int pick = random.nextInt(depth <= 0 ? 6 : 10);
        return switch (pick) {
            case 6, 7 -> new ColumnPredicate.And(children(depth));
            case 8 -> new ColumnPredicate.Or(children(depth));
            case 9 -> ColumnPredicate.not(rule(depth - 1));
            default -> leaf();
        };
    }

    private List<ColumnPredicate> children(int depth) {
        List<ColumnPredicate> children = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            children.add(rule(depth - 1));
        }
        return children;
    }

    ColumnPredicate leaf() {
        String column = INTEGERS[random.nextInt(INTEGERS.length)];
        return switch (random.nextInt(7)) {
            case 0, 1 -> ColumnPredicate.compare(column, CompareOp.values()[random.nextInt(6)], literal(column));
            case 2 -> betweenOf(column);
            case 3 -> inSet();
            case 4 -> new ColumnPredicate.HasAnyTag("tags", pickSome(new String[] {"vip", "wholesale", "never-used"}));
            case 5 -> ColumnPredicate.isNull(anyColumn());
            default -> ColumnPredicate.isNotNull(anyColumn());
        };
    }

    private ColumnPredicate betweenOf(String column) {
        long a = literal(column);
        long b = random.nextInt(10) == 0 ? literal(column) : a + random.nextInt(200_000);
        return ColumnPredicate.between(column, a, b);
    }

    private ColumnPredicate inSet() {
        if (random.nextBoolean()) {
            return new ColumnPredicate.InSet("city", Set.of("city-" + random.nextInt(320), "nowhere"));
        }
        return new ColumnPredicate.InSet("country", pickSome(new String[] {"SA", "AE", "EG", "OM", "sa"}));
    }

    private Set<String> pickSome(String[] pool) {
        Set<String> picked = new HashSet<>();
        for (String value : pool) {
            if (random.nextInt(3) == 0) {
                picked.add(value);
            }
        }
        return picked;
    }

    private String anyColumn() {
        return COLUMNS.get(random.nextInt(COLUMNS.size())).name();
    }

    private long literal(String column) {
        return switch (random.nextInt(8)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            default -> integerValue(column);
        };
    }
}
