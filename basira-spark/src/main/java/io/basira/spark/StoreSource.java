package io.basira.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * One store's data for the job: its slug, the folder that holds its files (the canonical CSV folder of
 * docs/import.md, or the same files as Parquet: {@code orders.parquet} ...), its currency and time zone. The
 * folder is a URI that Hadoop's FileSystem resolves ({@code /data/stores/s1}, {@code file:///data/stores/s1},
 * {@code hdfs://...}, {@code s3a://bucket/stores/s1}): the driver lists it through the same API Spark reads with.
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
     * for a Parquet store the folder or file {@code orders.parquet}. Listed through Hadoop's FileSystem with
     * {@code conf} (the session's Hadoop configuration: {@code spark.hadoop.*} settings included).
     */
    public Optional<String> file(String fileName, Configuration conf) {
        String wanted = parquet ? fileName.replace(".csv", ".parquet") : fileName;
        try {
            Path dir = new Path(folder);
            FileStatus[] listed = dir.getFileSystem(conf).listStatus(dir);
            return Arrays.stream(listed)
                    .map(FileStatus::getPath)
                    .filter(p -> p.getName().equalsIgnoreCase(wanted))
                    .sorted(Comparator.comparing(Path::getName))
                    .map(Path::toString)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the store folder " + folder, e);
        }
    }
}
