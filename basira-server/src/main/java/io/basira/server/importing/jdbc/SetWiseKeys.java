package io.basira.server.importing.jdbc;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The foreign keys of an import's big writes checked once per import instead of once per row (PostgreSQL).
 *
 * <p>Every foreign key of the store's tables is a trigger that PostgreSQL runs per inserted row: a query and a row
 * lock, 13–21 µs a row on this project's machine (docs/performance.md), some 40 % of a first import's writes. For
 * the rows an import writes, this class does what those triggers do, set-wise, in the import's transaction: it
 * locks the store's row and every customer the staged orders, carts, reviews and wishlist items name
 * ({@code FOR KEY SHARE}, the lock the triggers take, held to the commit), refuses the import when one of them is
 * missing, and only then lets the inserts run with the per-row triggers off ({@code session_replication_role =
 * replica}, {@code SET LOCAL}: for those statements only, back to {@code origin} right after).
 *
 * <p>Used only when it provably changes nothing ({@link #usable}): the role may set
 * {@code session_replication_role} (a superuser, or PostgreSQL 15's {@code GRANT SET ON PARAMETER}), the tables
 * have no trigger of their own (replica mode would skip it too), and their foreign keys are exactly the
 * {@link #KEYS} this class checks; otherwise the import runs the per-row triggers as before. The read pass has
 * already refused every row whose customer is missing (docs/import.md "References"), so the check refuses nothing
 * in practice: it is there so that the guarantee does not rest on the reader alone.
 */
final class SetWiseKeys {

    /** The tables written with the triggers off: customers (key to stores) and the four that name a customer. */
    static final List<String> TABLES = List.of("customers", "orders", "carts", "reviews", "wishlist_items");

    /** Every foreign key of {@link #TABLES}, by name, that {@link #checkAndLock} checks in their place. */
    static final Set<String> KEYS = Set.of(
            "customers_store_id_fkey",
            "orders_customer_fk",
            "carts_store_id_fkey",
            "carts_customer_fk",
            "reviews_store_id_fkey",
            "reviews_customer_fk",
            "wishlist_items_store_id_fkey",
            "wishlist_customer_fk");

    private SetWiseKeys() {}

    /** Whether the per-row triggers of {@link #TABLES} may be replaced by {@link #checkAndLock} here. */
    static boolean usable(JdbcTemplate jdbc) {
        boolean superuser = "on".equals(jdbc.queryForObject("SELECT current_setting('is_superuser')", String.class));
        if (!superuser) {
            Integer version =
                    jdbc.queryForObject("SELECT CAST(current_setting('server_version_num') AS INT)", Integer.class);
            if (version == null
                    || version < 150_000
                    || !Boolean.TRUE.equals(jdbc.queryForObject(
                            "SELECT has_parameter_privilege('session_replication_role', 'SET')", Boolean.class))) {
                return false;
            }
        }
        String tables = String.join(
                ", ", TABLES.stream().map(t -> "'" + t + "'::regclass").toList());
        Integer triggers = jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN (" + tables + ")",
                Integer.class);
        Set<String> keys = new TreeSet<>(jdbc.queryForList(
                "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid IN (" + tables + ")",
                String.class));
        return triggers != null && triggers == 0 && keys.equals(new TreeSet<>(KEYS));
    }

    /**
     * Locks the store's row and every customer that {@code references} (a query of one column of customer ids)
     * names, as the foreign keys' triggers would, and refuses when the store or one of those customers is missing.
     *
     * @throws IllegalStateException naming the first missing customer (the transaction must roll back)
     */
    static void checkAndLock(JdbcTemplate jdbc, long store, String references) {
        if (jdbc.queryForList("SELECT id FROM stores WHERE id = ? FOR KEY SHARE", store)
                .isEmpty()) {
            throw new IllegalStateException("store " + store + " does not exist");
        }
        jdbc.execute("CREATE TEMPORARY TABLE import_referenced (customer_external_id VARCHAR PRIMARY KEY) "
                + "ON COMMIT DROP");
        // each customer once, however many records name it (one source alone is not deduplicated by a UNION)
        long named = jdbc.update("INSERT INTO import_referenced (customer_external_id) SELECT DISTINCT r.id FROM ("
                + references + ") r (id)");
        jdbc.execute("ANALYZE import_referenced");
        Long locked = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT c.external_id FROM customers c JOIN import_referenced r "
                        + "ON r.customer_external_id = c.external_id WHERE c.store_id = ? "
                        + "FOR KEY SHARE OF c) l",
                Long.class,
                store);
        if (locked == null || locked != named) {
            String missing = jdbc
                    .queryForList(
                            "SELECT r.customer_external_id FROM import_referenced r WHERE NOT EXISTS (SELECT 1 FROM "
                                    + "customers c WHERE c.store_id = ? AND c.external_id = r.customer_external_id) "
                                    + "ORDER BY 1 FETCH FIRST 1 ROWS ONLY",
                            String.class,
                            store)
                    .stream()
                    .findFirst()
                    .orElse("?");
            throw new IllegalStateException(
                    "the import's records name customer '" + missing + "', which store " + store + " does not have");
        }
    }

    /** Turns the per-row triggers off ({@code true}) or on again, for the rest of the transaction at most. */
    static void triggers(JdbcTemplate jdbc, boolean off) {
        jdbc.execute("SET LOCAL session_replication_role = " + (off ? "replica" : "origin"));
    }
}
