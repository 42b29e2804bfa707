package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the default configuration (private addresses not allowed) the API refuses endpoints on loopback, private and
 * link-local addresses with a sentence naming the address, registers nothing, and refuses changing a registered
 * endpoint to one. Address checks need no database of their own: H2 only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false", "basira.webhooks.dispatch.enabled=false"})
class PrivateEndpointsRefusedOnH2Test {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    EndpointAddresses addresses;

    @Test
    void loopback_private_and_link_local_endpoints_are_refused_with_the_reason() {
        Store store = stores.create(
                "private-" + UUID.randomUUID().toString().substring(0, 8),
                "Private",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        for (String[] refused : List.of(
                new String[] {"http://127.0.0.1:8080/hook", "loopback"},
                new String[] {"http://localhost/hook", "loopback"},
                new String[] {"http://10.0.0.8/hook", "a private address"},
                new String[] {"http://192.168.1.20/hook", "a private address"},
                new String[] {"http://169.254.169.254/latest/meta-data/", "a link-local address"},
                new String[] {"http://[::1]/hook", "loopback"})) {
            Api.Response response = api.postJson(
                    "/api/v1/webhook-endpoints",
                    "{\"url\":\"" + refused[0] + "\",\"event_types\":[\"group.entered\"]}");
            assertThat(response.status()).as(refused[0]).isEqualTo(422);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("problems").get(0).asString())
                    .as(refused[0])
                    .startsWith("url: the host ")
                    .contains(refused[1])
                    .contains("public addresses only");
        }
        assertThat(JSON.readTree(api.get("/api/v1/webhook-endpoints").body())).isEmpty();
        assertThat(addresses.check("http://93.184.215.14/hook").getHost()).isEqualTo("93.184.215.14");
    }
}
