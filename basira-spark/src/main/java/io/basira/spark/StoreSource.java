package io.basira.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One store's data for the job: its slug, the folder that holds its files (the canonical CSV folder of
 * docs/import.md, or the same files as Parquet: {@code orders.parquet} ...), its currency and time zone.
 */
public record StoreSource(String slug, String folder, String currency, String timeZone, boolean parquet)
        implements Serializable {

    public StoreSource {
        if (slug == null || slug.isBlank()) {
            throw new IllegalArgumentException("a store needs a slug");
        }
        Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
        ZoneId.of(timeZone);
        currency = currency.strip().toUpperCase(Locale.ROOT);
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /**
     * The store's file named {@code fileName} ({@code orders.csv}), matched in any case as the import does;
     * for a Parquet store the folder or file {@code orders.parquet}.
     */
    public Optional<Path> file(String fileName) {
        String wanted = parquet ? fileName.replace(".csv", ".parquet") : fileName;
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(wanted)).sorted().findFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list the store folder " + folder, e);
        }
    }
}
