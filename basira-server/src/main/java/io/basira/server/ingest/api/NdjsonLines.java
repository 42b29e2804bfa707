package io.basira.server.ingest.api;

import io.basira.server.platform.errors.ContentTooLarge;
import io.basira.server.platform.web.StrictUtf8Bodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an NDJSON body from its stream one line at a time, so the body is never held whole: only the
 * current line is (at most {@code maxLineBytes}). Lines end with {@code \n} (a {@code \r} before it is
 * dropped) and are UTF-8 (a line that is not is refused with its line and byte, never decoded with
 * replacements); blank lines are skipped but counted, so line numbers are those of the body.
 * Past {@code maxBytes} bytes in all, {@code maxRecords} non-blank lines or a line of {@code maxLineBytes},
 * reading stops with {@link ContentTooLarge}. Not thread-safe; one instance per body.
 */
final class NdjsonLines {

    /** Receives each non-blank line with its place, {@code line 3}. */
    interface Consumer {
        void line(String source, String json);
    }

    private final long maxBytes;
    private final int maxRecords;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int lineNumber = 1;
    /** The offset in the body of the current line's first byte. */
    private long lineStart;

    private int records;

    NdjsonLines(long maxBytes, int maxRecords, int maxLineBytes) {
        this.maxBytes = maxBytes;
        this.maxRecords = maxRecords;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads every line of {@code in} into {@code consumer}. @return the number of non-blank lines */
    int read(InputStream in, Consumer consumer) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new ContentTooLarge(
                        "nothing was applied: a bulk request is at most " + maxBytes
                                + " bytes; split the records over several requests",
                        maxBytes + " bytes");
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    append(buffer, start, i - start);
                    endLine(consumer);
                    start = i + 1;
                }
            }
            append(buffer, start, n - start);
        }
        endLine(consumer);
        return records;
    }

    private void append(byte[] bytes, int from, int length) {
        if (line.size() + length > maxLineBytes) {
            throw new ContentTooLarge(
                    "nothing was applied: line " + lineNumber + " is longer than " + maxLineBytes
                            + " bytes, the most one record may take",
                    maxLineBytes + " bytes per line");
        }
        line.write(bytes, from, length);
    }

    private void endLine(Consumer consumer) {
        byte[] bytes = line.toByteArray();
        int bad = StrictUtf8Bodies.firstBadByte(bytes, bytes.length);
        if (bad >= 0) { // never replaced: a U+FFFD in place of a bad byte could make two ids one
            throw new IllegalArgumentException(StrictUtf8Bodies.describe(lineNumber, bytes[bad], lineStart + bad));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        lineStart += bytes.length + 1;
        line.reset();
        int number = lineNumber++;
        if (text.isBlank()) {
            return;
        }
        if (++records > maxRecords) {
            throw new ContentTooLarge(
                    "nothing was applied: a bulk request holds at most " + maxRecords
                            + " records (non-blank lines); split the records over several requests",
                    maxRecords + " lines");
        }
        consumer.line("line " + number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
