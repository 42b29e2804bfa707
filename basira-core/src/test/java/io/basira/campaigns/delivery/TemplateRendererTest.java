package io.basira.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.campaigns.ItemLink;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.TemplateText;
import io.basira.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Currency SAR = Currency.getInstance("SAR");
    private final MessageVariables cart = new MessageVariables(
            List.of(
                    new ItemLink("p1", "Oud <Royal>", "https://shop.example/p1", 2, Money.ofMinor(12000, SAR)),
                    new ItemLink("p2", "Musk", "https://shop.example/p2", 1, Money.ofMinor(4550, SAR))),
            "SAVE10",
            Instant.parse("2026-12-31T20:59:00Z"),
            120L,
            null,
            "https://s.example/q");
    private final MessageValues values =
            MessageValues.of("Sara <b>", "Dar Oud", cart, "https://b.example/u/t", ZoneId.of("Asia/Riyadh"));

    @Test
    void variablesAndTheItemsLoop() {
        String text = TemplateRenderer.render(
                "Hi {{first_name}}: {{#items}}[{{item.name}} x{{item.quantity}} "
                        + "{{item.price}} {{item.url}}]{{/items}} code {{coupon_code}} until {{coupon_expires}}",
                values,
                s -> s);
        assertThat(text)
                .isEqualTo("Hi Sara <b>: [Oud <Royal> x2 120.00 SAR https://shop.example/p1]"
                        + "[Musk x1 45.50 SAR https://shop.example/p2] code SAVE10 until 2026-12-31");
    }

    @Test
    void htmlEscapesEveryValue() {
        String html = TemplateRenderer.render(
                "<p>{{first_name}}</p>{{#items}}<a href=\"{{item.url}}\">{{item.name}}</a>{{/items}}",
                values,
                TemplateRenderer::escapeHtml);
        assertThat(html).contains("<p>Sara &lt;b&gt;</p>").contains(">Oud &lt;Royal&gt;</a>");
    }

    @Test
    void aBlockShowsOnlyWhenItsValueIsThere() {
        assertThat(TemplateRenderer.render(
                        "{{#coupon_code}}Code: {{coupon_code}}{{/coupon_code}}"
                                + "{{#points_expire}}expires{{/points_expire}}",
                        values,
                        s -> s))
                .isEqualTo("Code: SAVE10");
    }

    @Test
    void mistakesSayWhere() {
        assertThatThrownBy(() -> TemplateRenderer.render("Hi {{frist_name}}", values, s -> s))
                .hasMessageContaining("unknown variable {{frist_name}} at character 4");
        assertThat(TemplateRenderer.problem("{{#items}}{{item.nam}}{{/items}}")).contains("{{item.nam}}");
        assertThat(TemplateRenderer.problem("{{#items}} no end")).contains("has no {{/items}}");
        assertThat(TemplateRenderer.problem("{{item.name}}")).contains("outside {{#items}}");
        assertThat(TemplateRenderer.problem("Hello {{first_name}}")).isNull();
    }

    @Test
    void languageIsTheCustomersElseTheStoresElseWhatExists() {
        MessageTemplate both = new MessageTemplate(new TemplateText("مرحبا", "نص"), new TemplateText("Hi", "text"));
        MessageTemplate english = new MessageTemplate(null, new TemplateText("Hi", "text"));
        assertThat(Languages.choose(both, "en", "ar")).isEqualTo("en");
        assertThat(Languages.choose(both, null, "ar")).isEqualTo("ar");
        assertThat(Languages.choose(english, "ar", "ar")).isEqualTo("en");
        assertThat(Languages.choose(both, null, null)).isEqualTo("ar");
        assertThat(Languages.normalise("ar-SA")).isEqualTo("ar");
        assertThat(Languages.normalise("English")).isEqualTo("en");
    }

    @Test
    void smsSegmentsGsmAndArabic() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 160, 1, 160));
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("€".repeat(80)).segments()).isEqualTo(1); // extension characters count twice
        assertThat(SmsSegments.of("م".repeat(70))).isEqualTo(new SmsSegments("UCS-2", 70, 1, 70));
        assertThat(SmsSegments.of("م".repeat(71))).isEqualTo(new SmsSegments("UCS-2", 71, 2, 67));
        assertThat(SmsSegments.of("م".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void saudiNumbersReachE164() {
        assertThat(PhoneNumbers.e164("050 123 4567")).isEqualTo("+966501234567");
        assertThat(PhoneNumbers.e164("+966 50 123 4567")).isEqualTo("+966501234567");
        assertThat(PhoneNumbers.e164("00966501234567")).isEqualTo("+966501234567");
        assertThat(PhoneNumbers.e164("966501234567")).isEqualTo("+966501234567");
        assertThat(PhoneNumbers.e164("٠٥٠١٢٣٤٥٦٧")).isEqualTo("+966501234567");
        assertThat(PhoneNumbers.e164("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(PhoneNumbers.e164("call me")).isNull();
        assertThat(PhoneNumbers.withoutPlus("+966501234567")).isEqualTo("966501234567");
    }
}
