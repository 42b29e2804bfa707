package io.basira.server.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The campaign builder over real HTTP (issue 14): a refused definition is said in the page's language, the field by
 * its label and the reason from its code; the campaign's page writes its percentages and counts in the dashboard's
 * one number format (Latin digits, the language's percent sign).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class CampaignPagesOnH2Test {

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
    DashboardClient owner;

    @BeforeEach
    void signedIn() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر الحملات");
        }
        owner = new DashboardClient(port);
        owner.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    private Map<String, String> campaign(String kind, String controlPercent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", owner.csrfTokenOf("/campaigns/new"));
        form.put("name", "تذكير السلة");
        form.put("kind", kind);
        form.put("channel", "email");
        form.put("purpose", "marketing");
        form.put("bodyAr", "سلتك بانتظارك");
        form.put("controlPercent", controlPercent);
        form.put("attributionDays", "7");
        return form;
    }

    @Test
    void a_refused_campaign_is_explained_in_arabic_with_the_fields_label() {
        HttpResponse<String> outside = owner.postForm("/campaigns", campaign("abandoned_cart", "95"));

        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body())
                .contains("id=\"campaign-error\">المجموعة الضابطة: القيمة \u206895\u2069 خارج المدى من "
                        + "\u20680\u2069 إلى \u206890\u2069</p>")
                .doesNotContain("is outside");

        HttpResponse<String> noGroup = owner.postForm("/campaigns", campaign("one_off", "10"));
        assertThat(noGroup.body())
                .contains(
                        "المجموعات: تحتاج الرسالة لمرة واحدة والرسالة عند دخول مجموعة إلى مجموعة " + "واحدة على الأقل")
                .doesNotContain("needs at least one group");

        Map<String, String> unknownGroup = campaign("one_off", "10");
        unknownGroup.put("groups", "nope");
        assertThat(owner.postForm("/campaigns", unknownGroup).body())
                .contains("المجموعات: لا توجد مجموعة «\u2068nope\u2069» في هذا المتجر");

        Map<String, String> noName = campaign("abandoned_cart", "10");
        noName.put("name", " ");
        assertThat(owner.postForm("/campaigns", noName).body()).contains("الاسم: مطلوب، يُرجى تعبئته");
    }

    @Test
    void a_refused_campaign_is_explained_in_english_on_the_english_page() {
        owner.get("/campaigns/new?lang=en");

        HttpResponse<String> outside = owner.postForm("/campaigns", campaign("abandoned_cart", "95"));

        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("id=\"campaign-error\">Control group: 95 is outside 0 to 90</p>");
    }

    @Test
    void the_campaign_page_writes_percentages_with_latin_digits_and_the_arabic_percent_sign() {
        HttpResponse<String> created = owner.postForm("/campaigns", campaign("abandoned_cart", "10"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);

        String path = java.net
                .URI
                .create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        String page = owner.get(path).body();

        assertThat(page).contains("10٪ من العملاء لا يصلهم شيء", "الطلبات خلال 7 أيام");
        assertThat(page.codePoints().filter(c -> (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)))
                .as("no Arabic-Indic or Persian digit")
                .isEmpty();
        owner.get("/campaigns/new?lang=en");
        assertThat(owner.get(path).body()).contains("10% of customers get nothing");
    }
}
