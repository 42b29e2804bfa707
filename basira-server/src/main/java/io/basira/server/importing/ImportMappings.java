package io.basira.server.importing;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.ColumnMappingJson;
import io.basira.server.csvimport.MappingPresets;
import io.basira.server.jdbc.JdbcImportMappings;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.Locale;
import java.util.Optional;

/**
 * Which column mapping an import reads with (docs/import.md, "Platform exports"), and each store's saved one.
 * An import names it: nothing or {@code none} (the canonical format), {@code saved} (the store's saved
 * mapping), preset names separated by commas ({@code shopify-customers,shopify-orders}), or the mapping's JSON.
 */
public final class ImportMappings {

    /** The name that asks for the store's saved mapping. */
    public static final String SAVED = "saved";

    private final JdbcImportMappings saved;

    public ImportMappings(JdbcImportMappings saved) {
        this.saved = saved;
    }

    /** @throws IllegalArgumentException when the spec names nothing usable, saying why */
    public ColumnMapping resolve(Store store, String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return ColumnMapping.none();
        }
        String trimmed = spec.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals(SAVED)) {
            return saved.find(store.id()).orElseThrow(() -> new IllegalArgumentException(
                    "store '" + store.slug() + "' has no saved column mapping"));
        }
        if (trimmed.startsWith("{")) {
            return ColumnMappingJson.read(trimmed);
        }
        return MappingPresets.presets(trimmed);
    }

    public Optional<ColumnMapping> saved(StoreId store) {
        return saved.find(store);
    }

    public void save(StoreId store, ColumnMapping mapping) {
        saved.save(store, mapping);
    }

    public void forget(StoreId store) {
        saved.delete(store);
    }
}
