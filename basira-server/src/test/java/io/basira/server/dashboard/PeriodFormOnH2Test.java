package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The one period form (docs/dashboard.md, "Periods") of the overview, the analytics tabs and the Tracking page:
 * the same fields in the same order, and dates that cannot be used said in the reader's language — never the
 * API's English reason — with what each page shows instead. Today is 2024-06-01 (Riyadh).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class PeriodFormOnH2Test {

    /** The pages with the form (two analytics tabs: the form is the tabs' one). */
    private static final List<String> PAGES = List.of("/", "/analytics/pareto", "/analytics/rfm", "/tracking");

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
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void every_page_shows_the_same_form_with_the_dates_as_typed() {
        for (String page : PAGES) {
            String html = ok(page + "?lang=en&from=2024-04-01&to=2024-04-30&as_of=2024-05-15");
            assertThat(html).as(page).containsOnlyOnce("id=\"period-form\"").doesNotContain("id=\"period-error\"");
            assertThat(fields(html)).as(page + ": from, to, as of").containsExactly("from", "to", "as_of");
            assertThat(html)
                    .as(page)
                    .contains(
                            "value=\"2024-04-01\"",
                            "value=\"2024-04-30\"",
                            "value=\"2024-05-15\"",
                            "placeholder=\"yyyy-mm-dd\"",
                            "id=\"period-hint\"");
        }
        assertThat(text(ok("/analytics/pareto?lang=en&as_of=2024-05-15"), "period-hint"))
                .isEqualTo("As of 15 May 2024. Without from and to: the whole history up to that day.");
        assertThat(text(ok("/?lang=ar"), "period-hint")).startsWith("دون تواريخ: آخر 30 يومًا حتى اليوم");
    }

    @Test
    void a_date_that_is_not_one_is_said_in_english_on_every_page() {
        for (String page : PAGES) {
            String said = text(ok(page + "?lang=en&from=2024-13-01"), "period-error");
            assertThat(said)
                    .as(page)
                    .startsWith("These dates cannot be used: From: \"2024-13-01\" is not a date; "
                            + "write it as year-month-day, for example 2026-03-01. Showing ")
                    .doesNotContain("(YYYY-MM-DD)");
            assertThat(said)
                    .as(page)
                    .endsWith(
                            page.startsWith("/analytics")
                                    ? "the whole history up to today instead."
                                    : "the 30 days up to today instead.");
        }
    }

    @Test
    void dates_that_cannot_be_used_are_said_in_arabic_on_every_page() {
        for (String page : PAGES) {
            String reversed = text(ok(page + "?lang=ar&from=2024-05-20&to=2024-05-10"), "period-error");
            assertThat(reversed)
                    .as(page)
                    .isEqualTo("لا يمكن استخدام هذه التواريخ: تاريخ «من» (20 مايو 2024) بعد نهاية "
                            + "المدة (10 مايو 2024). نعرض بدلًا منها "
                            + (page.startsWith("/analytics") ? "كامل السجل حتى اليوم." : "آخر 30 يومًا حتى اليوم."));
            String late = text(ok(page + "?lang=ar&to=2024-06-09&as_of=2024-06-01"), "period-error");
            assertThat(late).as(page).contains("تاريخ «إلى» (9 يونيو 2024) بعد تاريخ الاحتساب (1 يونيو 2024)");
            String typed = text(ok(page + "?lang=ar&as_of=1800-01-01"), "period-error");
            assertThat(typed)
                    .as(page)
                    .contains("تاريخ الاحتساب: «\u20681800-01-01\u2069» خارج التواريخ التي تقبلها التحليلات");
            for (String arabic : List.of(reversed, late, typed)) {
                assertThat(arabic).as(page + ": no English reason").doesNotContainPattern("[A-Za-z]{2,}");
            }
        }
    }

    @Test
    void the_figures_of_a_refused_period_are_the_defaults() {
        assertThat(text(ok("/tracking?lang=en&from=2024-05-20&to=2024-05-10"), "ba-period"))
                .isEqualTo("From 3 May 2024 to 1 Jun 2024, in the store's time zone.");
    }

    /** The names of the period form's inputs, in their order. */
    private static List<String> fields(String html) {
        int start = html.indexOf("id=\"period-form\"");
        String form = html.substring(start, html.indexOf("</form>", start));
        Matcher name = Pattern.compile("<input [^>]*name=\"([^\"]+)\"").matcher(form);
        List<String> names = new java.util.ArrayList<>();
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private String ok(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String text(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1)
                .strip()
                .replaceAll("\\s+", " ")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
