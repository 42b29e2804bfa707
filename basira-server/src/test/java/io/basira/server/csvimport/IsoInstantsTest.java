package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.shared.Dates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly what {@link Dates#parseInstant} gives, answer or error. */
class IsoInstantsTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo"); // has daylight saving: gaps and overlaps
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String NOISE = "0123456789-+:.TZtz /";

    @Test
    void the_common_shapes_take_the_fast_path() {
        assertThat(IsoInstants.fastPath("2024-03-01", RIYADH)).isEqualTo(Instant.parse("2024-02-29T21:00:00Z"));
        assertThat(IsoInstants.fastPath("2024-03-01T18:20:00", RIYADH))
                .isEqualTo(Instant.parse("2024-03-01T15:20:00Z"));
        assertThat(IsoInstants.fastPath("2024-03-01T18:20:00.250-01:30", RIYADH))
                .isEqualTo(Instant.parse("2024-03-01T19:50:00.250Z"));
        assertThat(IsoInstants.fastPath("2024-03-01T18:20:00Z", RIYADH))
                .isEqualTo(Instant.parse("2024-03-01T18:20:00Z"));
    }

    @Test
    void an_invalid_date_falls_back_to_the_message_of_dates() {
        assertThat(IsoInstants.fastPath("2024-02-30", RIYADH)).isNull();
        assertThatThrownBy(() -> IsoInstants.parse("2024-02-30", RIYADH))
                .hasMessage(
                        "'2024-02-30' is not an ISO-8601 date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)");
    }

    @Test
    void fast_path_and_dates_agree_on_random_near_iso_text() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int fast = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = mutate(random, iso(random));
            ZoneId zone = random.nextBoolean() ? RIYADH : CAIRO;
            Object expected = outcome(() -> Dates.parseInstant(text, zone));
            Object actual = outcome(() -> IsoInstants.parse(text, zone));
            if (!expected.equals(actual)) {
                assertThat(actual)
                        .as("seed %d, text '%s', zone %s", seed, text, zone)
                        .isEqualTo(expected);
            }
            fast += IsoInstants.fastPath(text, zone) == null ? 0 : 1;
        }
        assertThat(fast).as("seed %d: texts that took the fast path", seed).isGreaterThan(3_000);
    }

    @Test
    void the_plain_decimal_check_agrees_with_its_regular_expression() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                text.append("0123456789.+-e, ".charAt(random.nextInt(16)));
            }
            assertThat(Row.isPlainDecimal(text.toString()))
                    .as("seed %d, text '%s'", seed, text)
                    .isEqualTo(DECIMAL.matcher(text).matches());
        }
    }

    private static String iso(Random random) {
        String text = String.format(
                "%04d-%02d-%02d", 1990 + random.nextInt(40), 1 + random.nextInt(13), 1 + random.nextInt(31));
        if (random.nextInt(4) == 0) {
            return text;
        }
        text += String.format("T%02d:%02d:%02d", random.nextInt(25), random.nextInt(61), random.nextInt(61));
        if (random.nextInt(3) == 0) {
            text += "." + "123456789012".substring(0, random.nextInt(11));
        }
        return switch (random.nextInt(4)) {
            case 0 -> text;
            case 1 -> text + "Z";
            default ->
                text
                        + String.format(
                                "%s%02d:%02d",
                                random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(61));
        };
    }

    /** Usually the text as it is; sometimes with a character replaced, inserted or removed. */
    private static String mutate(Random r, String text) {
        if (r.nextInt(3) != 0 || text.isEmpty()) {
            return text;
        }
        int at = r.nextInt(text.length());
        char c = NOISE.charAt(r.nextInt(NOISE.length()));
        return switch (r.nextInt(3)) {
            case 0 -> text.substring(0, at) + c + text.substring(at + 1);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            default -> text.substring(0, at) + text.substring(at + 1);
        };
    }

    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        } catch (RuntimeException e) {
            return "unexpected: " + e;
        }
    }
}
