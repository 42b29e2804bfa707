package io.basira.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one CSV file row by row: UTF-8 without a BOM, LF line ends, RFC 4180 quoting. A field is
 * quoted only when it contains a comma, a double quote, CR or LF; quotes inside are doubled. A null
 * field is written empty. Not thread-safe.
 */
final class CsvFile implements Closeable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Writer out;
    private final int width;
    private long rows;

    /** Creates (or truncates) {@code path} and writes the header. */
    CsvFile(Path path, List<String> header) throws IOException {
        this.out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER_CHARS);
        this.width = header.size();
        writeRecord(header.toArray(new String[0]));
    }

    /** Writes one data row; it must have as many fields as the header. */
    void row(String... fields) throws IOException {
        if (fields.length != width) {
            throw new IllegalArgumentException("a row has " + fields.length + " fields, the header " + width);
        }
        writeRecord(fields);
        rows++;
    }

    /** Data rows written so far, header excluded. */
    long rows() {
        return rows;
    }

    private void writeRecord(String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields[i]);
        }
        out.write('\n');
    }

    private void writeField(String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        out.write('"');
    }

    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
