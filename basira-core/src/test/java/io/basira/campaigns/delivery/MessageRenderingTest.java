package io.basira.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Sanitising merchant HTML, escaping values, the RTL layout and the plain-text part. */
class MessageRenderingTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private static RenderedMessage email(String body, String firstName, String language) {
        return MessageRendering.render(
                Channel.EMAIL,
                Purpose.MARKETING,
                new MessageTemplate(
                        new TemplateText("عرض {{first_name}}", body),
                        new TemplateText("Offer {{first_name}}\r\nBcc: x", body)),
                language,
                "ar",
                firstName,
                "Dar Oud",
                MessageVariables.NONE,
                "https://b.example/u/tok",
                RIYADH);
    }

    @Test
    void merchantHtmlLosesScriptsHandlersAndJavascriptLinks() {
        RenderedMessage m = email(
                "<p style=\"color:red\" onclick=\"steal()\">Hi</p><script>alert(1)</script>"
                        + "<a href=\"javascript:alert(1)\">x</a><a href=\"https://ok.example/\">ok</a><iframe src=\"https://e\"></iframe>"
                        + "<img src=\"https://img.example/a.png\" onerror=\"x()\">",
                "Sara",
                "en");
        assertThat(m.html())
                .doesNotContain("script", "onclick", "javascript:", "iframe", "onerror")
                .contains("color:red", "https://ok.example/", "https://img.example/a.png");
    }

    @Test
    void valuesAreEscapedAndSubjectsStayOneLine() {
        RenderedMessage m = email("<p>{{first_name}}</p>", "<img src=x onerror=alert(1)>", "en");
        assertThat(m.html())
                .contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;")
                .doesNotContain("<img src=x");
        assertThat(m.subject())
                .isEqualTo("Offer <img src=x onerror=alert(1)> Bcc: x")
                .doesNotContain("\n");
        assertThat(m.text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void arabicIsRightToLeftEnglishLeftToRightBothWithTheUnsubscribeFooter() {
        RenderedMessage ar = email("<p>مرحبا</p>", "سارة", "ar");
        assertThat(ar.html())
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "<html lang=\"ar\" dir=\"rtl\">",
                        "direction:rtl",
                        "text-align:right",
                        "إلغاء الاشتراك",
                        "href=\"https://b.example/u/tok\"");
        assertThat(ar.text()).contains("مرحبا", "إلغاء الاشتراك (https://b.example/u/tok)");
        RenderedMessage en = email("<p>Hello</p>", "Sara", "en");
        assertThat(en.html()).contains("<html lang=\"en\" dir=\"ltr\">", "text-align:left", "Unsubscribe");
        assertThat(en.html()).doesNotContain("<style").doesNotContain("class=");
    }

    @Test
    void transactionalMailHasNoFooterAndSmsGetsAnOptOutLineForMarketingOnly() {
        RenderedMessage receipt = MessageRendering.render(
                Channel.EMAIL,
                Purpose.TRANSACTIONAL,
                new MessageTemplate(null, new TemplateText("Receipt", "<p>Thanks</p>")),
                null,
                "ar",
                "Sara",
                "Shop",
                MessageVariables.NONE,
                "https://b.example/u/tok",
                RIYADH);
        assertThat(receipt.html()).doesNotContain("Unsubscribe").doesNotContain("u/tok");
        MessageTemplate sms = new MessageTemplate(new TemplateText(null, "مرحبا {{first_name}}"), null);
        RenderedMessage marketing = MessageRendering.render(
                Channel.SMS,
                Purpose.MARKETING,
                sms,
                null,
                "ar",
                "سارة",
                "Shop",
                MessageVariables.NONE,
                "https://b.example/u/tok",
                RIYADH);
        assertThat(marketing.text()).isEqualTo("مرحبا سارة\nلإيقاف الرسائل: https://b.example/u/tok");
        assertThat(marketing.segments().encoding()).isEqualTo("UCS-2");
        RenderedMessage transactional = MessageRendering.render(
                Channel.SMS,
                Purpose.TRANSACTIONAL,
                sms,
                null,
                "ar",
                "سارة",
                "Shop",
                MessageVariables.NONE,
                "https://b.example/u/tok",
                RIYADH);
        assertThat(transactional.text()).isEqualTo("مرحبا سارة");
    }
}
