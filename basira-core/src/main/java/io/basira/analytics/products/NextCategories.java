package io.basira.analytics.products;

import java.util.HashMap;
import java.util.Map;

/**
 * Every customer's most likely next category (docs/products.md, "Next products", and the rule field
 * {@code next_category}, docs/rules.md): for a customer with at least one counted order with a line, the category
 * with the highest summed score over her best {@value #SUGGESTIONS} next products ({@link NextProducts.Scorer#nextCategory});
 * none for a customer without such an order, or when none of her best suggestions has a category. The API, the
 * customer card and the rule field read this one definition.
 */
public final class NextCategories {

    /** How many of a customer's best next products decide her next category. */
    public static final int SUGGESTIONS = 10;

    private NextCategories() {}

    /**
     * Customer id to next category name for every customer of the model's baskets who has one; a customer without
     * a counted order (or with no categorised suggestion) is absent.
     */
    public static Map<String, String> of(NextProducts model) {
        Baskets baskets = model.baskets();
        NextProducts.Scorer scorer = model.scorer();
        Map<String, String> categories = new HashMap<>();
        for (int row = 0; row < baskets.customerCount(); row++) {
            String category = of(scorer, row);
            if (category != null) {
                categories.put(baskets.customerId(row), category);
            }
        }
        return categories;
    }

    /** The next category of one customer row; null without a counted order or a categorised suggestion. */
    public static String of(NextProducts.Scorer scorer, int row) {
        Baskets baskets = scorer.baskets();
        if (row < 0 || baskets.orderStart(row + 1) == baskets.orderStart(row)) {
            return null;
        }
        int category = scorer.nextCategory(row, SUGGESTIONS);
        return category == Baskets.NO_CATEGORY ? null : baskets.categoryName(category);
    }
}
