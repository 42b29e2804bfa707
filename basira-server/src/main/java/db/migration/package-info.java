/**
 * The schema migrations Flyway cannot write in SQL, found by Flyway beside the SQL files of
 * {@code classpath:db/migration} (so every Flyway of the server and the tests runs them in version order).
 * Only data migrations that need the core's Java (the search text folding of {@code io.basira.shared.SearchText})
 * live here; each is idempotent: it fills what is missing and leaves the rest.
 */
package db.migration;
