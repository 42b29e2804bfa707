package io.basira.server.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a request body (JSON, NDJSON, CSV text) that is not valid UTF-8 before any converter reads
 * it, naming the line and byte. The converters would otherwise rewrite it silently: the JSON reader
 * decodes an overlong form ({@code C0 AF}) as the character it spells ({@code /}), the text reader
 * puts U+FFFD in place of a bad byte; either can turn one id into another. The JDK's decoder, used
 * here as in the CSV import, refuses overlong forms, encoded surrogates and truncated sequences.
 *
 * <p>The body is read whole: every body that reaches a {@code @RequestBody} is read whole anyway.
 */
@ControllerAdvice
public class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        byte[] body = read(message);
        String problem = problem(body);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    /** The most bytes read into an array of the declared length at once; a longer body is read as it comes. */
    static final int SIZED_READ_MAX = 1 << 20;

    /**
     * The whole body. A declared length (up to {@value #SIZED_READ_MAX} bytes) is read into an array of that size:
     * the stream Spring hands over here checks for an empty body through a {@code PushbackInputStream}, whose
     * {@code readAllBytes} reads through 16 KB buffers of its own and copies again — for a body of a few hundred
     * bytes that was most of what a request allocated. A body shorter than declared is returned as read; one longer
     * (the container ends the stream at the declared length, so only in theory) is read to its end.
     */
    static byte[] read(HttpInputMessage message) throws IOException {
        InputStream in = message.getBody();
        long declared = message.getHeaders().getContentLength();
        if (declared < 0 || declared > SIZED_READ_MAX) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        int next = in.read(); // not readAllBytes: at the end it would still allocate a buffer
        if (next < 0) {
            return body;
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(body.length + 1);
        whole.write(body);
        whole.write(next);
        in.transferTo(whole);
        return whole.toByteArray();
    }

    /** Why {@code body} is not UTF-8 (line from 1, byte offset from 0, the byte), or null when it is. */
    static String problem(byte[] body) {
        int offset = firstBadByte(body, body.length);
        if (offset < 0) {
            return null;
        }
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return describe(line, body[offset], offset);
    }

    /** The index of the first byte of {@code bytes[0, length)} that is not (part of) valid UTF-8, or -1. */
    public static int firstBadByte(byte[] bytes, int length) {
        int start = 0;
        while (start < length && bytes[start] >= 0) {
            start++; // ASCII, valid on its own: most bodies are ASCII throughout, and need no decoder
        }
        if (start == length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(length - start), true);
        return result.isError() ? in.position() : -1;
    }

    /** The refusal of a body whose byte {@code value} at {@code offset} (from the body's start), on {@code line}, is bad. */
    public static String describe(int line, byte value, long offset) {
        return String.format(
                "line %d: the body is not valid UTF-8 (byte 0x%02X at offset %d); nothing was applied",
                line, value & 0xFF, offset);
    }
}
