package io.basira.server.csvimport;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A store's mapping from its platform's CSV exports to the canonical files (docs/import.md, "Platform
 * exports"): for each canonical file it names, the {@link FileMapping} that reads it from a merchant file.
 * Files it does not name are read in the canonical format, as without a mapping. Two kinds may read the same
 * merchant file: Shopify's orders export gives both {@code orders.csv} and {@code order_items.csv}.
 *
 * @param name what the mapping is called (a preset's name, or {@code custom})
 */
public record ColumnMapping(String name, Map<CanonicalFile, FileMapping> files) {

    public ColumnMapping {
        Objects.requireNonNull(name, "name");
        files = files.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(files));
        files.forEach((file, mapping) -> mapping.checkAgainst(file));
    }

    /** No mapping: every file in the canonical format. */
    public static ColumnMapping none() {
        return new ColumnMapping("none", Map.of());
    }

    /** How {@code file} is read; null when it is read in the canonical format. */
    public FileMapping of(CanonicalFile file) {
        return files.get(file);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** This mapping with {@code other}'s files added (its own win where both name a file). */
    public ColumnMapping with(ColumnMapping other) {
        EnumMap<CanonicalFile, FileMapping> merged = new EnumMap<>(CanonicalFile.class);
        merged.putAll(other.files);
        merged.putAll(files);
        return new ColumnMapping(isEmpty() ? other.name : name + "," + other.name, merged);
    }

    /** The canonical file called {@code kind} ({@code orders} or {@code orders.csv}, any case). */
    public static CanonicalFile kind(String kind) {
        String name = kind.strip().toLowerCase(Locale.ROOT);
        String fileName = name.endsWith(".csv") ? name : name + ".csv";
        for (CanonicalFile file : CanonicalFile.values()) {
            if (file.fileName().equals(fileName)) {
                return file;
            }
        }
        throw new MappingRefused(
                "not_a_kind",
                "'" + kind + "' is not a kind of file (customers, orders, order_items, "
                        + "products, carts, reviews, wishlist)",
                kind,
                "customers, orders, order_items, products, carts, reviews, " + "wishlist");
    }
}
