package io.basira.server.csvimport;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The ready-made mappings of the platforms' exports (docs/import.md, "Presets"), kept as JSON beside the
 * code ({@code import-presets/NAME.json}) so they read like a mapping a merchant writes.
 */
public final class MappingPresets {

    /** The presets' names, in the order the dashboard offers them. */
    public static final List<String> NAMES = List.of(
            "salla-customers", "salla-orders", "zid-customers", "zid-orders", "shopify-customers", "shopify-orders");

    private MappingPresets() {}

    /** The preset called {@code name}. @throws IllegalArgumentException when there is none, listing them */
    public static ColumnMapping preset(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new MappingRefused(
                    "unknown_preset",
                    "'" + name + "' is not a preset (" + String.join(", ", NAMES) + ")",
                    name.strip(),
                    String.join(", ", NAMES));
        }
        InputStream in = MappingPresets.class.getResourceAsStream("/import-presets/" + key + ".json");
        if (in == null) {
            throw new IllegalStateException("preset " + key + " is missing from the classpath");
        }
        return ColumnMappingJson.read(in);
    }

    /** Presets named with commas ({@code shopify-customers,shopify-orders}), merged. */
    public static ColumnMapping presets(String names) {
        ColumnMapping merged = ColumnMapping.none();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                merged = merged.with(preset(name));
            }
        }
        if (merged.isEmpty()) {
            throw new MappingRefused(
                    "no_preset", "no preset named (" + String.join(", ", NAMES) + ")", String.join(", ", NAMES));
        }
        return merged;
    }

    /** Whether {@code spec} names presets only (rather than a file). */
    public static boolean arePresets(String spec) {
        for (String name : spec.split(",")) {
            if (!NAMES.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
