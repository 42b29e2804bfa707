package io.basira.server.importing.jdbc;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.ColumnMappingJson;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.shared.StoreId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each store's saved column mapping (table {@code import_mappings}), kept in its JSON form. */
public final class JdbcImportMappings {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    public JdbcImportMappings(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The store's saved mapping, if it has one. */
    public Optional<ColumnMapping> find(StoreId store) {
        List<String> saved = jdbc.queryForList(
                "SELECT mapping FROM import_mappings WHERE store_id = ?", String.class, store.value());
        return saved.stream().findFirst().map(ColumnMappingJson::read);
    }

    /** Saves (or replaces) the store's mapping. */
    public void save(StoreId store, ColumnMapping mapping) {
        jdbc.update(
                dialect.upsert("import_mappings", List.of("store_id"), List.of("store_id", "mapping", "updated_at")),
                store.value(),
                ColumnMappingJson.write(mapping),
                Timestamp.from(clock.instant()));
    }

    /** Forgets the store's mapping: its imports are canonical again. */
    public void delete(StoreId store) {
        jdbc.update("DELETE FROM import_mappings WHERE store_id = ?", store.value());
    }
}
