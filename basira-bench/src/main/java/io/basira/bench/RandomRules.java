package io.basira.bench;

import io.basira.segment.Condition;
import io.basira.segment.template.SegmentTemplate;
import io.basira.segment.template.SegmentTemplates;
import io.basira.segment.text.RuleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The 100 groups the benchmarks evaluate: the 8 templates of {@link SegmentTemplates} and 92 seeded
 * random rules of 1–5 conditions, written in the rule text language and parsed with {@link RuleText},
 * exactly as a merchant's rule arrives. Literals come from {@link SyntheticStore}'s ranges, so
 * selectivities range from empty to nearly everyone; a few money literals have three decimals to
 * exercise exact scaling.
 */
public final class RandomRules {

    public static final int GROUPS = 100;

    private final Random random;

    public RandomRules(long seed) {
        this.random = new Random(seed);
    }

    /** The templates' rules, then random ones, {@code count} texts in all. */
    public List<String> texts(int count) {
        List<String> texts = new ArrayList<>(count);
        for (SegmentTemplate template : SegmentTemplates.all()) {
            if (texts.size() < count) {
                texts.add(template.rule());
            }
        }
        while (texts.size() < count) {
            texts.add(tree(1 + random.nextInt(5)));
        }
        return texts;
    }

    /** {@link #texts} parsed. */
    public List<Condition> rules(int count) {
        return texts(count).stream().map(RuleText::parse).toList();
    }

    private String tree(int conditions) {
        String rule;
        if (conditions == 1) {
            rule = leaf();
        } else {
            int left = 1 + random.nextInt(conditions - 1);
            String connective = random.nextInt(3) != 0 ? " AND " : " OR ";
            rule = "(" + tree(left) + connective + tree(conditions - left) + ")";
        }
        return random.nextInt(8) == 0 ? "NOT " + rule : rule;
    }

    private String leaf() {
        int kind = random.nextInt(22);
        return switch (kind) {
            case 0 -> compare("order_count", Integer.toString(random.nextInt(15)));
            case 1 -> compare("total_spent", money(5_000));
            case 2 -> compare("average_order_value", money(600));
            case 3 -> compare("cancelled_orders", Integer.toString(random.nextInt(4)));
            case 4 -> compare("returned_orders", Integer.toString(random.nextInt(4)));
            case 5 -> compare("last_purchase_at", "-" + random.nextInt(1_200) + "d");
            case 6 -> "first_order_at BETWEEN -" + (600 + random.nextInt(600)) + "d AND -" + random.nextInt(600) + "d";
            case 7 -> compare("abandoned_carts", Integer.toString(random.nextInt(5)));
            case 8 ->
                random.nextBoolean()
                        ? compare("store_rating", Integer.toString(1 + random.nextInt(5)))
                        : "store_rating IS " + (random.nextBoolean() ? "" : "NOT ") + "NULL";
            case 9 -> compare("days_since_last_purchase", Integer.toString(random.nextInt(1_200)));
            case 10 -> compare("discount_share", "0." + random.nextInt(100));
            case 11 -> compare("wishlist_count", Integer.toString(random.nextInt(20)));
            case 12 -> compare("reviews_count", Integer.toString(random.nextInt(5)));
            case 13 ->
                "gender " + (random.nextBoolean() ? "=" : "!=") + (random.nextBoolean() ? " 'female'" : " 'male'");
            case 14 ->
                compare("birth_date", "'" + SyntheticStore.TODAY.minusDays(6_500 + random.nextInt(18_000)) + "'");
            case 15 -> "age BETWEEN " + (18 + random.nextInt(30)) + " AND " + (30 + random.nextInt(40));
            case 16 -> "birthday BETWEEN today AND +" + random.nextInt(30) + "d";
            case 17 -> "city IN ('city-" + random.nextInt(500) + "', 'city-" + random.nextInt(500) + "')";
            case 18 -> "region " + (random.nextBoolean() ? "=" : "!=") + " 'region-" + random.nextInt(30) + "'";
            case 19 ->
                "country " + (random.nextBoolean() ? "IN" : "NOT IN") + " ('" + country() + "', '" + country() + "')";
            case 20 -> "tags " + (random.nextInt(4) == 0 ? "!=" : "=") + " '" + tag() + "'";
            default -> compare("created_at", "'" + SyntheticStore.TODAY.minusDays(random.nextInt(2_500)) + "'");
        };
    }

    private String compare(String field, String literal) {
        String[] ops = {"=", "!=", "<", "<=", ">", ">="};
        return field + " " + ops[random.nextInt(ops.length)] + " " + literal;
    }

    private String money(int max) {
        int whole = random.nextInt(max);
        return switch (random.nextInt(3)) {
            case 0 -> Integer.toString(whole);
            case 1 -> whole + "." + String.format("%02d", random.nextInt(100));
            default -> whole + "." + String.format("%03d", random.nextInt(1_000));
        };
    }

    private String country() {
        return SyntheticStore.COUNTRIES[random.nextInt(SyntheticStore.COUNTRIES.length)];
    }

    private String tag() {
        return SyntheticStore.TAGS[random.nextInt(SyntheticStore.TAGS.length)];
    }
}
