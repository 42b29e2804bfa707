package io.basira.server.webhooks.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.webhooks.StandardWebhooksVerifier;
import io.basira.server.webhooks.WebhookDispatcher;
import io.basira.server.webhooks.WebhookReceiver;
import io.basira.shared.Store;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webhooks page on each database, as a merchant uses it: register an endpoint (refused with the reason when the
 * URL is not acceptable; the secret shown once), send a test event (from htmx: the log comes back), see it delivered
 * in the log, rotate, disable, delete; a support agent reads and changes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.webhooks.dispatch.enabled=false",
            "basira.webhooks.allow-private-addresses=true"
        })
abstract class WebhooksPageContract {

    static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser users;

    @Autowired
    WebhookDispatcher dispatcher;

    WebhookReceiver receiver;
    AddDashboardUser.Added owner;
    AddDashboardUser.Added support;

    @BeforeEach
    void shop() {
        receiver = new WebhookReceiver();
        Store store = stores.create(
                "hooks-" + UUID.randomUUID().toString().substring(0, 8),
                "متجر",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        owner = users.add(store.id(), "owner@" + store.slug() + ".test", Role.OWNER);
        support = users.add(store.id(), "support@" + store.slug() + ".test", Role.SUPPORT);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    DashboardClient signedIn(AddDashboardUser.Added user, String... headers) {
        DashboardClient client = new DashboardClient(port, headers);
        assertThat(client.signIn(user.user().email(), user.password()).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return client;
    }

    @Test
    void a_merchant_registers_an_endpoint_tests_it_and_reads_the_log() {
        DashboardClient client = signedIn(owner);
        String list = client.get("/webhook-endpoints").body();
        assertThat(list).contains("الويب هوك", "name=\"event_types\" value=\"group.entered\"", "دخل عميل مجموعة");

        HttpResponse<String> refused = client.postForm(
                "/webhook-endpoints",
                Map.of(
                        "url",
                        "ftp://127.0.0.1/x",
                        "event_types",
                        "group.entered",
                        "_csrf",
                        client.csrfTokenOf("/webhook-endpoints")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("only http and https", "ftp://127.0.0.1/x");
        assertThat(client.get("/webhook-endpoints").body()).doesNotContain("data-endpoint=");

        HttpResponse<String> created = client.postForm(
                "/webhook-endpoints",
                Map.of(
                        "url",
                        receiver.url("/page"),
                        "description",
                        "نظام العملاء",
                        "event_types",
                        "group.entered",
                        "_csrf",
                        client.csrfTokenOf("/webhook-endpoints")));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(page).matches("/webhook-endpoints/\\d+");
        Matcher shown = SECRET.matcher(client.get(page).body());
        assertThat(shown.find()).as("the secret is shown after registering").isTrue();
        String secret = shown.group();
        assertThat(client.get(page).body())
                .as("and only once")
                .doesNotContain("whsec_")
                .contains("نظام العملاء");
        assertThat(client.get("/webhook-endpoints").body()).contains(receiver.url("/page"), "مفعّلة");

        DashboardClient htmx = signedIn(owner, "HX-Request", "true");
        HttpResponse<String> tested = htmx.postForm(page + "/test", Map.of("_csrf", htmx.csrfTokenOf(page)));
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(tested.body())
                .startsWith("<div id=\"deliveries\"")
                .contains("webhook.test", "data-status=\"pending\"");
        dispatcher.dispatchDue();
        String log = client.get(page + "/deliveries").body();
        assertThat(log).contains("data-status=\"delivered\"", "وصلت", ">200<");
        WebhookReceiver.Request got = receiver.at("/page").get(0);
        assertThat(StandardWebhooksVerifier.verifies(secret, got.id(), got.timestamp(), got.body(), got.signature()))
                .isTrue();

        assertThat(client.postForm(page + "/rotate-secret", Map.of("_csrf", client.csrfTokenOf(page)))
                        .statusCode())
                .isEqualTo(302);
        Matcher rotated = SECRET.matcher(client.get(page).body());
        assertThat(rotated.find()).isTrue();
        assertThat(rotated.group()).isNotEqualTo(secret);

        assertThat(client.postForm(page + "/disable", Map.of("_csrf", client.csrfTokenOf(page)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(client.get(page).body()).contains("id=\"enable\"").doesNotContain("id=\"send-test\"");

        HttpResponse<String> badUpdate =
                client.postForm(page, Map.of("url", receiver.url("/page"), "_csrf", client.csrfTokenOf(page)));
        assertThat(badUpdate.statusCode()).isEqualTo(422);
        assertThat(badUpdate.body()).contains("event_types: pick at least one");

        assertThat(client.postForm(page + "/delete", Map.of("_csrf", client.csrfTokenOf(page)))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/webhook-endpoints"));
        assertThat(client.get("/webhook-endpoints").body()).doesNotContain(receiver.url("/page"));
    }

    @Test
    void a_support_agent_reads_but_changes_nothing() {
        DashboardClient ownerClient = signedIn(owner);
        String page = ownerClient
                .postForm(
                        "/webhook-endpoints",
                        Map.of(
                                "url",
                                receiver.url("/support"),
                                "event_types",
                                "card.changed",
                                "_csrf",
                                ownerClient.csrfTokenOf("/webhook-endpoints")))
                .headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll("^https?://[^/]+", "");
        DashboardClient supportClient = signedIn(support);
        String seen = supportClient.get(page).body();
        assertThat(seen)
                .contains(receiver.url("/support"))
                .doesNotContain("id=\"endpoint-form\"", "id=\"delete\"", "id=\"rotate\"", "whsec_");
        assertThat(supportClient.get("/webhook-endpoints").body()).doesNotContain("id=\"endpoint-form\"");
        assertThat(supportClient
                        .postForm(page + "/delete", Map.of("_csrf", supportClient.csrfTokenOf(page)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(ownerClient.get(page).statusCode()).isEqualTo(200);
    }
}
