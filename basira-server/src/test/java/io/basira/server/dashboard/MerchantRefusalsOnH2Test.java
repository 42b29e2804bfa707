package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.groups.GroupRules;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Refusals of the pages added after the first dashboard (messages, sources, tracking, groups) in the reader's language (issue 14, item 5): a bad value posted in Arabic gets an Arabic
 * sentence with the value isolated (FSI … PDI) and none of the API's English reason; in English, the English one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class MerchantRefusalsOnH2Test {

    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

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

    @Autowired
    GroupRules groups;

    @Autowired
    FieldCatalogue fields;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
            groups.create(fixture.store(), "spenders", "Spenders", RuleText.parse("order_count > 1", fields));
            groups.create(fixture.store(), "big", "Big spenders", RuleText.parse("group = 'spenders'", fields));
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void messages_settings_a_bad_quiet_hour_is_refused_in_the_readers_language() {
        String arabic = redirected("ar", "/messages", "/messages/settings", Map.of("quietStart", "25:99"));
        assertThat(error(arabic))
                .isEqualTo("بداية ساعات الهدوء " + FSI + "25:99" + PDI
                        + " ليست وقتًا: اكتبها ساعة:دقيقة مثل \u206821:00\u2069.")
                .doesNotContain("is not a time", "quiet_start");
        String english = redirected("en", "/messages", "/messages/settings", Map.of("quietEnd", "late"));
        assertThat(error(english)).isEqualTo("Quiet hours until late is not a time: write it hour:minute, like 08:00.");
        String port = redirected("ar", "/messages", "/messages/settings", Map.of("smtpPort", "70000"));
        assertThat(error(port))
                .contains("المنفذ " + FSI + "70000" + PDI + " غير صالح")
                .doesNotContain("must be");
    }

    @Test
    void messages_quiet_hours_are_text_fields_that_take_arabic_indic_digits() {
        String saved =
                redirected("ar", "/messages", "/messages/settings", Map.of("quietStart", "٢١:٣٠", "quietEnd", "٠٧:١٥"));
        assertThat(saved).doesNotContain("notice error");
        assertThat(saved)
                .contains("name=\"quietStart\" type=\"text\"", "placeholder=\"ساعة:دقيقة\"", "value=\"21:30\"")
                .contains("value=\"07:15\"")
                .doesNotContain("type=\"time\"");
        assertThat(ok("/messages?lang=en")).contains("placeholder=\"hh:mm\"");
    }

    @Test
    void messages_preview_and_consent_refusals_are_in_the_readers_language() {
        String token = browser.csrfTokenOf("/messages?lang=ar");
        HttpResponse<String> preview =
                browser.postForm("/messages/preview", Map.of("arBody", "", "enBody", "", "_csrf", token));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(error(preview.body()))
                .isEqualTo("الرسالة: اكتب الرسالة بالعربية أو بالإنجليزية أو بكلتيهما")
                .doesNotContain("template");
        String consent = redirected(
                "en",
                "/messages",
                "/messages/consent",
                Map.of("customer", "C999999", "channel", "email", "purpose", "marketing", "granted", "true"));
        assertThat(error(consent)).isEqualTo("This store has no customer with that number.");
    }

    @Test
    void messages_a_template_mistake_and_a_test_not_sent_are_said_in_the_readers_language() {
        String token = browser.csrfTokenOf("/messages?lang=ar");
        HttpResponse<String> arabic = browser.postForm(
                "/messages/preview", Map.of("arBody", "مرحبا {{first_nme}}", "enBody", "", "_csrf", token));
        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(problems(arabic.body()))
                .singleElement()
                .asString()
                .startsWith("الرسالة العربية: متغيّر غير معروف " + FSI + "first_nme" + PDI + " عند الحرف " + FSI + "7"
                        + PDI + "؛ المتغيّرات المتاحة: " + FSI)
                .contains("first_name")
                .doesNotContain("unknown variable", "known:");
        token = browser.csrfTokenOf("/messages?lang=en");
        HttpResponse<String> english =
                browser.postForm("/messages/preview", Map.of("arBody", "", "enBody", "Hi {{name", "_csrf", token));
        assertThat(problems(english.body())).containsExactly("English message: {{ at character 4 is not closed by }}");
        token = browser.csrfTokenOf("/messages?lang=ar");
        HttpResponse<String> unsent = browser.postForm(
                "/messages/preview",
                Map.of("arBody", "مرحبا", "enBody", "", "send", "true", "to", "owner@shop.example", "_csrf", token));
        assertThat(error(unsent.body())).isEqualTo("لم تُرسل: القناة غير مُعدّة");
    }

    private static java.util.List<String> problems(String page) {
        Matcher list = Pattern.compile("<ul class=\"notice error\"[^>]*>(.*?)</ul>", Pattern.DOTALL)
                .matcher(page);
        assertThat(list.find()).as("the template's problems on the page").isTrue();
        Matcher item = Pattern.compile("<li[^>]*>([^<]*)</li>").matcher(list.group(1));
        java.util.List<String> found = new java.util.ArrayList<>();
        while (item.find()) {
            found.add(item.group(1).strip().replace("&#39;", "'").replace("&quot;", "\""));
        }
        return found;
    }

    @Test
    void sources_a_malformed_secret_is_refused_in_the_readers_language() {
        String arabic = redirected("ar", "/sources", "/sources", Map.of("platform", "zid", "secret", "nocolon"));
        assertThat(error(arabic))
                .isEqualTo("سر زد هو بيانات الدخول الأساسية لإشعاراته، بصيغة " + FSI + "username:password" + PDI + ".")
                .doesNotContain("Basic credentials");
        String english = redirected("en", "/sources", "/sources", Map.of("platform", "standard", "secret", "abc"));
        assertThat(error(english)).isEqualTo("A Standard Webhooks secret starts with whsec_ followed by base64.");
    }

    @Test
    void tracking_a_bad_origin_or_retention_is_refused_in_the_readers_language() {
        String arabic = redirected("ar", "/tracking", "/tracking", Map.of("origins", "ftp://shop.example.com"));
        assertThat(error(arabic))
                .startsWith(FSI + "ftp://shop.example.com" + PDI + " ليس عنوان موقع")
                .doesNotContain("is not an origin");
        String english = redirected("en", "/tracking", "/tracking", Map.of("retention", "500"));
        assertThat(error(english))
                .isEqualTo("Months kept 500 is not valid: write a whole number of months from 1 to 120.");
        String digits = redirected("ar", "/tracking", "/tracking", Map.of("retention", "٢٤"));
        assertThat(digits).doesNotContain("notice error").contains("value=\"24\"");
    }

    @Test
    void groups_a_group_named_by_another_is_not_deleted_and_the_page_says_why() {
        String arabic = redirected("ar", "/groups/spenders", "/groups/spenders/delete", Map.of());
        assertThat(error(arabic))
                .isEqualTo("لا يمكن حذف المجموعة " + FSI + "spenders" + PDI + ": قواعد المجموعات " + FSI + "big" + PDI
                        + " تذكرها. عدّل تلك القواعد أولًا.")
                .doesNotContain("cannot be deleted");
        String english = redirected("en", "/groups/spenders", "/groups/spenders/delete", Map.of());
        assertThat(error(english))
                .isEqualTo("Group spenders cannot be deleted: the rules of big name it. Change those rules first.");
    }

    /** Posts {@code fields} from {@code page} in {@code lang} and returns the page the redirect leads to. */
    private String redirected(String lang, String page, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", browser.csrfTokenOf(page + "?lang=" + lang));
        HttpResponse<String> posted = browser.postForm(action, form);
        assertThat(posted.statusCode()).as(action).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return ok(location.replaceFirst("^https?://[^/]+", ""));
    }

    private String ok(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String error(String page) {
        Matcher m = Pattern.compile("class=\"notice error\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("an error on the page").isTrue();
        return m.group(1)
                .strip()
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
