package io.basira.server.csvimport;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.basira.shared.Store;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one file of the folder: strict UTF-8 (a leading BOM skipped), RFC 4180 via fastcsv, the
 * header checked, then every row mapped. A broken quote or a byte that is not UTF-8 stops the file
 * there: the parser cannot find the next record boundary with confidence, so the file is reported
 * incomplete rather than guessed at.
 */
final class CanonicalFileReader {

    private static final Pattern PARSER_LINE = Pattern.compile("line (\\d+)");
    private static final Pattern TEXT_AFTER_QUOTE = Pattern.compile("after closing quote: '(.)'");
    /** FastCSV's buffer and field-size refusals: "maximum buffer size of N", "max field size of N characters". */
    private static final Pattern FIELD_LIMIT = Pattern.compile("(?:maximum buffer size|max field size) of (\\d+)");

    private static final Pattern ROW_LIMIT = Pattern.compile("max record size of (\\d+)");
    private static final Pattern FIELDS_LIMIT = Pattern.compile("maximum limit of (\\d+) fields");
    private static final Map<Pattern, ImportErrorCode> LIMITS = Map.of(
            FIELD_LIMIT,
            ImportErrorCode.FIELD_TOO_BIG,
            ROW_LIMIT,
            ImportErrorCode.ROW_TOO_BIG,
            FIELDS_LIMIT,
            ImportErrorCode.TOO_MANY_FIELDS);
    private static final int BUFFER = 1 << 16;

    private final Store store;
    private final RowMapping mapping;
    private final ErrorLog errors;
    private final ImportProgress progress;
    private final LocalDate importDay;

    CanonicalFileReader(Store store, RowMapping mapping, ErrorLog errors, ImportProgress progress) {
        this(store, mapping, errors, progress, LocalDate.EPOCH);
    }

    /** @param importDay the day of the import in the store's zone, for {@link FileMapping#IMPORT_DATE} */
    CanonicalFileReader(
            Store store, RowMapping mapping, ErrorLog errors, ImportProgress progress, LocalDate importDay) {
        this.store = store;
        this.mapping = mapping;
        this.errors = errors;
        this.progress = progress;
        this.importDay = importDay;
    }

    /** @throws UncheckedIOException when the file cannot be read at all (not for bad content) */
    FileReport read(CanonicalFile file, Path path) {
        return read(file, path, null);
    }

