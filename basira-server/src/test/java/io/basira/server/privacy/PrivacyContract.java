package io.basira.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Privacy end to end (docs/privacy.md): every table with a customer reference is covered by a registered kind;
 * a customer with data of every kind is exported whole, then erased and found nowhere (every text column of
 * every table, the outbox, the in-memory groups, the lists and exports); a platform re-sending the erased
 * customer's order does not bring them back; Shopify's privacy webhooks are answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.webhooks.allow-private-addresses=true",
            "basira.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
abstract class PrivacyContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";
    /** The person of the Shopify fixture orders-create.json. */
    static final String LAYLA = "115310627314723954";

    static final List<String> LAYLA_TRACES = List.of(LAYLA, "Layla", "Hassan", "layla@example.com", "+966555777888");

    /** Column names that hold a customer reference, and payload columns that may hold anything about one. */
    static final Set<String> CUSTOMER_COLUMNS = Set.of("customer_external_id", "customer_id");

    static final Set<String> PAYLOAD_COLUMNS = Set.of("body", "payload", "before_json", "after_json", "changes");

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PrivacyRegistry registry;

    Api api;
    Store store;
    String apiKey;
    String shopifyPath;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aStoreWithShopify() {
        store = stores.create(
                "privacy-" + UUID.randomUUID().toString().substring(0, 8),
                "Privacy",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        apiKey = keys.create(store.id(), "test").secret().value();
        api = new Api(port, apiKey);
        JsonNode source = JSON.readTree(
                api.postJson("/api/v1/sources", "{\"platform\":\"shopify\",\"secret\":\"" + SHOPIFY_SECRET + "\"}")
                        .body());
        shopifyPath = source.get("source").get("webhook_path").asString();
    }

    @Test
    void every_table_with_a_customer_reference_is_covered_by_a_registered_kind() throws SQLException {
        Map<String, List<String>> columns = columnsOfEveryTable();
        assertThat(columns).as("tables read from the schema").containsKeys("customers", "orders", "webhook_inbox");
        List<String> uncovered = new ArrayList<>();
        Set<String> covered = registry.coveredTables();
        columns.forEach((table, names) -> {
            boolean references = table.equals("customers")
                    || names.stream().anyMatch(CUSTOMER_COLUMNS::contains)
                    || names.stream().anyMatch(PAYLOAD_COLUMNS::contains);
            if (references && !covered.contains(table)) {
                uncovered.add(table + " (columns " + names + ")");
            }
        });
        assertThat(uncovered)
                .as(
                        "tables holding a customer reference or a payload that no privacy kind covers: declare a"
                                + " CustomerDataKind bean for each (a TableKind names its tables; docs/privacy.md, \"Register a kind\")")
                .isEmpty();
        assertThat(covered).as("kinds name tables that do not exist").isSubsetOf(columns.keySet());
    }

    @Test
    void the_export_of_a_customer_with_data_of_every_kind_holds_every_kind() throws IOException {
        seedLayla();
        Map<String, byte[]> zip = export(LAYLA);
        JsonNode document = JSON.readTree(zip.get("customer.json"));
        assertThat(document.get("customer_id").asString()).isEqualTo(LAYLA);
        List<String> kinds =
                registry.kinds().stream().map(CustomerDataKind::name).toList();
        assertThat(document.get("kinds").propertyNames()).containsExactlyElementsOf(kinds);
        kinds.forEach(kind -> assertThat(zip).containsKey(kind + ".csv"));
        for (String held : List.of(
                "customer",
                "orders",
                "order_lines",
                "cart_lines",
                "carts",
                "reviews",
                "wishlist",
                "predictions",
                "group_memberships",
                "group_history",
                "coupon_uses",
                "webhooks_received",
                "webhooks_sent",
                "events",
                "audit")) {
            assertThat(document.get("kinds").get(held)).as(held).isNotEmpty();
        }
        assertThat(document.get("kinds").get("customer").get(0).get("email").asString())
                .isEqualTo("layla@example.com");
        assertThat(new String(zip.get("orders.csv"), StandardCharsets.UTF_8)).contains("820982911946154508");
        assertThat(JSON.readTree(api.get("/api/v1/audit?customer=" + LAYLA).body())
                        .findValuesAsString("action"))
                .contains("customer.export", "customer.view");
    }

    @Test
    void an_erased_customer_is_found_nowhere_and_the_store_keeps_its_accounts() throws SQLException {
        seedLayla();
        long revenue = revenue();
        long lines = orderLines();
        assertThat(lines).as("the Shopify order's lines").isPositive();
        Api.Response erased = api.postJson("/api/v1/customers/" + LAYLA + "/erase", "");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode rows = JSON.readTree(erased.body()).get("rows");
        assertThat(rows.get("orders").asInt()).isEqualTo(1);
        assertThat(rows.get("customer").asInt()).isEqualTo(1);

        assertThat(traces(LAYLA_TRACES))
                .as("the person's values left in the database")
                .isEmpty();
        assertThat(api.get("/api/v1/customers/" + LAYLA).status()).isEqualTo(404);
        assertThat(JSON.readTree(api.get("/api/v1/customers").body())
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/customers/export").body()).doesNotContain(LAYLA, "Layla", "erased-");
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers").body())
                        .get("member_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers/members").body())
                        .toString())
                .doesNotContain(LAYLA);
        assertThat(revenue())
                .as("the store's accounts keep the de-identified order")
                .isEqualTo(revenue);
        // order_lines has no foreign key to orders (V270): the erasure keeps every line with its order
        assertThat(orderLines()).as("the de-identified order keeps its lines").isEqualTo(lines);
        assertThat(linesWithoutTheirOrder())
                .as("order lines whose order is gone")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM privacy_erasures WHERE store_id = ?",
                        Integer.class,
                        store.id().value()))
                .isEqualTo(1);
        assertThat(api.postJson("/api/v1/customers/" + LAYLA + "/erase", "").status())
                .as("once")
                .isEqualTo(404);
        JsonNode audit = JSON.readTree(api.get("/api/v1/audit?actor="
                        + java.net.URLEncoder.encode(apiKey.substring(0, 8), java.nio.charset.StandardCharsets.UTF_8))
                .body());
        assertThat(audit.findValuesAsString("action")).contains("customer.erase");
    }

    @Autowired
    AuditLog auditLog;

    @Test
    void every_api_keys_entries_are_found_by_the_start_of_the_key_whatever_its_characters() {
        List<String> presented = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = keys.create(store.id(), "key " + i).secret().value();
            presented.add(key);
            auditLog.record(
                    store.id(),
                    auditLog.apiKey(key),
                    "key.check",
                    new AuditLog.Subject("check", Integer.toString(i), null, null),
                    List.of());
        }
        for (int i = 0; i < presented.size(); i++) {
            String key = presented.get(i);
            AuditLog.Actor actor = auditLog.apiKey(key);
            assertThat(actor.name()).as(key).isEqualTo(key.substring(0, 12));
            for (String start :
                    List.of(key.substring(0, 8), actor.name(), actor.name().toUpperCase(Locale.ROOT))) {
                String index = Integer.toString(i);
                assertThat(auditLog.search(store.id(), null, start, 1_000))
                        .as(start)
                        .anyMatch(entry -> entry.subject().id().equals(index));
            }
        }
    }

    @Test
    void a_platform_resending_the_erased_customers_order_does_not_bring_them_back() throws SQLException {
        seedLayla();
        api.postJson("/api/v1/customers/" + LAYLA + "/erase", "");
        String changed = fixture("orders-create.json")
                .replace("\"updated_at\":\"2024-05-12T10:00:05+03:00\"", "\"updated_at\":\"2024-05-20T10:00:05+03:00\"")
                .replace("\"financial_status\":\"paid\"", "\"financial_status\":\"refunded\"");
        assertThat(shopify(changed, "orders/updated").statusCode()).isEqualTo(200);
        assertThat(traces(List.of(LAYLA, "layla@example.com", "Hassan"))).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM orders WHERE store_id = ? AND external_id = '820982911946154508'",
                        String.class,
                        store.id().value()))
                .as("the de-identified order follows the platform")
                .isEqualTo("returned");
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"" + LAYLA + "\",\"first_name\":\"Layla\",\"created_at\":\"2024-01-01\"}");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K9\",\"customer_id\":\"" + LAYLA
                        + "\",\"created_at\":\"2024-05-01\",\"status\":\"abandoned\","
                        + "\"items\":[{\"product_id\":\"P1\",\"quantity\":1,\"url\":\"https://shop.example/p/1\"}]}");
        assertThat(traces(List.of(LAYLA, "Layla")))
                .as("the API's writes are screened too")
                .isEmpty();
        Api.Response orphan = api.postJson(
                "/api/v1/order-items",
                "{\"order_id\":\"NO-SUCH-ORDER\",\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"5.00\"}");
        assertThat(orphan.status()).as(orphan.body()).isBetween(400, 499);
        assertThat(linesWithoutTheirOrder())
                .as("after the erasure, the platform's update and a line of a missing order")
                .isZero();
    }

    // spine: an erasure racing a write; connection changes audited
    @Autowired
    EraseCustomer eraseCustomer;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void an_erasure_racing_a_write_never_lets_the_erased_customer_back() throws Exception {
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"RACE\",\"first_name\":\"Raja\",\"created_at\":\"2024-01-01\"}");
        api.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"OR1\",\"customer_id\":\"RACE\",\"status\":\"completed\","
                        + "\"total\":\"50.00\",\"created_at\":\"2024-05-01\"}");
        java.util.concurrent.CountDownLatch erasedNotCommitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Api.Response> customerWrite =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Api.Response> orderWrite =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread eraser = new Thread(() -> transaction.executeWithoutResult(status -> {
            eraseCustomer.erase(store, "RACE", AuditLog.Actor.cli(), "concurrency check");
            erasedNotCommitted.countDown();
            try {
                Thread.sleep(1500); // the writer meanwhile asks to write: it must wait for the erasure's commit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread writer = new Thread(() -> {
            try {
                erasedNotCommitted.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            customerWrite.set(api.postJson(
                    "/api/v1/customers",
                    "{\"customer_id\":\"RACE\",\"first_name\":\"Raja\","
                            + "\"email\":\"raja@example.com\",\"created_at\":\"2024-01-01\"}"));
            orderWrite.set(api.postJson(
                    "/api/v1/orders",
                    "{\"order_id\":\"OR1\",\"customer_id\":\"RACE\","
                            + "\"status\":\"returned\",\"total\":\"50.00\",\"created_at\":\"2024-05-01\"}"));
        });
        eraser.start();
        writer.start();
        eraser.join(30_000);
        writer.join(30_000);
        assertThat(customerWrite.get().status()).as(customerWrite.get().body()).isEqualTo(200);
        assertThat(orderWrite.get().status()).as(orderWrite.get().body()).isEqualTo(200);
        assertThat(traces(List.of("RACE", "Raja", "raja@example.com")))
                .as("the erased person after the racing writes")
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT customer_external_id FROM orders WHERE store_id = ? AND external_id = 'OR1'",
                        String.class,
                        store.id().value()))
                .startsWith("erased-");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM orders WHERE store_id = ? AND external_id = 'OR1'",
                        String.class,
                        store.id().value()))
                .as("the de-identified order follows the write")
                .isEqualTo("returned");
    }

    @Test
    void changes_of_api_keys_sources_and_webhook_endpoints_are_audited_with_secrets_masked() {
        JsonNode key = JSON.readTree(
                api.postJson("/api/v1/api-keys", "{\"label\":\"shop app\"}").body());
        assertThat(api.send("DELETE", "/api/v1/api-keys/" + key.get("id").asLong(), "")
                        .status())
                .isEqualTo(204);
        JsonNode source = JSON.readTree(api.get("/api/v1/sources").body()).findValue("id");
        Api.Response rotated = api.postJson(
                "/api/v1/sources/" + source.asString() + "/rotate", "{\"secret\":\"shpss_rotated_00001111\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        Api.Response made = api.postJson(
                "/api/v1/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:9"
                        + "/hook?token=tok-123\",\"description\":\"CRM\",\"event_types\":[\"card.changed\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode endpoint = JSON.readTree(made.body());
        long id = endpoint.findValue("id").asLong();
        api.send(
                "PUT",
                "/api/v1/webhook-endpoints/" + id,
                "{\"url\":\"http://127.0.0.1:9/hook2\",\"description\":\"CRM 2\","
                        + "\"event_types\":[\"card.changed\"]}");
        api.postJson("/api/v1/webhook-endpoints/" + id + "/disable", "");
        String newSecret = JSON.readTree(api.postJson("/api/v1/webhook-endpoints/" + id + "/rotate-secret", "")
                        .body())
                .findValue("secret")
                .asString();
        assertThat(api.send("DELETE", "/api/v1/webhook-endpoints/" + id, "").status())
                .isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/sources/" + source.asString(), "")
                        .status())
                .isEqualTo(204);

        String body = api.get("/api/v1/audit").body();
        JsonNode audit = JSON.readTree(body);
        assertThat(audit.findValuesAsString("action"))
                .contains(
                        "api_key.create",
                        "api_key.revoke",
                        "source.create",
                        "source.rotate_secret",
                        "source.remove",
                        "webhook_endpoint.create",
                        "webhook_endpoint.update",
                        "webhook_endpoint.disable",
                        "webhook_endpoint.rotate_secret",
                        "webhook_endpoint.delete");
        assertThat(body)
                .as("no secret in the audit")
                .doesNotContain(
                        key.get("key").asString(),
                        SHOPIFY_SECRET,
                        "shpss_rotated_00001111",
                        newSecret,
                        endpoint.findValue("secret").asString(),
                        "tok-123");
        assertThat(body).contains("http://127.0.0.1:9/hook2", "CRM 2", ConnectionChanges.NEW_SECRET);
        assertThat(audit.findValuesAsString("action")).as("by the API key").isNotEmpty();
        assertThat(JSON.readTree(api.get("/api/v1/audit?actor="
                                        + java.net.URLEncoder.encode(apiKey.substring(0, 8), StandardCharsets.UTF_8))
                                .body())
                        .findValuesAsString("action"))
                .contains("api_key.create", "webhook_endpoint.delete");
    }

    @Test
    void store_settings_changes_are_audited_field_by_field_with_secrets_masked() {
        Api.Response saved = api.send(
                "PUT",
                "/api/v1/messages/settings",
                "{\"smtp_host\":\"mail.example.com\","
                        + "\"smtp_port\":587,\"smtp_username\":\"shop\",\"smtp_password\":\"smtp-pass-4711\","
                        + "\"email_from\":\"shop@example.com\",\"sms_provider\":\"json\",\"sms_url\":"
                        + "\"https://gw-user:gw-pass-99@gw.example.com/send?token=tok-sms-1\",\"sms_secret\":\"sms-secret-0815\","
                        + "\"sms_sender\":\"Shop\",\"quiet_start\":\"22:00\",\"quiet_end\":\"08:00\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                "/api/v1/messages/settings",
                                "{\"smtp_host\":\"mail.example.com\","
                                        + "\"smtp_port\":587,\"smtp_username\":\"shop\",\"email_from\":\"shop@example.com\","
                                        + "\"sms_provider\":\"json\",\"sms_url\":\"https://gw-user:gw-pass-99@gw.example.com/send?token=tok-sms-1\","
                                        + "\"sms_sender\":\"Shop\",\"quiet_start\":\"21:00\",\"quiet_end\":\"08:00\"}")
                        .status())
                .as("the secrets kept (none typed), the quiet hours changed")
                .isEqualTo(200);
        Api.Response site = api.send(
                "PUT",
                "/api/v1/browsing/site",
                "{\"allowed_origins\":[\"https://shop.example.com\"],"
                        + "\"consent_required\":true,\"honour_dnt\":true,\"retention_months\":6}");
        assertThat(site.status()).as(site.body()).isEqualTo(200);

        List<AuditLog.Entry> entries = auditLog.search(store.id(), null, apiKey.substring(0, 8), 100);
        List<AuditLog.Entry> messages = entries.stream()
                .filter(e -> e.action().equals("setting.messages"))
                .toList();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).changes())
                .contains(
                        new Changes.Change("smtp_host", null, "mail.example.com"),
                        new Changes.Change("smtp_password", null, ConnectionChanges.NEW_SECRET),
                        new Changes.Change("sms_secret", null, ConnectionChanges.NEW_SECRET),
                        new Changes.Change(
                                "sms_url",
                                null,
                                "https://" + ConnectionChanges.MASKED + "@gw.example.com/send?"
                                        + ConnectionChanges.MASKED),
                        new Changes.Change("quiet_start", "21:00", "22:00"));
        assertThat(messages.get(0).changes())
                .as("only what changed; the kept secrets are not news")
                .containsExactly(new Changes.Change("quiet_start", "22:00", "21:00"));
        assertThat(entries)
                .filteredOn(e -> e.action().equals("setting.browsing_site"))
                .singleElement()
                .satisfies(e -> assertThat(e.changes())
                        .contains(
                                new Changes.Change("allowed_origins", null, "https://shop.example.com"),
                                new Changes.Change("consent_required", "no", "yes"),
                                new Changes.Change("retention_months", "13", "6")));
        String audit = api.get("/api/v1/audit").body();
        assertThat(audit).doesNotContain("smtp-pass-4711", "sms-secret-0815", "gw-pass-99", "tok-sms-1", "gw-user");
        assertThat(api.send(
                                "PUT",
                                "/api/v1/browsing/site",
                                "{\"allowed_origins\":[\"https://shop.example.com\"],"
                                        + "\"consent_required\":true,\"honour_dnt\":true,\"retention_months\":6}")
                        .status())
                .isEqualTo(200);
        assertThat(auditLog.search(store.id(), null, null, 100))
                .as("a save that changes nothing is no change")
                .filteredOn(e -> e.action().equals("setting.browsing_site"))
                .hasSize(1);
    }

    @Autowired
    io.basira.server.sources.jdbc.JdbcSources sources;

    @Autowired
    io.basira.server.browsing.jdbc.JdbcBrowsingSites sites;

    @Autowired
    java.time.Clock clock;

    @Test
    void a_change_whose_audit_entry_fails_is_rolled_back_and_a_failed_change_leaves_no_entry() {
        JdbcTemplate failing = new JdbcTemplate(dataSource) {
            @Override
            public int update(String sql, Object... args) {
                if (sql.startsWith("INSERT INTO audit_log")) {
                    throw new org.springframework.dao.DataIntegrityViolationException(
                            "the audit log refused the entry");
                }
                return super.update(sql, args);
            }
        };
        AuditLog broken = new AuditLog(failing, JSON, clock);
        ConnectionChanges connections = new ConnectionChanges(broken, transaction);
        var sourceChanges = new io.basira.server.sources.SourceChanges(sources, connections);
        int sourcesBefore = sources.list(store.id()).size();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sourceChanges.create(
                        store.id(),
                        AuditLog.Actor.cli(),
                        io.basira.server.sources.Platform.SALLA,
                        "unaudited",
                        "salla-secret-1"))
                .hasMessageContaining("audit log refused");
        assertThat(sources.list(store.id())).as("no source without its entry").hasSize(sourcesBefore);

        int keysBefore = keys.list(store.id()).size();
        var controller = new io.basira.server.stores.api.StoreController(keys, connections);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> controller.create(store, null, new org.springframework.mock.web.MockHttpServletRequest()))
                .hasMessageContaining("audit log refused");
        assertThat(keys.list(store.id())).as("no API key without its entry").hasSize(keysBefore);

        var siteChanges = new io.basira.server.browsing.SiteChanges(sites, new SettingsChanges(broken, transaction));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> siteChanges.update(
                        store.id(), AuditLog.Actor.cli(), List.of("https://unaudited.example.com"), true, true, 3))
                .hasMessageContaining("audit log refused");
        assertThat(sites.of(store.id()).allowedOrigins())
                .as("no setting without its entry")
                .isEmpty();

        int entries = auditLog.search(store.id(), null, null, 1_000).size();
        var working = new io.basira.server.stores.api.StoreController(keys, applicationConnections);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        working.revoke(store, 999_999_999L, new org.springframework.mock.web.MockHttpServletRequest()))
                .hasMessageContaining("no active API key");
        assertThat(auditLog.search(store.id(), null, null, 1_000))
                .as("a change that failed has no entry")
                .hasSize(entries);
    }

    @Autowired
    ConnectionChanges applicationConnections;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void the_command_lines_store_key_source_and_dashboard_user_are_audited() throws IOException {
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("basira-privacy-cli");
        List<String> database = List.of(
                "--db-url",
                environment.getProperty("spring.datasource.url"),
                "--db-user",
                environment.getProperty("spring.datasource.username"),
                "--db-password",
                environment.getProperty("spring.datasource.password", ""),
                "--data",
                data.toString());
        java.util.function.Function<List<String>, Integer> cli = args -> {
            List<String> all = new ArrayList<>(args);
            all.addAll(database);
            return io.basira.server.Basira.commandLine().execute(all.toArray(String[]::new));
        };
        assertThat(cli.apply(List.of("store", "create", "--slug", slug))).isZero();
        Store made = stores.findBySlug(slug).orElseThrow();
        JdbcApiKeys.ApiKeyInfo key = keys.list(made.id()).get(0);
        assertThat(auditLog.search(made.id(), null, null, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("api_key.create");
            assertThat(entry.actor().kind()).isEqualTo("cli");
            assertThat(entry.subject().id()).isEqualTo(Long.toString(key.id()));
            assertThat(entry.changes())
                    .contains(
                            new Changes.Change("prefix", null, key.prefix()),
                            new Changes.Change("secret", null, ConnectionChanges.NEW_SECRET));
        });

        assertThat(cli.apply(List.of(
                        "source", "add", "--store", slug, "--platform", "salla", "--secret", "salla-cli-secret-1")))
                .isZero();
        assertThat(cli.apply(List.of("user", "add", "--store", slug, "--email", "helper@example.com")))
                .isZero();
        List<AuditLog.Entry> entries = auditLog.search(made.id(), null, null, 10);
        assertThat(entries)
                .extracting(AuditLog.Entry::action)
                .containsExactly("dashboard_user.create", "source.create", "api_key.create");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.actor().kind()).isEqualTo("cli"));
        assertThat(entries.get(0).changes())
                .contains(
                        new Changes.Change("email", null, "helper@example.com"),
                        new Changes.Change("role", null, "support"),
                        new Changes.Change("password", null, ConnectionChanges.NEW_SECRET));
        assertThat(entries.toString()).doesNotContain("salla-cli-secret-1");
    }

    @Autowired
    io.basira.server.platform.tenancy.StoreWriteLocks writeLocks;

    @Autowired
    io.basira.server.platform.security.SecretBox secretBox;

    @Test
    void an_erasure_through_one_instance_is_screened_at_once_by_another_that_remembered_no_tombstone() {
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"GONE\",\"first_name\":\"Ghada\",\"created_at\":\"2024-01-01\"}");
        io.basira.server.platform.tenancy.StoreWriteLocks otherLocks =
                writeLocks instanceof io.basira.server.platform.tenancy.PostgresWriteLocks
                        ? new io.basira.server.platform.tenancy.PostgresWriteLocks(jdbc)
                        : writeLocks;
        Tombstones other = new Tombstones(jdbc, secretBox.derivedKey("basira-privacy-tombstones-v1"), otherLocks);
        java.util.function.Supplier<Map<String, String>> write = () -> transaction.execute(status -> {
            otherLocks.lockCustomers(store.id(), List.of("GONE"));
            return other.pseudonyms(store.id(), List.of("GONE"));
        });
        assertThat(write.get()).as("no tombstone yet").isEmpty();
        // a tombstone that arrives without the revision moving on is not looked for: "none" is remembered
        jdbc.update(
                "INSERT INTO privacy_tombstones (store_id, key_hash, pseudonym, erased_at) VALUES (?, ?, ?, ?)",
                store.id().value(),
                other.hash(store.id(), "GONE"),
                "erased-unseen",
                java.time.OffsetDateTime.now(clock));
        assertThat(write.get())
                .as("remembered: no look-up while the revision stands")
                .isEmpty();
        jdbc.update(
                "DELETE FROM privacy_tombstones WHERE store_id = ?", store.id().value());

        assertThat(api.postJson("/api/v1/customers/GONE/erase", "").status()).isEqualTo(200);
        assertThat(write.get())
                .as("the other instance's next write, at once")
                .hasEntrySatisfying("GONE", pseudonym -> assertThat(pseudonym).startsWith("erased-"));
    }

    @Test
    void an_erasure_racing_a_write_of_another_instance_never_lets_the_erased_customer_back() throws Exception {
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"RACE2\",\"first_name\":\"Rana\",\"created_at\":\"2024-01-01\"}");
        io.basira.server.platform.tenancy.StoreWriteLocks otherLocks =
                writeLocks instanceof io.basira.server.platform.tenancy.PostgresWriteLocks
                        ? new io.basira.server.platform.tenancy.PostgresWriteLocks(jdbc)
                        : writeLocks;
        Tombstones other = new Tombstones(jdbc, secretBox.derivedKey("basira-privacy-tombstones-v1"), otherLocks);
        java.util.function.Supplier<Map<String, String>> write = () -> transaction.execute(status -> {
            otherLocks.lockCustomers(store.id(), List.of("RACE2"));
            return other.pseudonyms(store.id(), List.of("RACE2"));
        });
        assertThat(write.get()).as("no tombstone yet: remembered").isEmpty();
        java.util.concurrent.CountDownLatch erasedNotCommitted = new java.util.concurrent.CountDownLatch(1);
        Thread eraser = new Thread(() -> transaction.executeWithoutResult(status -> {
            eraseCustomer.erase(store, "RACE2", AuditLog.Actor.cli(), "concurrency check");
            erasedNotCommitted.countDown();
            try {
                Thread.sleep(1500); // the other instance's write waits for the commit meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        eraser.start();
        assertThat(erasedNotCommitted.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        Map<String, String> screened = write.get();
        eraser.join(30_000);
        assertThat(screened)
                .as("the write that waited for the erasure sees its tombstone")
                .containsKey("RACE2");
    }

    @Test
    void shopifys_privacy_webhooks_are_answered() throws SQLException {
        seedLayla();
        String request =
                "{\"shop_id\":954889,\"shop_domain\":\"example.myshopify.com\",\"orders_requested\":[820982911946154508],"
                        + "\"customer\":{\"id\":" + LAYLA
                        + ",\"email\":\"layla@example.com\",\"phone\":\"+966555777888\"},"
                        + "\"data_request\":{\"id\":9999}}";
        assertThat(shopify(request, "customers/data_request").statusCode()).isEqualTo(200);
        JsonNode audit =
                JSON.readTree(api.get("/api/v1/audit?customer=" + LAYLA).body());
        assertThat(audit.findValuesAsString("action")).contains("customer.data_request");
        assertThat(audit.findValuesAsString("actor")).contains("shopify");
        String redact = "{\"shop_id\":954889,\"shop_domain\":\"example.myshopify.com\",\"customer\":{\"id\":" + LAYLA
                + ",\"email\":\"layla@example.com\",\"phone\":\"+966555777888\"},\"orders_to_redact\":[820982911946154508]}";
        assertThat(shopify(redact, "customers/redact").statusCode()).isEqualTo(200);
        assertThat(traces(LAYLA_TRACES)).isEmpty();
        assertThat(shopify("{\"shop_id\":954889,\"shop_domain\":\"example.myshopify.com\"}", "shop/redact")
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM customers WHERE store_id = ? AND erased_at IS NULL",
                        Integer.class,
                        store.id().value()))
                .as("shop/redact erases every customer")
                .isZero();
    }

    @Test
    void abandoned_carts_older_than_the_retention_are_pruned_and_the_cards_follow() {
        api.postJson(
                "/api/v1/customers", "{\"customer_id\":\"C1\",\"first_name\":\"Sara\",\"created_at\":\"2023-01-01\"}");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"OLD\",\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\",\"status\":\"abandoned\","
                        + "\"items\":[{\"product_id\":\"P1\",\"quantity\":1}]}");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"NEW\",\"customer_id\":\"C1\",\"created_at\":\"2024-05-25\",\"status\":\"abandoned\"}");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"OPEN\",\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\",\"status\":\"open\"}");
        assertThat(api.send("PUT", "/api/v1/privacy/retention/carts", "{\"days\":30}")
                        .status())
                .isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/privacy/retention/orders", "{\"days\":30}")
                        .body())
                .contains("has no retention");
        // the message log is pruned too (a row being sent stays), consent is kept whatever the setting
        for (String[] row : new String[][] {
            {"old", "SENT", "2024-01-01T00:00:00Z"},
            {"sending", "CLAIMED", "2024-01-01T00:00:00Z"},
            {"recent", "SENT", "2024-05-30T00:00:00Z"}
        }) {
            jdbc.update(
                    "INSERT INTO message_log (store_id, customer_external_id, idempotency_key, channel, purpose, "
                            + "campaign_id, trigger_key, status, requested_at, updated_at) VALUES (?, 'C1', ?, 'EMAIL', "
                            + "'MARKETING', 'c', ?, ?, ?, ?)",
                    store.id().value(),
                    row[0],
                    row[0],
                    row[1],
                    java.time.OffsetDateTime.parse(row[2]),
                    java.time.OffsetDateTime.parse(row[2]));
        }
        assertThat(api.send("PUT", "/api/v1/privacy/retention/messages", "{\"days\":30}")
                        .status())
                .isEqualTo(200);
        assertThat(retentionRun.run(store)).containsEntry("carts", 1).containsEntry("messages", 1);
        assertThat(jdbc.queryForList(
                        "SELECT idempotency_key FROM message_log WHERE store_id = ? ORDER BY 1",
                        String.class,
                        store.id().value()))
                .containsExactly("recent", "sending");
        assertThat(jdbc.queryForList(
                        "SELECT external_id FROM carts WHERE store_id = ? ORDER BY external_id",
                        String.class,
                        store.id().value()))
                .containsExactly("NEW", "OPEN");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM cart_lines WHERE store_id = ?",
                        Integer.class,
                        store.id().value()))
                .as("the pruned cart's lines go with it")
                .isZero();
        assertThat(JSON.readTree(api.get("/api/v1/customers/C1").body())
                        .get("indicators")
                        .get("abandoned_carts")
                        .asInt())
                .isEqualTo(1);
        assertThat(retentionRun.run(store)).containsEntry("carts", 0);
        assertThat(JSON.readTree(api.get("/api/v1/audit").body()).findValuesAsString("action"))
                .contains("setting.retention");
    }

    @Autowired
    RetentionRun retentionRun;

    private long orderLines() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM order_lines WHERE store_id = ?",
                Long.class,
                store.id().value());
    }

    /** Lines of any store whose order does not exist in the line's store (the guarantee V270's drop relies on). */
    long linesWithoutTheirOrder() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o "
                        + "WHERE o.store_id = l.store_id AND o.external_id = l.order_external_id)",
                Long.class);
    }

    /** Layla (from a Shopify order) with data of every kind. */
    void seedLayla() {
        api.postJson("/api/v1/checkout/coupons", "{\"code\":\"WELCOME10\",\"benefit\":\"free_shipping\"}");
        api.postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count > 0\"}");
        api.postJson("/api/v1/groups", "{\"key\":\"picked\",\"name\":\"Picked\",\"rule\":\"order_count > 100\"}");
        api.postJson(
                "/api/v1/webhook-endpoints",
                "{\"url\":\"http://127.0.0.1:9/hook\",\"event_types\":[\"card.changed\"]}");
        assertThat(shopify(fixture("orders-create.json"), "orders/create").statusCode())
                .isEqualTo(200);
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"OTHER\",\"first_name\":\"Noura\",\"created_at\":\"2024-01-01\"}");
        api.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"O2\",\"customer_id\":\"OTHER\",\"status\":\"completed\",\"total\":\"50.00\","
                        + "\"created_at\":\"2024-05-01\"}");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K1\",\"customer_id\":\"" + LAYLA
                        + "\",\"created_at\":\"2024-05-01\",\"status\":\"abandoned\","
                        + "\"items\":[{\"product_id\":\"P1\",\"quantity\":2,\"name\":\"Oud\",\"url\":\"https://shop.example/p/1\"}]}");
        api.postJson(
                "/api/v1/reviews",
                "{\"review_id\":\"R1\",\"customer_id\":\"" + LAYLA + "\",\"rating\":4,\"created_at\":\"2024-05-01\"}");
        api.postJson(
                "/api/v1/wishlist",
                "{\"customer_id\":\"" + LAYLA + "\",\"product_id\":\"P1\",\"added_at\":\"2024-05-01\"}");
        assertThat(api.postJson("/api/v1/groups/picked/additions/" + LAYLA, "").status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/analytics/refresh", "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + LAYLA).status()).isEqualTo(200);
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers").body())
                        .get("member_count")
                        .asLong())
                .isEqualTo(2);
    }

    /** Every (table.column: value) of any table whose text holds one of {@code values}, ignoring case. */
    List<String> traces(List<String> values) throws SQLException {
        List<String> found = new ArrayList<>();
        Map<String, List<String>> all = columnsOfEveryTable();
        for (Map.Entry<String, List<String>> table : textColumnsOfEveryTable().entrySet()) {
            // other tests' stores hold the same person: this store's rows (tables without a store hold no values)
            String ofStore = all.get(table.getKey()).contains("store_id")
                    ? " AND store_id = " + store.id().value()
                    : "";
            for (String column : table.getValue()) {
                for (String value : values) {
                    List<String> hits = jdbc.queryForList(
                            "SELECT CAST(" + column + " AS VARCHAR(20000)) FROM " + table.getKey()
                                    + " WHERE LOWER(CAST(" + column + " AS VARCHAR(20000))) LIKE ?" + ofStore,
                            String.class,
                            "%" + value.toLowerCase(Locale.ROOT) + "%");
                    hits.forEach(hit -> found.add(table.getKey() + "." + column + ": " + hit));
                }
            }
        }
        return found;
    }

    Map<String, List<String>> columnsOfEveryTable() throws SQLException {
        return columns(false);
    }

    Map<String, List<String>> textColumnsOfEveryTable() throws SQLException {
        return columns(true);
    }

    private Map<String, List<String>> columns(boolean textOnly) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    int type = rs.getInt("DATA_TYPE");
                    boolean text = type == Types.VARCHAR
                            || type == Types.CHAR
                            || type == Types.CLOB
                            || type == Types.LONGVARCHAR
                            || type == Types.NVARCHAR;
                    if (table.startsWith("flyway_") || textOnly && !text) {
                        continue;
                    }
                    tables.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    long revenue() {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(total_minor), 0) FROM orders WHERE store_id = ?",
                Long.class,
                store.id().value());
    }

    Map<String, byte[]> export(String customerId) throws IOException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/customers/" + customerId + "/privacy-export"))
                .header("Authorization", "Bearer " + apiKey)
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    HttpResponse<byte[]> shopify(String body, String topic) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + shopifyPath))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", topic)
                    .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac.doFinal(bytes)))
                    .header(
                            "X-Shopify-Event-Id",
                            UUID.nameUUIDFromBytes((topic + body).getBytes(StandardCharsets.UTF_8))
                                    .toString())
                    .header("X-Shopify-Shop-Domain", "example.myshopify.com")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String fixture(String name) {
        try (var in = PrivacyContract.class.getResourceAsStream("/webhooks/shopify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> sorted(Iterable<String> values) {
        Set<String> set = new TreeSet<>();
        values.forEach(set::add);
        return set;
    }
}
