package io.basira.server.csvimport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds where a file stops being UTF-8. Used only after the CSV reader failed to decode a file,
 * because that failure surfaces a buffer ahead of the rows and says nothing of where the bad byte
 * is; a second, plain decoding pass pins it to a physical line and a byte offset.
 */
final class Utf8Scan {

    private static final int CHUNK = 1 << 16;

    /** The first bad byte: its physical line (from 1), offset from the file start (from 0) and value. */
    record BadByte(long line, long offset, int value) {
        String describe() {
            return String.format("byte 0x%02X at offset %d", value, offset);
        }
    }

    private Utf8Scan() {}

    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The first byte of {@code path} that is not valid UTF-8, if any. */
    static Optional<BadByte> firstBadByte(Path path) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.allocate(CHUNK);
        CharBuffer out = CharBuffer.allocate(CHUNK); // UTF-8 never decodes to more chars than bytes
        long line = 1;
        long consumed = 0;
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            boolean end = false;
            while (!end) {
                end = channel.read(in) < 0;
                in.flip();
                int start = in.position();
                CoderResult result = decoder.decode(in, out, end);
                line += newlines(out);
                if (result.isError()) {
                    return Optional.of(new BadByte(line, consumed + in.position(), in.get(in.position()) & 0xFF));
                }
                consumed += in.position() - start;
                in.compact();
            }
        }
        return Optional.empty();
    }

    private static long newlines(CharBuffer out) {
        out.flip();
        long count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
