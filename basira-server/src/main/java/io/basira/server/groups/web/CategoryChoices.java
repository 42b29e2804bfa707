package io.basira.server.groups.web;

import io.basira.shared.Store;
import java.util.List;

/**
 * The categories the rule builder offers for {@code next_category} (docs/products.md). Products provides it
 * ({@code ProductAnalytics}); the groups' pages depend on no feature above them.
 */
@FunctionalInterface
public interface CategoryChoices {

    /** The store's categories to choose from, in text order; empty when the builder should keep its text box. */
    List<String> categoryChoices(Store store);
}
