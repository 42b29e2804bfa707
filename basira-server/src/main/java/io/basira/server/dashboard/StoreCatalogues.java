package io.basira.server.dashboard;

import io.basira.checkout.Catalogue;
import io.basira.shared.Store;

/**
 * Where the shell finds a store's catalogue of payment methods and carriers, to name them on every page
 * ({@link DashboardWords}). Checkout provides it; the shell depends on no feature.
 */
@FunctionalInterface
public interface StoreCatalogues {

    /** The store's catalogue as saved, or the default one. */
    Catalogue catalogue(Store store);
}
