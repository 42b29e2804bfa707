package io.basira.server.importing;

import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.ColumnMappingJson;
import io.basira.server.csvimport.MappingPresets;
import io.basira.server.csvimport.MappingRefused;
import io.basira.server.importing.jdbc.JdbcImportMappings;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.SettingsChanges;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final SettingsChanges audit;

    /** @param audit where saving and forgetting the store's mapping is recorded ({@code setting.import_mapping}) */
    public ImportMappings(JdbcImportMappings saved, SettingsChanges audit) {
        this.saved = saved;
        this.audit = audit;
    }

    /** @throws MappingRefused when the spec names nothing usable, saying why (with a code) */
    public ColumnMapping resolve(Store store, String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return ColumnMapping.none();
        }
        String trimmed = spec.strip();
        if (trimmed.toLowerCase(Locale.ROOT).equals(SAVED)) {
            return saved.find(store.id())
                    .orElseThrow(() -> new MappingRefused(
                            "no_saved_mapping", "store '" + store.slug() + "' has no saved column mapping"));
        }
        if (trimmed.startsWith("{")) {
            return ColumnMappingJson.read(trimmed);
        }
        return MappingPresets.presets(trimmed);
    }

    public Optional<ColumnMapping> saved(StoreId store) {
        return saved.find(store);
    }

    /** Saves the store's mapping and records the change in the audit log, in one transaction. */
    public void save(StoreId store, ColumnMapping mapping, AuditLog.Actor actor) {
        audit.together(() -> {
            Optional<ColumnMapping> before = saved.find(store);
            saved.save(store, mapping);
            audit.changed(
                    store,
                    actor,
                    "import_mapping",
                    before.map(ImportMappings::fields).orElse(null),
                    fields(mapping));
            return null;
        });
    }

    /** Forgets the store's mapping (imports read the canonical format again), recorded in the audit log. */
    public void forget(StoreId store, AuditLog.Actor actor) {
        audit.together(() -> {
            Optional<ColumnMapping> before = saved.find(store);
            saved.delete(store);
            audit.changed(
                    store,
                    actor,
                    "import_mapping",
                    before.map(ImportMappings::fields).orElse(null),
                    null);
            return null;
        });
    }

    /**
     * A mapping as the audit log shows it: its name and, per canonical file, the files it reads, the headers that
     * feed each column, the values it translates, the defaults and the date format, each a line of text.
     */
    private static Map<String, Object> fields(ColumnMapping mapping) {
        List<String> files = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        mapping.files().forEach((kind, file) -> {
            String name = kind.fileName();
            files.add(name + " ← " + file.source());
            file.columns()
                    .forEach((column, headers) ->
                            columns.add(name + " " + column + " ← " + String.join(" / ", headers)));
            file.values()
                    .forEach((column, map) ->
                            map.forEach((from, to) -> values.add(name + " " + column + ": " + from + " → " + to)));
            file.defaults().forEach((column, value) -> defaults.add(name + " " + column + " = " + value));
            if (file.dateFormat() != null) {
                dates.add(name + " " + file.dateFormat());
            }
        });
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mapping_name", mapping.name());
        fields.put("mapped_files", files);
        fields.put("mapped_columns", columns);
        fields.put("mapped_values", values);
        fields.put("mapped_defaults", defaults);
        fields.put("date_formats", dates);
        return fields;
    }
}
