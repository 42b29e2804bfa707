package io.basira.server.browsing;

import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.shared.Store;

/**
 * The store-local nightly job {@code browsing-nightly}: events older than the site's retention (13 months
 * unless the store changed it) are deleted and every customer's 30-day aggregates recomputed. Idempotent: a
 * late or repeated run prunes and recomputes as of now. A store without a site has nothing to do.
 */
public final class BrowsingUpkeep {

    private final JdbcBrowsingSites sites;
    private final RecordBrowsing record;

    public BrowsingUpkeep(JdbcBrowsingSites sites, RecordBrowsing record) {
        this.sites = sites;
        this.record = record;
    }

    public void run(Store store) {
        sites.find(store.id()).ifPresent(site -> record.upkeep(store.id(), site.retentionMonths()));
    }
}
