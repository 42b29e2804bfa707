package io.basira.server.browsing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.VisitorHash;
import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.TestDatabases;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Tracking page's browsing analytics (docs/browsing.md, "Analytics"): the period picker changes the figures
 * shown, the charts of sessions per day and of new and returning visitors are there with their text alternatives,
 * in English and in Arabic (right to left), and dates that cannot be used are explained in the reader's language.
 * Today is 2024-06-01 (Riyadh); the default period is 2024-05-03 to 2024-06-01.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class TrackingPageOnH2Test {

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
    JdbcTemplate jdbc;

    static DashboardFixture fixture;
    DashboardClient browser;

    @BeforeEach
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
            // v1: two sessions in the last 30 days (returning); v2: one session in April (new then)
            event("v1-visitor", "s1-session", "2024-05-30T10:00:00+03:00", "/a");
            event("v1-visitor", "s1-session", "2024-05-30T10:05:00+03:00", "/a");
            event("v1-visitor", "s2-session", "2024-05-31T11:00:00+03:00", "/b");
            event("v2-visitor", "s3-session", "2024-04-10T12:00:00+03:00", "/old");
        }
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void the_default_period_is_the_last_30_days_with_both_charts_and_their_text_alternatives() {
        String page = ok("/tracking?lang=en");
        assertThat(text(page, "ba-visitors")).isEqualTo("1");
        assertThat(text(page, "ba-sessions")).isEqualTo("2");
        assertThat(text(page, "ba-returning")).isEqualTo("1");
        assertThat(text(page, "ba-period")).isEqualTo("From 3 May 2024 to 1 Jun 2024, in the store's time zone.");
        assertThat(page).contains("/a", "/b").doesNotContain("/old");
        String sessions = chart(page, "sessions-chart");
        assertThat(sessions).contains("\"kind\":\"bars\"", "\"rtl\":false", "\"name\":\"Sessions\"");
        assertThat(attribute(page, "sessions-chart", "aria-label"))
                .isEqualTo("Sessions per day from 3 May 2024 to 1 Jun 2024: 2 in all, at most 1 in one day. "
                        + "The table below gives every day.");
        assertThat(page).contains("id=\"sessions-table\"", "<td>30 May 2024</td><td>1</td>");
        assertThat(chart(page, "visitors-chart"))
                .contains("\"labels\":[\"New visitors\",\"Returning visitors\"]", "\"data\":[0,1]");
        assertThat(attribute(page, "visitors-chart", "aria-label"))
                .isEqualTo("New and returning visitors: 0 new, 1 returning.");
        assertThat(page).contains("id=\"visitors-table\"", "/js/analytics.js", "echarts.min.js");
    }

    @Test
    void the_period_picker_changes_the_figures_and_the_charts() {
        String page = ok("/tracking?lang=en&from=2024-04-01&to=2024-04-30");
        assertThat(text(page, "ba-visitors")).isEqualTo("1");
        assertThat(text(page, "ba-sessions")).isEqualTo("1");
        assertThat(text(page, "ba-new")).isEqualTo("1");
        assertThat(text(page, "ba-returning")).isEqualTo("0");
        assertThat(page).contains("/old").doesNotContain(">/a<", ">/b<");
        assertThat(page)
                .contains("value=\"2024-04-01\"", "value=\"2024-04-30\"")
                .doesNotContain("period-error");
        assertThat(attribute(page, "sessions-chart", "aria-label")).contains("1 Apr 2024 to 30 Apr 2024: 1 in all");
        assertThat(attribute(page, "visitors-chart", "aria-label")).endsWith("1 new, 0 returning.");

        String asOf = ok("/tracking?lang=en&as_of=2024-05-30");
        assertThat(text(asOf, "ba-sessions"))
                .as("as-of ends the default period")
                .isEqualTo("1");
        assertThat(text(asOf, "ba-period")).contains("1 May 2024", "30 May 2024");
    }

    @Test
    void in_arabic_the_charts_run_right_to_left_with_arabic_text_alternatives() {
        String page = ok("/tracking?lang=ar&from=2024-04-01&to=2024-04-30");
        assertThat(page).contains("dir=\"rtl\"");
        assertThat(text(page, "ba-sessions")).isEqualTo("1");
        assertThat(chart(page, "sessions-chart")).contains("\"rtl\":true", "\"name\":\"الجلسات\"");
        assertThat(attribute(page, "sessions-chart", "aria-label"))
                .startsWith("الجلسات في كل يوم من ")
                .contains(": 1 في المجموع، وأكثرها 1 في يوم واحد.");
        assertThat(chart(page, "visitors-chart"))
                .contains("\"labels\":[\"زوار جدد\",\"زوار عائدون\"]", "\"data\":[1,0]");
        assertThat(attribute(page, "visitors-chart", "aria-label"))
                .isEqualTo("الزوار الجدد والعائدون: 1 جديد، و0 عائد.");
        assertThat(page).contains("id=\"sessions-table\"", "id=\"visitors-table\"", "الجلسات في كل يوم</caption>");
    }

    @Test
    void dates_that_cannot_be_used_are_explained_in_the_readers_language_and_the_default_period_is_shown() {
        String english = ok("/tracking?lang=en&from=2024-13-01");
        assertThat(text(english, "period-error"))
                .isEqualTo(
                        "These dates cannot be used: From: \"2024-13-01\" is not a "
                                + "date; write it as year-month-day, for example 2026-03-01. Showing the 30 days up to today instead.");
        assertThat(text(english, "ba-sessions")).isEqualTo("2");
        assertThat(english).contains("value=\"2024-13-01\"");

        String arabic = ok("/tracking?lang=ar&from=2024-13-01");
        assertThat(text(arabic, "period-error")).contains("من: «\u20682024-13-01\u2069» ليس تاريخًا", "آخر 30 يومًا");

        assertThat(text(ok("/tracking?lang=en&from=2024-05-20&to=2024-05-10"), "period-error"))
                .contains("From (20 May 2024) is after the end of the period (10 May 2024).");
        assertThat(text(ok("/tracking?lang=ar&to=2024-06-09"), "period-error"))
                .contains("تاريخ «إلى»", "بعد تاريخ الاحتساب");
        assertThat(text(ok("/tracking?lang=en&as_of=1800-01-01"), "period-error"))
                .contains("As of: \"1800-01-01\" is outside the dates the analyses accept");
    }

    private void event(String visitor, String session, String at, String path) {
        OffsetDateTime time = OffsetDateTime.parse(at);
        jdbc.update(
                "INSERT INTO browsing_events (store_id, visitor_id, visitor_hash, session_id, occurred_at, received_at, "
                        + "kind, path) VALUES (?, ?, ?, ?, ?, ?, 'page', ?)",
                fixture.store().id().value(),
                visitor,
                VisitorHash.of(visitor),
                session,
                time,
                time,
                path);
    }

    private String ok(String path) {
        HttpResponse<String> response = browser.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The text of the element with {@code id} (no child elements), HTML entities of quotes decoded. */
    private static String text(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("element #" + id).isTrue();
        return unescape(m.group(1).strip().replaceAll("\\s+", " "));
    }

    private static String attribute(String page, String id, String name) {
        Matcher tag = Pattern.compile("<[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(tag.find()).as("element #" + id).isTrue();
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag.group());
        assertThat(value.find()).as(name + " of #" + id).isTrue();
        return unescape(value.group(1));
    }

    private static String chart(String page, String id) {
        assertThat(attribute(page, id, "class")).isEqualTo("chart");
        assertThat(attribute(page, id, "role")).isEqualTo("img");
        return attribute(page, id, "data-chart");
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
