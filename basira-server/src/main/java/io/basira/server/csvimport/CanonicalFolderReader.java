package io.basira.server.csvimport;

import io.basira.shared.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads and validates a canonical import folder (docs/import.md) into core records.
 *
 * <p>Files are read in the order of {@link CanonicalFile}: products, customers, orders, order items,
 * carts, reviews, wishlist, so that a row may refer to a record that was valid earlier in the same
 * import as well as to one the store already has ({@link KnownRecords}). Every valid record goes to
 * the {@link RecordSink}; every problem becomes a {@link RowError} of the returned report. Whether
 * the good rows are kept when there are errors is the caller's policy: the reader is pure with
 * respect to its inputs (the same files and known records give the same report and the same
 * records), so a caller can validate with {@link RecordSink#discarding()} and then read again to
 * apply.
 *
 * <p>Memory is bounded by the ids of this import's valid customers and orders and by the error
 * limit, not by the size of the files. Thread-safe: each call keeps its state to itself.
 */
public final class CanonicalFolderReader {

    /** How many errors a report lists by default; more are counted but not kept. */
    public static final int DEFAULT_ERROR_LIMIT = 10_000;

    private final int errorLimit;

    public CanonicalFolderReader() {
        this(DEFAULT_ERROR_LIMIT);
    }

    /** @param errorLimit how many errors a report lists at most (at least 1); all are counted */
    public CanonicalFolderReader(int errorLimit) {
        if (errorLimit < 1) {
            throw new IllegalArgumentException("error limit " + errorLimit + " is not positive");
        }
        this.errorLimit = errorLimit;
    }

    /**
     * Reads {@code folder}. File names are matched case-insensitively; other files are ignored.
     *
     * @return the report of every canonical file, present or not, in reading order
     * @throws UncheckedIOException when a file cannot be read at all (permissions, disk): that is not
     *     bad input and is not reported as a row error
     */
    public ImportReport read(Path folder, Store store, KnownRecords known, RecordSink sink, ImportProgress progress) {
        return read(folder, store, known, sink, progress, ColumnMapping.none(), LocalDate.EPOCH);
    }

    /**
     * Reads {@code folder} with a {@link ColumnMapping}: each canonical file the mapping names is read from the
     * merchant files its {@link FileMapping#source()} matches (all of them, in name order), row by row through
     * the mapping; the others as above.
     *
     * @param importDay the day the import runs, in the store's zone ({@link FileMapping#IMPORT_DATE})
     */
    public ImportReport read(
            Path folder,
            Store store,
            KnownRecords known,
            RecordSink sink,
            ImportProgress progress,
            ColumnMapping columns,
            LocalDate importDay) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(columns, "columns");
        ErrorLog errors = new ErrorLog(errorLimit);
        if (!Files.isDirectory(folder)) {
            errors.add(RowError.ofFile(
                    folder.toString(), new RowError.Problem(ImportErrorCode.NOT_A_FOLDER, "is not a folder")));
            return new ImportReport(List.of(), errors.kept(), errors.count());
        }
        Map<String, Path> present = canonicalFilesIn(folder);
        RowMapping mapping = new RowMapping(new References(known), sink);
        CanonicalFileReader reader = new CanonicalFileReader(store, mapping, errors, progress, importDay);
        List<FileReport> reports = new ArrayList<>();
        for (CanonicalFile file : CanonicalFile.values()) {
            FileMapping through = columns.of(file);
            if (through != null) {
                readMapped(folder, file, through, reader, errors, reports);
                sink.fileDone(file.fileName());
                continue;
            }
            Path path = present.get(file.fileName());
            if (path == null) {
                if (file.required()) {
                    errors.add(RowError.of(
                            file.fileName(),
                            0,
                            null,
                            new RowError.Problem(
                                    ImportErrorCode.FILE_MISSING, "required file is missing from the folder")));
                }
                reports.add(FileReport.absent(file));
                continue;
            }
            reports.add(reader.read(file, path));
            sink.fileDone(file.fileName());
        }
        return new ImportReport(reports, errors.kept(), errors.count());
    }

    private static void readMapped(
            Path folder,
            CanonicalFile file,
            FileMapping through,
            CanonicalFileReader reader,
            ErrorLog errors,
            List<FileReport> reports) {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(Files::isRegularFile)
                    .filter(p -> through.matches(p.getFileName().toString()))
                    .sorted()
                    .forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (sources.isEmpty()) {
            if (file.required()) {
                errors.add(RowError.ofFile(
                        file.fileName(),
                        new RowError.Problem(
                                ImportErrorCode.MAPPED_FILE_MISSING,
                                "required file is missing from the folder: no file matches '" + through.source()
                                        + "' of the column mapping",
                                through.source())));
            }
            reports.add(FileReport.absent(file));
        }
        for (Path source : sources) {
            reports.add(reader.read(file, source, through));
        }
    }

    /** The regular files of {@code folder} by lowercase name; an exact-case name wins over another. */
    private static Map<String, Path> canonicalFilesIn(Path folder) {
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(Files::isRegularFile).sorted().forEach(path -> {
                String name = path.getFileName().toString();
                String key = name.toLowerCase(Locale.ROOT);
                if (name.equals(key) || !files.containsKey(key)) {
                    files.put(key, path);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }
}
