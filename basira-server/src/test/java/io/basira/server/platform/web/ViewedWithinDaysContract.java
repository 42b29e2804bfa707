package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.browsing.BrowsingIntake;
import io.basira.server.groups.MidnightEvaluation;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * "Viewed this product or category within n days" for any n (docs/rules.md, docs/browsing.md): saved groups on
 * {@code viewed_products_45d}, {@code viewed_categories_10d} (JSON form) and {@code viewed_products_3d != 'P1'}
 * follow the events as they arrive and the days as they pass (the store's midnight, on an injected clock), and
 * one store never sees another's views. "Today" starts at 2024-06-01 12:00 Riyadh.
 */
@Import(MutableClock.Configuration.class)
abstract class ViewedWithinDaysContract extends ApiTestBase {

    private static final String SHOP = "https://shop.example";
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MutableClock clock;

    @Autowired
    MidnightEvaluation midnight;

    @Autowired
    BrowsingIntake intake;

    @BeforeEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void groups_on_any_number_of_days_follow_events_and_the_stores_midnights() throws Exception {
        Api api = newStore("viewed-n");
        String key = site(api);
        api.postJson("/api/v1/customers", customer("C1", "Sara"));
        api.postJson("/api/v1/customers", customer("C2", "Huda"));
        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"p1-45\",\"name\":\"p1-45\"," + "\"rule\":\"viewed_products_45d = 'P1'\"}")
                        .status())
                .isEqualTo(201);
        Api.Response json = api.postJson(
                "/api/v1/groups",
                "{\"key\":\"shoes-10\",\"name\":\"shoes-10\","
                        + "\"rule_json\":{\"field\":\"viewed_categories_10d\",\"op\":\"=\",\"value\":\"shoes\"}}");
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        assertThat(json(json).get("rule").asString()).isEqualTo("viewed_categories_10d = 'shoes'");
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"not-p1-3\",\"name\":\"not-p1-3\"," + "\"rule\":\"viewed_products_3d != 'P1'\"}");
        Api.Response refused = api.postJson(
                "/api/v1/groups", "{\"key\":\"bad\",\"name\":\"bad\"," + "\"rule\":\"viewed_products_401d = 'P1'\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("takes n from 1 to 400");
        assertThat(members(api, "not-p1-3")).containsExactly("C1", "C2");

        // 1 June: C1 views P1 (shoes) and signs in; the groups follow the event
        assertThat(beacon(
                                key,
                                "visitor-1",
                                "session-1",
                                "{\"t\":\"product\",\"pr\":\"P1\",\"ca\":\"shoes\"}",
                                "{\"t\":\"identify\",\"cu\":\"C1\"}")
                        .statusCode())
                .isBetween(202, 204);
        flush();
        assertThat(members(api, "p1-45")).containsExactly("C1");
        assertThat(members(api, "shoes-10")).containsExactly("C1");
        assertThat(members(api, "not-p1-3")).containsExactly("C2");

        // 4 June 00:00 Riyadh: 1 June is no longer within the last 3 days
        midnightAt("2024-06-03T21:00:00Z");
        assertThat(members(api, "not-p1-3")).containsExactly("C1", "C2");
        // 10 June: within 10 days (1 to 10 June); 11 June: no longer
        midnightAt("2024-06-09T21:00:00Z");
        assertThat(members(api, "shoes-10")).containsExactly("C1");
        midnightAt("2024-06-10T21:00:00Z");
        assertThat(members(api, "shoes-10")).isEmpty();
        assertThat(members(api, "p1-45")).containsExactly("C1");
        // 15 July is the 45th day from 1 June; on 16 July C1 leaves, until she views P1 again
        midnightAt("2024-07-14T21:00:00Z");
        assertThat(members(api, "p1-45")).containsExactly("C1");
        midnightAt("2024-07-15T21:00:00Z");
        assertThat(members(api, "p1-45")).isEmpty();
        clock.set(Instant.parse("2024-07-16T08:00:00Z"));
        beacon(key, "visitor-1", "session-2", "{\"t\":\"product\",\"pr\":\"P1\",\"ca\":\"shoes\"}");
        flush();
        assertThat(members(api, "p1-45")).containsExactly("C1");
        assertThat(members(api, "shoes-10")).containsExactly("C1");
        assertThat(members(api, "not-p1-3")).containsExactly("C2");
    }

    @Test
    void a_store_never_sees_another_stores_views() throws Exception {
        Api first = newStore("viewed-first");
        Api second = newStore("viewed-second");
        String firstKey = site(first);
        String secondKey = site(second);
        for (Api api : List.of(first, second)) {
            api.postJson("/api/v1/customers", customer("C1", "Sara"));
            api.postJson("/api/v1/groups", "{\"key\":\"p9\",\"name\":\"p9\",\"rule\":\"viewed_products_20d = 'P9'\"}");
        }
        beacon(
                secondKey,
                "visitor-1",
                "session-1",
                "{\"t\":\"product\",\"pr\":\"P9\"}",
                "{\"t\":\"identify\",\"cu\":\"C1\"}");
        beacon(
                firstKey,
                "visitor-1",
                "session-1",
                "{\"t\":\"product\",\"pr\":\"P1\"}",
                "{\"t\":\"identify\",\"cu\":\"C1\"}");
        flush();
        assertThat(members(second, "p9")).containsExactly("C1");
        assertThat(members(first, "p9")).isEmpty();
    }

    private void midnightAt(String instant) {
        clock.set(Instant.parse(instant));
        midnight.run();
    }

    private String site(Api api) {
        String key = json(api.get("/api/v1/browsing/site")).get("site_key").asString();
        Api.Response put = api.putJson(
                "/api/v1/browsing/site",
                "{\"allowed_origins\":[\"" + SHOP + "\"],"
                        + "\"consent_required\":false,\"honour_dnt\":false,\"retention_months\":13}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return key;
    }

    private static List<String> members(Api api, String group) {
        List<String> ids = new ArrayList<>();
        json(api.get("/api/v1/groups/" + group + "/members?size=500"))
                .get("items")
                .forEach(c -> ids.add(c.get("customer_id").asString()));
        return ids;
    }

    private void flush() throws InterruptedException {
        assertThat(intake.flush(Duration.ofSeconds(20)))
                .as("the writer caught up")
                .isTrue();
    }

    private HttpResponse<String> beacon(String key, String visitor, String session, String... events) throws Exception {
        String body = "{\"v\":\"" + visitor + "\",\"s\":\"" + session + "\",\"e\":[" + String.join(",", events) + "]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/b/collect?k=" + key))
                .header("Origin", SHOP)
                .header("User-Agent", BROWSER)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