    /**
     * Reads {@code path} as {@code file}: in the canonical format when {@code through} is null, else through
     * that mapping (errors then name the merchant's file, and its header beside the canonical column).
     */
    FileReport read(CanonicalFile file, Path path, FileMapping through) {
        String name = through == null ? file.fileName() : path.getFileName().toString();
        Tally tally = new Tally(through == null ? name : name + " → " + file.fileName());
        long size = size(path);
        progress.advanced(name, 0, size);
        try (CsvReader<CsvRecord> csv = open(path, name, size)) {
            readRecords(file, name, through, csv.iterator(), tally);
        } catch (CsvParseException e) {
            errors.add(RowError.of(name, parserLine(e), null, malformed(e)));
            tally.incomplete();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CharacterCodingException)) {
                throw e;
            }
            errors.add(notUtf8(name, path));
            tally.incomplete();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        } finally {
            progress.advanced(name, size, size);
        }
        return tally.report();
    }

    private void readRecords(
            CanonicalFile file, String name, FileMapping through, CloseableIterator<CsvRecord> records, Tally tally) {
        if (!records.hasNext()) {
            errors.add(RowError.ofFile(name, emptyFile()));
            tally.incomplete();
            return;
        }
        List<String> headerFields = records.next().getFields();
        MappedFile mapped =
                through == null ? null : MappedFile.of(headerFields, file, through, name, importDay, errors);
        Header header =
                through == null ? Header.of(headerFields, file, errors) : mapped == null ? null : mapped.header();
        if (header == null) {
            tally.incomplete();
            return;
        }
        int width = headerFields.size();
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (record.getFieldCount() != width) {
                errors.add(RowError.of(
                        name,
                        record.getStartingLineNumber(),
                        null,
                        new RowError.Problem(
                                ImportErrorCode.FIELD_COUNT,
                                "has " + record.getFieldCount() + " fields but the header has " + width,
                                record.getFieldCount(),
                                width)));
                tally.row(false);
                continue;
            }
            Row row = mapped == null
                    ? new Row(name, record.getStartingLineNumber(), header, record.getFields(), store)
                    : mapped.row(name, record.getStartingLineNumber(), record.getFields(), store);
            if (row == null) {
                continue;
            }
            mapping.map(file, row);
            row.errors().forEach(errors::add);
            tally.row(!row.hasErrors());
        }
    }

    private CsvReader<CsvRecord> open(Path path, String file, long size) throws IOException {
        InputStream raw = Files.newInputStream(path);
        try {
            // the final call, bytesRead == size, is made once by read() when the file is done
            InputStream counted = new CountingInputStream(raw, read -> {
                if (read < size) {
                    progress.advanced(file, read, size);
                }
            });
            BufferedInputStream in = new BufferedInputStream(counted, BUFFER);
            skipBom(in);
            return CsvReader.builder()
                    .allowUnclosedQuote(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(new InputStreamReader(in, Utf8Scan.strictDecoder()));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (in.read() != 0xEF || in.read() != 0xBB || in.read() != 0xBF) {
            in.reset();
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static long parserLine(CsvParseException e) {
        Matcher line = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    /**
     * The parser's refusal with its code, said in the reader's language: an unclosed quote, text after a closing
     * quote, a field, a row or a number of fields beyond the parser's limits (the limit its argument); any other
     * refusal is {@code malformed_csv}, whose parser detail stays in the English sentence (the CLI's) only.
     */
    static RowError.Problem malformed(CsvParseException e) {
        String detail = String.valueOf(e.getMessage());
        String english = "malformed CSV: " + detail;
        if (detail.startsWith("Unclosed quoted field")) {
            return new RowError.Problem(ImportErrorCode.UNCLOSED_QUOTE, english);
        }
        Matcher after = TEXT_AFTER_QUOTE.matcher(detail);
        if (after.find()) {
            return new RowError.Problem(ImportErrorCode.TEXT_AFTER_QUOTE, english, after.group(1));
        }
        for (Map.Entry<Pattern, ImportErrorCode> limit : LIMITS.entrySet()) {
            Matcher found = limit.getKey().matcher(detail);
            if (found.find()) {
                return new RowError.Problem(
                        limit.getValue(), english, String.format(Locale.ROOT, "%,d", Long.parseLong(found.group(1))));
            }
        }
        return new RowError.Problem(ImportErrorCode.MALFORMED_CSV, english);
    }

    static RowError.Problem emptyFile() {
        return new RowError.Problem(ImportErrorCode.EMPTY_FILE, "the file is empty: it has no header row");
    }

    /** A file that is not UTF-8, at its first bad byte when the second scan finds it. */
    static RowError notUtf8(String file, Path path) {
        try {
            return Utf8Scan.firstBadByte(path)
                    .map(bad -> RowError.of(
                            file,
                            bad.line(),
                            null,
                            new RowError.Problem(
                                    ImportErrorCode.NOT_UTF8,
                                    notUtf8Reason(bad.describe()),
                                    String.format("0x%02X", bad.value()),
                                    bad.offset())))
                    .orElseGet(() -> RowError.ofFile(
                            file,
                            new RowError.Problem(
                                    ImportErrorCode.NOT_UTF8_SOMEWHERE, notUtf8Reason("undecodable bytes"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String notUtf8Reason(String where) {
        return "the file is not valid UTF-8 (" + where + "); save it as UTF-8 (\"CSV UTF-8\" in Excel)";
    }

    /** Counts of one file. */
    private static final class Tally {
        private final String file;
        private long imported;
        private long rejected;
        private boolean complete = true;

        Tally(String file) {
            this.file = file;
        }

        void row(boolean valid) {
            if (valid) {
                imported++;
            } else {
                rejected++;
            }
        }

        void incomplete() {
            complete = false;
        }

        FileReport report() {
            return new FileReport(file, true, imported + rejected, imported, rejected, complete);
        }
    }
}
