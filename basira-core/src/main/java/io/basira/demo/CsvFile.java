package io.basira.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one CSV file row by row with FastCSV: UTF-8 without a BOM, LF line ends, RFC 4180 quoting.
 * A field is quoted only when it contains a comma, a double quote, CR or LF (or is a row's first
 * field and starts with {@code #}); quotes inside are doubled. A null field is written empty. Not
 * thread-safe.
 */
final class CsvFile implements Closeable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final CsvWriter out;
    private final int width;
    private long rows;

    /** Creates (or truncates) {@code path} and writes the header. */
    CsvFile(Path path, List<String> header) throws IOException {
        this.out = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .bufferSize(BUFFER_CHARS)
                .build(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8));
        this.width = header.size();
        write(header.toArray(new String[0]));
    }

    /** Writes one data row; it must have as many fields as the header. */
    void row(String... fields) throws IOException {
        if (fields.length != width) {
            throw new IllegalArgumentException("a row has " + fields.length + " fields, the header " + width);
        }
        write(fields);
        rows++;
    }

    /** Data rows written so far, header excluded. */
    long rows() {
        return rows;
    }

    private void write(String[] fields) throws IOException {
        try {
            out.writeRecord(fields);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
