package io.basira.server.csvimport;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of one merchant file as the import would read them (the dashboard's preview): each row's
 * canonical values after the mapping and its errors, exactly as an import reports them. References to other
 * records are not checked (the preview reads one file); nothing is kept.
 */
public final class MappingPreview {

    /**
     * One previewed row: its line, its canonical values (in the canonical file's column order), its errors (said in
     * the reader's language by their codes, as an import's).
     */
    public record PreviewRow(long line, List<String> values, List<RowError> errors) {}

    /** The preview: the canonical columns, the rows, and problems of the whole file (its header, its encoding). */
    public record Preview(List<String> columns, List<PreviewRow> rows, List<RowError> fileErrors) {}

    private MappingPreview() {}

    /**
     * Reads at most {@code rows} rows of {@code path} as {@code kind}, through {@code mapping} (null: the
     * canonical format).
     */
    public static Preview of(
            Path path,
            String fileName,
            CanonicalFile kind,
            FileMapping mapping,
            Store store,
            LocalDate importDay,
            int rows) {
        ErrorLog errors = new ErrorLog(100);
        List<PreviewRow> previewed = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(new InputStreamReader(Files.newInputStream(path), Utf8Scan.strictDecoder()))) {
            CloseableIterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                return new Preview(
                        kind.columns(), List.of(), List.of(RowError.ofFile(fileName, CanonicalFileReader.emptyFile())));
            }
            List<String> header = new ArrayList<>(records.next().getFields());
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            MappedFile mapped =
                    mapping == null ? null : MappedFile.of(header, kind, mapping, fileName, importDay, errors);
            Header canonical =
                    mapping == null ? Header.of(header, kind, errors) : mapped == null ? null : mapped.header();
            if (canonical == null) {
                return new Preview(kind.columns(), List.of(), errors.kept());
            }
            RowMapping checks = new RowMapping(new References(KnownRecords.everything()), RecordSink.discarding());
            while (records.hasNext() && previewed.size() < rows) {
                CsvRecord record = records.next();
                if (record.getFieldCount() != header.size()) {
                    previewed.add(new PreviewRow(
                            record.getStartingLineNumber(),
                            List.of(),
                            List.of(RowError.of(
                                    fileName,
                                    record.getStartingLineNumber(),
                                    null,
                                    new RowError.Problem(
                                            ImportErrorCode.FIELD_COUNT,
                                            "has " + record.getFieldCount() + " fields but the header has "
                                                    + header.size(),
                                            record.getFieldCount(),
                                            header.size())))));
                    continue;
                }
                Row row = mapped == null
                        ? new Row(fileName, record.getStartingLineNumber(), canonical, record.getFields(), store)
                        : mapped.row(fileName, record.getStartingLineNumber(), record.getFields(), store);
                if (row == null) {
                    continue;
                }
                checks.map(kind, row);
                previewed.add(new PreviewRow(
                        record.getStartingLineNumber(), row.canonicalValues(kind), List.copyOf(row.errors())));
            }
        } catch (CsvParseException e) {
            errors.add(
                    RowError.of(fileName, CanonicalFileReader.parserLine(e), null, CanonicalFileReader.malformed(e)));
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CharacterCodingException)) {
                throw e;
            }
            errors.add(CanonicalFileReader.notUtf8(fileName, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Preview(kind.columns(), previewed, errors.kept());
    }
}
