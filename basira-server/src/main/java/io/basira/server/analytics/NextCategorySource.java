package io.basira.server.analytics;

import io.basira.shared.Store;
import java.util.Map;

/**
 * Where the analytics refresh takes each customer's most likely next category from (the rule field
 * {@code next_category}; docs/products.md, "Next products"): the products feature
 * ({@code io.basira.server.products.ProductAnalytics}), at the store's current data version.
 */
@FunctionalInterface
public interface NextCategorySource {

    /** A source that knows no category: every customer's next category stays empty. */
    NextCategorySource NONE = store -> Map.of();

    /** Customer id to next category name, for every customer of the store who has one. */
    Map<String, String> nextCategories(Store store);
}
