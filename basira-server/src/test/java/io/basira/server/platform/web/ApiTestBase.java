package io.basira.server.platform.web;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API tests share: a running server on a random port, "today" fixed at 2024-06-01
 * (Riyadh), and stores made per test so tests share the context but never data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            // webhook endpoints on this machine (the isolation case registers one)
            "basira.webhooks.allow-private-addresses=true"
        })
public abstract class ApiTestBase {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public @LocalServerPort int port;
    public @Autowired JdbcStores stores;
    public @Autowired JdbcApiKeys keys;

    /** A new store with a unique slug and an API client holding its key. */
    protected Api newStore(String name) {
        Store store = stores.create(
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                name,
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return new Api(port, keys.create(store.id(), "test").secret().value());
    }

    protected static JsonNode json(Api.Response response) {
        return JSON.readTree(response.body());
    }

    protected static String customer(String id, String first) {
        return "{\"customer_id\":\"" + id + "\",\"first_name\":\"" + first + "\",\"created_at\":\"2024-01-01\"}";
    }

    protected static String order(String id, String customer, String status, String total, String createdAt) {
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"" + status
                + "\",\"total\":\"" + total + "\",\"created_at\":\"" + createdAt + "\"}";
    }
}
