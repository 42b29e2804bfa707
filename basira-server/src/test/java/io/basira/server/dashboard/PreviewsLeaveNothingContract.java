package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.audience.IndexedAudience;
import io.basira.server.groups.LiveGroups;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, item 5: rule previews (the API's {@code POST /api/v1/groups/preview} and the dashboard's rule
 * check) used to keep every literal in the store's dictionaries and every rule in the rule cache, so a
 * stream of previews with large literals filled the heap. A preview must leave the store's memory as it
 * found it; asserted on the structures' sizes ({@link LiveGroups#footprint}), not on heap measurements.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
abstract class PreviewsLeaveNothingContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    LiveGroups live;

    /** One store for the class: hashing passwords at cost 12 is deliberately slow. */
    static DashboardFixture fixture;

    Api api;
    DashboardClient browser;

    @AfterAll
    static void forgetStore() {
        fixture = null; // the next database's class makes its own
    }

    @BeforeEach
    void store() {
        if (fixture == null) {
            fixture = DashboardFixture.create(
                    importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "previews");
        }
        api = new Api(port, keys.create(fixture.store().id(), "test").secret().value());
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    private JsonNode preview(String body) {
        Api.Response response = api.postJson("/api/v1/groups/preview", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode check(String body) {
        HttpResponse<String> response = browser.postJson("/groups/new", "/groups/rules/check", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void previews_and_rule_checks_with_distinct_large_literals_leave_the_stores_memory_as_it_was() {
        int riyadh = preview("{\"rule\":\"city = 'Riyadh'\"}").get("count").asInt();
        assertThat(riyadh).isPositive();
        IndexedAudience.Footprint before = live.footprint(fixture.store());
        assertThat(before.distinctValues()).containsKeys("city", "region", "country", "tags");

        for (int i = 0; i < 60; i++) {
            String literal = i + "x".repeat(1_990);
            assertThat(preview("{\"rule\":\"city = '" + literal + "' OR tags = '" + literal + "'\"}")
                            .get("count")
                            .asInt())
                    .isZero();
            assertThat(preview("{\"rule_json\":{\"field\":\"region\",\"op\":\"in\",\"values\":[\"" + literal
                                    + "\",\"nowhere\"]}}")
                            .get("count")
                            .asInt())
                    .isZero();
            JsonNode checked = check("{\"rule\":\"city != '" + literal + "' AND city = 'Riyadh'\"}");
            assertThat(checked.get("ok").asBoolean()).as(checked.toString()).isTrue();
            assertThat(checked.get("count").asInt()).isEqualTo(riyadh);
            JsonNode checkedJson =
                    check("{\"rule_json\":{\"field\":\"tags\",\"op\":\"=\",\"value\":\"" + literal + "\"}}");
            assertThat(checkedJson.get("count").asInt()).isZero();
        }

        assertThat(live.footprint(fixture.store())).isEqualTo(before);
    }

    @Test
    void a_literal_longer_than_any_stored_value_is_refused_with_its_position_in_both() {
        String huge = "x".repeat(2_001);
        Api.Response refused =
                api.postJson("/api/v1/groups/preview", "{\"rule\":\"order_count > 1 AND city = '" + huge + "'\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asString())
                .isEqualTo("line 1, column 28: a text value is at most 2000 characters (no stored value is longer);"
                        + " this one has 2001");

        JsonNode checked = check("{\"rule\":\"order_count > 1 AND city = '" + huge + "'\"}");
        assertThat(checked.get("ok").asBoolean()).isFalse();
        assertThat(checked.get("line").asInt()).isEqualTo(1);
        assertThat(checked.get("column").asInt()).isEqualTo(28);
        JsonNode checkedJson = check("{\"rule_json\":{\"field\":\"city\",\"op\":\"=\",\"value\":\"" + huge + "\"}}");
        assertThat(checkedJson.get("path").asString()).isEqualTo("$.value");
    }

    @Test
    void a_four_megabyte_literal_is_refused_before_it_is_read_whole() {
        String body = "{\"rule\":\"city = '" + "x".repeat(4 * 1024 * 1024) + "'\"}";
        Api.Response refused = api.postJson("/api/v1/groups/preview", body);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).get("limit").asString()).isEqualTo("1048576 bytes");
        HttpResponse<String> dashboard = browser.postJson("/groups/new", "/groups/rules/check", body);
        assertThat(dashboard.statusCode()).isEqualTo(413);
    }
}
