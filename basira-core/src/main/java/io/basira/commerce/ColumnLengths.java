package io.basira.commerce;

import io.basira.shared.TextRules;
import java.util.Map;
import java.util.Set;

/**
 * The longest value of each text column of the canonical records, in characters as
 * {@link TextRules} counts them. These are the {@code VARCHAR} sizes of the schema
 * (basira-server's {@code db/migration}; a test compares the two), so a record that passes its
 * constructor always fits its row. Columns not listed are codes, numbers or dates, checked by
 * their own parsers.
 *
 * <p>Ids, email, phone, codes and tags are single-line; the descriptive columns (names, city,
 * region, category) may hold tab and line breaks, as a quoted CSV field can.
 */
public final class ColumnLengths {

    /** Every store id: customer, order, product, cart, review ids and the references to them. */
    public static final int ID = 128;

    public static final int PERSON_NAME = 200;
    public static final int EMAIL = 320;
    public static final int PHONE = 64;
    public static final int PLACE = 100;
    public static final int PRODUCT_NAME = 500;
    public static final int CATEGORY = 200;
    public static final int ORDER_CODE = 64;
    /** All of a customer's tags, as stored: sorted and joined with {@code ;}. */
    public static final int TAGS = 2000;

    private static final Map<String, Integer> BY_COLUMN = Map.ofEntries(
            Map.entry("customer_id", ID),
            Map.entry("order_id", ID),
            Map.entry("product_id", ID),
            Map.entry("cart_id", ID),
            Map.entry("review_id", ID),
            Map.entry("first_name", PERSON_NAME),
            Map.entry("last_name", PERSON_NAME),
            Map.entry("email", EMAIL),
            Map.entry("phone", PHONE),
            Map.entry("city", PLACE),
            Map.entry("region", PLACE),
            Map.entry("name", PRODUCT_NAME),
            Map.entry("category", CATEGORY),
            Map.entry("coupon_code", ORDER_CODE),
            Map.entry("payment_method", ORDER_CODE),
            Map.entry("shipping_method", ORDER_CODE),
            Map.entry("tags", TAGS));

    private static final Set<String> MULTI_LINE =
            Set.of("first_name", "last_name", "city", "region", "name", "category");

    private ColumnLengths() {}

    /**
     * Why {@code value} cannot be stored in {@code column} (too long, a control character, an
     * unpaired surrogate), or null when it can. A column not listed is only checked for characters.
     */
    public static String problem(String column, String value) {
        int max = BY_COLUMN.getOrDefault(column, Integer.MAX_VALUE);
        return MULTI_LINE.contains(column) ? TextRules.textProblem(value, max) : TextRules.lineProblem(value, max);
    }

    /** The refusal behind {@link #problem} as data (for messages in other languages), or null when it is stored. */
    public static TextRules.Refusal refusal(String column, String value) {
        int max = BY_COLUMN.getOrDefault(column, Integer.MAX_VALUE);
        return MULTI_LINE.contains(column) ? TextRules.textRefusal(value, max) : TextRules.lineRefusal(value, max);
    }

    /** Every limited column and its limit (for the schema test). */
    public static Map<String, Integer> all() {
        return BY_COLUMN;
    }

    /** {@code value} unchanged. @throws IllegalArgumentException "{@code column} reason" */
    static String check(String value, String column) {
        String problem = problem(column, value);
        if (problem != null) {
            throw new IllegalArgumentException(column + " " + problem);
        }
        return value;
    }
}
