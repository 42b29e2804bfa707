package io.basira.server.sources.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The platforms' amounts and dates, read exactly in each spelling they use. */
class FieldsTest {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    static final Currency SAR = Currency.getInstance("SAR");
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Test
    void amounts_are_exact_in_every_shape_and_too_many_decimals_are_refused() {
        assertThat(Fields.money(JSON.readTree("250.50"), SAR, "t")).isEqualTo(Money.ofMinor(25050, SAR));
        assertThat(Fields.money(JSON.readTree("\"340.50000000000000\""), SAR, "t"))
                .isEqualTo(Money.ofMinor(34050, SAR));
        assertThat(Fields.money(JSON.readTree("{\"amount\": 0.1, \"currency\": \"SAR\"}"), SAR, "t"))
                .isEqualTo(Money.ofMinor(10, SAR));
        assertThat(Fields.money(JSON.readTree("{\"amount\": 5, \"currency\": \"KWD\"}"), SAR, "t")
                        .currency()
                        .getCurrencyCode())
                .isEqualTo("KWD");
        assertThatThrownBy(() -> Fields.money(JSON.readTree("\"0.005\""), SAR, "order 1: total"))
                .isInstanceOf(Unmappable.class)
                .hasMessageContaining("order 1: total");
        assertThatThrownBy(() -> Fields.money(JSON.readTree("\"-1\""), SAR, "t"))
                .isInstanceOf(Unmappable.class);
    }

    @Test
    void dates_in_each_platforms_spelling() {
        Instant expected = Instant.parse("2024-05-10T09:00:00Z");
        assertThat(Fields.instant("2024-05-10T12:00:00+03:00", RIYADH, "t")).isEqualTo(expected);
        assertThat(Fields.instant("2024-05-10T12:00:00", RIYADH, "t")).isEqualTo(expected);
        assertThat(Fields.instant("2024-05-10 12:00:00", RIYADH, "t")).isEqualTo(expected);
        assertThat(Fields.instant("2024-05-10 12:00:00.000000", RIYADH, "t")).isEqualTo(expected);
        assertThat(Fields.instant("Fri May 10 2024 12:00:00 GMT+0300", RIYADH, "t"))
                .isEqualTo(expected);
        assertThat(Fields.instant(Long.toString(expected.getEpochSecond()), RIYADH, "t"))
                .isEqualTo(expected);
        assertThat(Fields.dateObject(
                        JSON.readTree("{\"date\":\"2024-05-10 09:00:00.000000\",\"timezone\":\"UTC\"}"), RIYADH, "t"))
                .isEqualTo(expected);
        assertThatThrownBy(() -> Fields.instant("yesterday", RIYADH, "order 1: date"))
                .isInstanceOf(Unmappable.class)
                .hasMessageContaining("order 1: date");
    }
}
