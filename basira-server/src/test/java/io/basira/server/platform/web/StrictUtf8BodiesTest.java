package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;

class StrictUtf8BodiesTest {

    @Test
    void asciiAndValidArabicArePassed() {
        assertThat(StrictUtf8Bodies.problem("{\"customer_id\":\"c-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(StrictUtf8Bodies.problem("{\"name\":\"متجر بصيرة\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(StrictUtf8Bodies.problem(new byte[0])).isNull();
    }

    @Test
    void anOverlongSlashAfterAsciiIsNamedByLineAndOffset() {
        byte[] body = {'{', '\n', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        assertThat(StrictUtf8Bodies.problem(body))
                .isEqualTo("line 2: the body is not valid UTF-8 (byte 0xC0 at offset 7); nothing was applied");
    }

    @Test
    void aSequenceCutAtTheEndIsRefused() {
        byte[] arabic = "بصيرة".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(arabic, arabic.length - 1);

        assertThat(StrictUtf8Bodies.firstBadByte(cut, cut.length)).isEqualTo(arabic.length - 2);
    }

    /** The ASCII shortcut finds the same first bad byte as the JDK's decoder over the whole body, on seeded bodies. */
    @Test
    void theFirstBadByteIsTheDecodersOnSeededBodies() {
        SplittableRandom random = new SplittableRandom(20261207);
        byte[] pieces = "ab\n{}\"".getBytes(StandardCharsets.US_ASCII);
        byte[] arabic = "ص".getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 20_000; round++) {
            byte[] body = new byte[random.nextInt(0, 40)];
            for (int i = 0; i < body.length; i++) {
                int kind = random.nextInt(10);
                body[i] = kind < 6
                        ? pieces[random.nextInt(pieces.length)]
                        : kind < 9 ? arabic[random.nextInt(arabic.length)] : (byte) random.nextInt(256);
            }
            int length = random.nextInt(0, body.length + 1);

            assertThat(StrictUtf8Bodies.firstBadByte(body, length))
                    .as("round %d", round)
                    .isEqualTo(decodersFirstBadByte(body, length));
        }
    }

    private static int decodersFirstBadByte(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(length), true);
        return result.isError() ? in.position() : -1;
    }

    /** The body is read whole whatever its declared length says: exact, missing, short, long or too large to trust. */
    @Test
    void theBodyIsReadWholeWhateverItsDeclaredLength() throws IOException {
        byte[] body = "{\"customer_id\":\"متجر\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8Bodies.read(message(body, body.length))).isEqualTo(body);
        assertThat(StrictUtf8Bodies.read(message(body, -1))).isEqualTo(body);
        assertThat(StrictUtf8Bodies.read(message(body, body.length + 10))).isEqualTo(body);
        assertThat(StrictUtf8Bodies.read(message(body, 3))).isEqualTo(body);
        assertThat(StrictUtf8Bodies.read(message(body, StrictUtf8Bodies.SIZED_READ_MAX + 1L)))
                .isEqualTo(body);
        assertThat(StrictUtf8Bodies.read(message(new byte[0], 0))).isEmpty();
    }

    private static HttpInputMessage message(byte[] body, long declared) {
        HttpHeaders headers = new HttpHeaders();
        if (declared >= 0) {
            headers.setContentLength(declared);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
