package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After hostile records were sent to a store (and refused), every page of its dashboard still
 * answers; the dashboard's own forms refuse the same values with the same messages (issue 9).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
abstract class HostileInputDashboardContract {

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    JdbcApiKeys keys;

    DashboardFixture fixture;
    DashboardClient browser;
    Api api;

    @BeforeEach
    void store() {
        fixture = DashboardFixture.create(
                importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        api = new Api(port, keys.create(fixture.store().id(), "test").secret().value());
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void every_page_answers_after_hostile_records_were_refused() {
        assertThat(api.postJson(
                                "/api/v1/orders",
                                "{\"order_id\":\"X1\",\"customer_id\":\"C-1\",\"status\":\"completed\","
                                        + "\"total\":\"10\",\"created_at\":\"+999999999-12-31T23:59:59Z\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.postJson(
                                "/api/v1/customers",
                                "{\"customer_id\":\"C-1\",\"first_name\":\"" + "n".repeat(201)
                                        + "\",\"created_at\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.postJson(
                                "/api/v1/customers",
                                "{\"customer_id\":\"C-9\",\"birth_date\":\"-9999-01-01\","
                                        + "\"created_at\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(422);
        for (String page : List.of(
                "/",
                "/customers",
                "/customers/C-1",
                "/analytics",
                "/analytics/cohorts",
                "/analytics/rfm",
                "/groups",
                "/policies")) {
            assertThat(browser.get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void an_analysis_date_outside_the_range_is_shown_as_an_error_of_the_form() {
        HttpResponse<String> page = browser.get("/analytics/cohorts?as_of=%2B999999999-12-31");
        assertThat(page.statusCode()).isEqualTo(200);
        // said in the page's language (Arabic here), with the accepted range (docs/dashboard.md, "Periods")
        assertThat(page.body())
                .contains("خارج التواريخ التي تقبلها التحليلات")
                .contains("1 يناير 1900")
                .contains("31 ديسمبر 2199")
                .doesNotContain("is outside the accepted dates");
    }

    @Test
    void the_group_form_refuses_an_over_long_name_with_the_api_message() {
        String csrf = browser.csrfTokenOf("/groups/new");
        HttpResponse<String> saved = browser.postForm(
                "/groups",
                Map.of(
                        "_csrf",
                        csrf,
                        "key",
                        "vip",
                        "name",
                        "n".repeat(201),
                        "mode",
                        "text",
                        "rule",
                        "total_spent > 1"));
        assertThat(saved.statusCode()).isEqualTo(422);
        assertThat(saved.body()).contains("name is longer than 200 characters (it has 201)");
        assertThat(browser.get("/groups/vip").statusCode()).isEqualTo(404);
    }
}
