package io.basira.server.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The campaign builder's live preview over real HTTP (docs/campaigns.md, "API/CLI/dashboard"): the page asks
 * {@code POST /campaigns/preview} with the builder's fields as the merchant types (htmx), and gets the message in
 * both languages rendered as the /messages page renders it — sanitised right-to-left e-mail, SMS with its segments,
 * the webhook's plain text — or the template's problem, or a hint while nothing is written.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class CampaignBuilderPreviewOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    private HttpResponse<String> preview(String channel, String bodyAr, String bodyEn) {
        Map<String, String> form = new HashMap<>(Map.of(
                "_csrf",
                browser.csrfTokenOf("/campaigns/new"),
                "name",
                "",
                "channel",
                channel,
                "purpose",
                "marketing",
                "subjectAr",
                "مرحبا {{first_name}}",
                "bodyAr",
                bodyAr,
                "subjectEn",
                "Hi {{first_name}}",
                "bodyEn",
                bodyEn));
        HttpResponse<String> answer = browser.postForm("/campaigns/preview", form);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    @Test
    void the_builder_asks_for_the_preview_as_the_merchant_types() {
        String page = browser.get("/campaigns/new").body();
        assertThat(page)
                .contains(
                        "id=\"campaign-preview\"",
                        "hx-post=\"/campaigns/preview\"",
                        "hx-include=\"#campaign-form\"",
                        "input delay:500ms from:#campaign-form");
        assertThat(preview("email", "", "").body())
                .contains("اكتب رسالة أعلاه لتراها هنا.")
                .doesNotContain("message-preview");
    }

    @Test
    void an_email_is_previewed_in_both_languages_sanitised_right_to_left_for_arabic() {
        String html = preview("email", "<p onclick=\"x()\">كود {{coupon_code}}</p>", "<p>Code {{coupon_code}}</p>")
                .body();
        assertThat(html)
                .contains(
                        "lang=\"ar\"",
                        "dir=\"rtl\"",
                        "مرحبا سارة",
                        "كود SAVE10",
                        "lang=\"en\"",
                        "Hi Sara",
                        "Code SAVE10")
                .doesNotContain("onclick")
                .doesNotContain("<html");
    }

    @Test
    void an_sms_shows_its_segments_and_opt_out_line_and_a_webhook_its_plain_text() {
        String sms =
                preview("sms", "كود {{coupon_code}}", "Code {{coupon_code}}").body();
        assertThat(sms).contains("UCS-2", "GSM-7", "لإيقاف الرسائل: http", "Stop: http");
        String webhook = preview("webhook", "كود {{coupon_code}}", "").body();
        assertThat(webhook).contains("كود SAVE10").doesNotContain("UCS-2").doesNotContain("lang=\"en\"");
    }

    @Test
    void a_template_problem_is_named_instead_of_a_preview() {
        assertThat(preview("email", "", "Hi {{nme}}").body())
                .contains("en: unknown variable {{nme}}")
                .doesNotContain("message-preview");
    }
}
