package io.basira.server.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.campaigns.api.CampaignApiContract;
import io.basira.server.loyalty.api.LoyaltyApiContract;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.platform.web.Isolates;
import io.basira.server.platform.web.RoutesCalled;
import io.basira.server.support.Api;
import io.basira.server.support.Routes;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * One store never reads or writes another's data, checked on every endpoint of the API: store A's
 * key is used against store B's records on each one. Each case names the endpoints it covers with
 * {@link Isolates}, and must call each of them with store A's key ({@link RoutesCalled} records the route
 * every call reached); {@link #every_api_endpoint_has_an_isolation_case} reads the routes from Spring's
 * {@link RequestMappingHandlerMapping}, so an endpoint added anywhere fails it until a case here covers it.
 */
@Import(RoutesCalled.class)
public abstract class TenantIsolationContract extends ApiTestBase {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    RoutesCalled routes;

    Api storeA;
    Api storeB;
    String slugA;

    @BeforeEach
    void twoStores() {
        storeA = newStore("store-a");
        storeB = newStore("store-b");
        slugA = json(storeA.get("/api/v1/store")).get("slug").asString();
        storeB.postJson("/api/v1/customers", customer("B1", "Secret"));
        storeB.postJson("/api/v1/orders", order("BO1", "B1", "completed", "700.00", "2024-05-01"));
        routes.clear();
    }

    /** A case called every endpoint it claims with store A's key (the stranger's), not only with B's. */
    @AfterEach
    void theCaseCalledWhatItCovers(TestInfo test) {
        Isolates covered = test.getTestMethod()
                .map(method -> method.getAnnotation(Isolates.class))
                .orElse(null);
        if (covered == null) {
            return;
        }
        assertThat(covered.value())
                .as("endpoints %s claims but never called with store A's key", test.getDisplayName())
                .allSatisfy(endpoint ->
                        assertThat(routes.called(slugA, endpoint)).as(endpoint).isTrue());
    }

    @Test
    void every_api_endpoint_has_an_isolation_case() {
        Set<String> endpoints = new TreeSet<>();
        Routes.of(mappings, pattern -> pattern.startsWith("/api/v1/"))
                .forEach(route -> endpoints.add(route.toString()));
        assertThat(endpoints).as("routes").hasSizeGreaterThan(40);
        Set<String> covered = new TreeSet<>();
        for (Method method : TenantIsolationContract.class.getDeclaredMethods()) {
            Isolates isolates = method.getAnnotation(Isolates.class);
            if (isolates != null) {
                assertThat(method.isAnnotationPresent(Test.class))
                        .as("%s is a test", method.getName())
                        .isTrue();
                covered.addAll(List.of(isolates.value()));
            }
        }
        Set<String> uncovered = new TreeSet<>(endpoints);
        uncovered.removeAll(covered);
        assertThat(uncovered)
                .as("endpoints without an isolation case: add a case with @Isolates")
                .isEmpty();
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(endpoints);
        assertThat(unknown).as("@Isolates names endpoints that are not routes").isEmpty();
    }

    @Test
    @Isolates({
        "GET /api/v1/sources",
        "POST /api/v1/sources",
        "POST /api/v1/sources/{id}/rotate",
        "DELETE /api/v1/sources/{id}",
        "GET /api/v1/inbox",
        "POST /api/v1/inbox/{id}/replay"
    })
    void sources_and_inbox_events_of_another_store_are_neither_listed_nor_changed() {
        JsonNode sourceOfB = json(storeB.postJson("/api/v1/sources", "{\"platform\":\"zid\"}"))
                .get("source");
        String idOfB = sourceOfB.get("id").asString();
        long storeIdOfB = jdbc.queryForObject(
                "SELECT id FROM stores WHERE slug = ?",
                Long.class,
                json(storeB.get("/api/v1/store")).get("slug").asString());
        jdbc.update(
                "INSERT INTO webhook_inbox (store_id, source_id, platform, event_key, topic, body, received_at, state,"
                        + " outcome) VALUES (?, ?, 'zid', 'sha256:b', 'order.create', '{}', CURRENT_TIMESTAMP, 'parked', 'reason')",
                storeIdOfB,
                idOfB);
        long parkedOfB = jdbc.queryForObject("SELECT id FROM webhook_inbox WHERE store_id = ?", Long.class, storeIdOfB);
        assertThat(storeA.get("/api/v1/sources").body()).doesNotContain(idOfB);
        assertThat(storeA.postJson("/api/v1/sources/" + idOfB + "/rotate", "{}").status())
                .isEqualTo(404);
        assertThat(storeA.delete("/api/v1/sources/" + idOfB).status()).isEqualTo(404);
        assertThat(json(storeA.get("/api/v1/inbox?state=parked")).get("events")).isEmpty();
        assertThat(storeA.postJson("/api/v1/inbox/" + parkedOfB + "/replay", "").status())
                .isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/sources", "{\"platform\":\"standard\"}")
                        .status())
                .isEqualTo(201);
        assertThat(json(storeB.get("/api/v1/sources")).get("sources")).hasSize(1);
        assertThat(json(storeB.get("/api/v1/inbox?state=parked")).get("events")).hasSize(1);
    }

    @Test
    @Isolates({
        "GET /api/v1/customers/{customerId}/privacy-export",
        "POST /api/v1/customers/{customerId}/erase",
        "GET /api/v1/audit",
        "GET /api/v1/privacy/retention",
        "PUT /api/v1/privacy/retention/{kind}"
    })
    void another_stores_customers_are_neither_exported_nor_erased_and_audits_and_retention_stay_apart() {
        assertThat(storeB.get("/api/v1/customers/B1").status()).isEqualTo(200);
        assertThat(storeA.get("/api/v1/customers/B1/privacy-export").status()).isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/customers/B1/erase", "").status()).isEqualTo(404);
        assertThat(storeB.get("/api/v1/customers/B1").status())
                .as("B's customer is still there")
                .isEqualTo(200);
        assertThat(json(storeA.get("/api/v1/audit?customer=B1"))).isEmpty();
        assertThat(json(storeA.get("/api/v1/audit")).toString()).doesNotContain("B1", "Secret");
        assertThat(json(storeB.get("/api/v1/audit?customer=B1")).findValuesAsString("action"))
                .contains("customer.view");
        assertThat(storeA.putJson("/api/v1/privacy/retention/carts", "{\"days\":30}")
                        .status())
                .isEqualTo(200);
        assertThat(json(storeA.get("/api/v1/privacy/retention"))
                        .get("days")
                        .get("carts")
                        .asInt())
                .isEqualTo(30);
        assertThat(json(storeB.get("/api/v1/privacy/retention")).get("days")).isEmpty();
    }

    @Test
    @Isolates({"GET /api/v1/store"})
    void the_store_endpoint_answers_the_key_owner_only() {
        assertThat(json(storeA.get("/api/v1/store")).get("slug").asString())
                .isEqualTo(slugA)
                .startsWith("store-a-");
        String slugB = json(storeB.get("/api/v1/store")).get("slug").asString();
        assertThat(slugB).startsWith("store-b-").isNotEqualTo(slugA);
    }

    @Test
    @Isolates({"GET /api/v1/api-keys", "POST /api/v1/api-keys", "DELETE /api/v1/api-keys/{id}"})
    void api_keys_of_another_store_are_neither_listed_nor_revocable() {
        JsonNode keysOfB = json(storeB.get("/api/v1/api-keys"));
        long keyOfB = keysOfB.get(0).get("id").asLong();
        assertThat(json(storeA.get("/api/v1/api-keys")).findValuesAsString("prefix"))
                .doesNotContain(keysOfB.get(0).get("prefix").asString());
        assertThat(storeA.delete("/api/v1/api-keys/" + keyOfB).status()).isEqualTo(404);
        assertThat(storeB.get("/api/v1/store").status()).isEqualTo(200);
        String newKey =
                json(storeA.postJson("/api/v1/api-keys", "{}")).get("key").asString();
        assertThat(json(storeA.withKey(newKey).get("/api/v1/store")).get("slug").asString())
                .isEqualTo(slugA);
    }

    @Test
    @Isolates({"GET /api/v1/customers", "GET /api/v1/customers/{customerId}", "GET /api/v1/customers/export"})
    void customers_of_another_store_are_not_listed_found_or_exported() {
        assertThat(storeA.get("/api/v1/customers/B1").status()).isEqualTo(404);
        assertThat(json(storeA.get("/api/v1/customers")).get("total").asInt()).isZero();
        assertThat(json(storeA.get("/api/v1/customers?q=Secret")).get("total").asInt())
                .isZero();
        assertThat(storeA.get("/api/v1/customers/export").body()).doesNotContain("B1");
    }

    @Test
    @Isolates({"POST /api/v1/{kind}", "POST /api/v1/{kind}/bulk"})
    void writes_cannot_reach_another_store() {
        Api.Response order = storeA.postJson("/api/v1/orders", order("AO1", "B1", "completed", "1.00", "2024-05-02"));
        assertThat(order.status()).isEqualTo(422);
        Api.Response bulk = storeA.post(
                "/api/v1/orders/bulk",
                "application/x-ndjson",
                order("BO1", "B1", "cancelled", "700.00", "2024-05-01") + "\n");
        assertThat(bulk.status()).isEqualTo(422);
        storeA.postJson("/api/v1/customers", customer("B1", "Impostor"));
        JsonNode ofB = json(storeB.get("/api/v1/customers/B1"));
        assertThat(ofB.get("attributes").get("first_name").asString()).isEqualTo("Secret");
        assertThat(ofB.get("indicators").get("order_count").asInt()).isEqualTo(1);
        assertThat(json(storeA.get("/api/v1/customers/B1"))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isZero();
    }

    @Test
    @Isolates({"POST /api/v1/imports"})
    void an_upload_cannot_reach_another_store() {
        Api.Response refused = storeA.upload(
                "/api/v1/imports",
                Map.of(
                        "customers.csv", "customer_id,created_at\nA1,2024-01-01\n",
                        "orders.csv",
                                "order_id,customer_id,created_at,status,total\nBO1,B1,2024-05-01,cancelled,700\n"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).asString()).contains("customer “B1” does not exist");
        assertThat(json(storeB.get("/api/v1/customers/B1"))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @Isolates({
        "GET /api/v1/groups",
        "POST /api/v1/groups",
        "GET /api/v1/groups/{key}",
        "PUT /api/v1/groups/{key}",
        "DELETE /api/v1/groups/{key}",
        "POST /api/v1/groups/preview",
        "GET /api/v1/groups/{key}/members",
        "GET /api/v1/groups/{key}/members/export",
        "GET /api/v1/groups/{key}/members/{customerId}/why",
        "POST /api/v1/groups/{key}/additions/{customerId}",
        "DELETE /api/v1/groups/{key}/additions/{customerId}",
        "POST /api/v1/groups/{key}/exclusions/{customerId}",
        "DELETE /api/v1/groups/{key}/exclusions/{customerId}",
        "GET /api/v1/groups/{key}/history"
    })
    void groups_of_another_store_are_neither_seen_nor_changed() {
        storeB.postJson("/api/v1/groups", "{\"key\":\"vip\",\"name\":\"VIP\",\"rule\":\"total_spent > 500\"}");
        String historyOfB = storeB.get("/api/v1/groups/vip/history").body();
        assertThat(json(storeA.get("/api/v1/groups")).get("items")).isEmpty();
        for (String path : List.of(
                "/api/v1/groups/vip",
                "/api/v1/groups/vip/members",
                "/api/v1/groups/vip/members/export",
                "/api/v1/groups/vip/members/B1/why",
                "/api/v1/groups/vip/history")) {
            assertThat(storeA.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(storeA.putJson("/api/v1/groups/vip", "{\"rule\":\"order_count >= 0\"}")
                        .status())
                .isEqualTo(404);
        for (String path : List.of("/api/v1/groups/vip/additions/B1", "/api/v1/groups/vip/exclusions/B1")) {
            assertThat(storeA.postJson(path, "").status()).as(path).isEqualTo(404);
            assertThat(storeA.delete(path).status()).as(path).isEqualTo(404);
        }
        assertThat(storeA.delete("/api/v1/groups/vip").status()).isEqualTo(404);

        JsonNode own = json(storeA.postJson("/api/v1/groups", "{\"key\":\"vip\",\"rule\":\"total_spent > 500\"}"));
        assertThat(own.get("member_count").asInt()).isZero();
        assertThat(json(storeA.postJson("/api/v1/groups/preview", "{\"rule\":\"total_spent > 500\"}"))
                        .get("count")
                        .asInt())
                .isZero();
        assertThat(storeA.postJson("/api/v1/groups/vip/additions/B1", "").status())
                .isEqualTo(404);
        assertThat(storeA.delete("/api/v1/groups/vip/exclusions/B1").status()).isEqualTo(404);
        assertThat(storeA.get("/api/v1/groups/vip/members/B1/why").status()).isEqualTo(404);
        assertThat(json(storeA.get("/api/v1/groups/vip/members")).get("total").asInt())
                .isZero();
        assertThat(storeA.get("/api/v1/groups/vip/members/export").body()).doesNotContain("B1");
        assertThat(json(storeA.get("/api/v1/groups/vip/history")).get("items")).isEmpty();
        assertThat(storeA.delete("/api/v1/groups/vip").status()).isEqualTo(204);

        JsonNode ofB = json(storeB.get("/api/v1/groups/vip"));
        assertThat(ofB.get("rule").asString()).isEqualTo("total_spent > 500");
        assertThat(ofB.get("member_count").asInt()).isEqualTo(1);
        assertThat(storeB.get("/api/v1/groups/vip/history").body()).isEqualTo(historyOfB);
        assertThat(json(storeB.get("/api/v1/customers/B1")).get("groups").toString())
                .isEqualTo("[\"vip\"]");
    }

    @Test
    @Isolates({"GET /api/v1/groups/templates", "GET /api/v1/segment-fields", "GET /api/v1/segment-operators"})
    void the_rule_catalogue_is_the_same_for_every_store_and_needs_a_key() {
        for (String path : List.of("/api/v1/groups/templates", "/api/v1/segment-fields", "/api/v1/segment-operators")) {
            assertThat(storeA.get(path).body())
                    .as(path)
                    .isEqualTo(storeB.get(path).body());
            assertThat(new Api(port, null).get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    @Isolates({"GET /api/v1/analytics/{name}", "POST /api/v1/analytics/regions"})
    void analytics_count_only_the_callers_store() {
        String period = "?as_of=2024-05-31&from=2024-05-01&to=2024-05-31";
        JsonNode overview = json(storeA.get("/api/v1/analytics/overview" + period));
        assertThat(overview.get("orders").asInt()).isZero();
        assertThat(overview.get("revenue").decimalValue()).isEqualByComparingTo("0");
        for (String name : new String[] {"pareto", "rfm", "types", "discounts"}) {
            assertThat(json(storeA.get("/api/v1/analytics/" + name + period))
                            .get("buyers")
                            .asInt())
                    .as(name)
                    .isZero();
        }
        assertThat(json(storeA.get("/api/v1/analytics/cohorts" + period)).get("cohorts"))
                .isEmpty();
        assertThat(json(storeA.get("/api/v1/analytics/regions" + period)).get("regions"))
                .isEmpty();
        assertThat(json(storeA.get("/api/v1/analytics/clv" + period))
                        .get("customers")
                        .asInt())
                .isZero();
        assertThat(storeA.get("/api/v1/analytics/clv" + period).body()).doesNotContain("B1");
        JsonNode uploaded = json(storeA.post(
                "/api/v1/analytics/regions" + period, "text/csv", "country,region,population\nAE,Dubai,1000\n"));
        assertThat(uploaded.get("regions")).isEmpty();
        assertThat(json(storeB.get("/api/v1/analytics/overview" + period))
                        .get("orders")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @Isolates({"POST /api/v1/analytics/refresh"})
    void a_refresh_touches_only_the_callers_customers() {
        JsonNode refreshed = json(storeA.postJson("/api/v1/analytics/refresh?as_of=2024-05-31", ""));
        assertThat(refreshed.get("customers").asInt()).isZero();
        assertThat(json(storeB.get("/api/v1/customers/B1"))
                        .get("analytics")
                        .get("rfm_group")
                        .isNull())
                .isTrue();
        assertThat(json(storeB.postJson("/api/v1/analytics/refresh?as_of=2024-05-31", ""))
                        .get("customers")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(storeB.get("/api/v1/customers/B1"))
                        .get("analytics")
                        .get("revenue_percentile")
                        .decimalValue())
                .isEqualByComparingTo("100");
        assertThat(storeA.get("/api/v1/customers/B1").status()).isEqualTo(404);
    }

    @Test
    @Isolates({
        "GET /api/v1/checkout/policies",
        "POST /api/v1/checkout/policies",
        "GET /api/v1/checkout/policies/{id}",
        "PUT /api/v1/checkout/policies/{id}",
        "DELETE /api/v1/checkout/policies/{id}",
        "POST /api/v1/checkout/decisions"
    })
    void checkout_policies_of_another_store_are_neither_listed_read_changed_nor_applied() {
        String policyOfB = json(storeB.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"B hides cod\",\"kind\":\"hide_payment_methods\",\"methods\":[\"cod\"]}"))
                .get("id")
                .asString();
        assertThat(json(storeA.get("/api/v1/checkout/policies"))).isEmpty();
        assertThat(storeA.get("/api/v1/checkout/policies/" + policyOfB).status())
                .isEqualTo(404);
        assertThat(storeA.send(
                                "PUT",
                                "/api/v1/checkout/policies/" + policyOfB,
                                "{\"name\":\"hijack\",\"kind\":\"free_shipping\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.delete("/api/v1/checkout/policies/" + policyOfB).status())
                .isEqualTo(404);
        assertThat(storeA.postJson(
                                "/api/v1/checkout/policies", "{\"name\":\"A ships free\",\"kind\":\"free_shipping\"}")
                        .status())
                .isEqualTo(201);
        String cart = "{\"items\":[{\"product_id\":\"P\",\"quantity\":1,\"unit_price\":\"10.00\"}]}";
        JsonNode decisionOfA = json(storeA.postJson("/api/v1/checkout/decisions", cart));
        assertThat(decisionOfA.get("payment_methods").get("offered").toString()).contains("\"cod\"");
        JsonNode decisionOfB = json(storeB.postJson("/api/v1/checkout/decisions", cart));
        assertThat(decisionOfB.get("free_shipping").get("free").asBoolean()).isFalse();
        assertThat(json(storeB.get("/api/v1/checkout/policies/" + policyOfB))
                        .get("name")
                        .asString())
                .isEqualTo("B hides cod");
    }

    @Test
    @Isolates({
        "GET /api/v1/checkout/coupons",
        "POST /api/v1/checkout/coupons",
        "GET /api/v1/checkout/coupons/{code}",
        "PUT /api/v1/checkout/coupons/{code}",
        "DELETE /api/v1/checkout/coupons/{code}",
        "GET /api/v1/checkout/catalogue",
        "PUT /api/v1/checkout/catalogue",
        "GET /api/v1/checkout/audit"
    })
    void coupons_catalogue_and_audit_of_another_store_stay_its_own() {
        storeB.postJson("/api/v1/checkout/coupons", "{\"code\":\"BONLY\",\"benefit\":\"free_shipping\"}");
        storeB.send("PUT", "/api/v1/checkout/catalogue", "{\"payment_methods\":[{\"code\":\"mada\"}],\"carriers\":[]}");
        assertThat(json(storeA.get("/api/v1/checkout/coupons"))).isEmpty();
        assertThat(storeA.get("/api/v1/checkout/coupons/BONLY").status()).isEqualTo(404);
        assertThat(storeA.send("PUT", "/api/v1/checkout/coupons/BONLY", "{\"benefit\":\"free_shipping\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.delete("/api/v1/checkout/coupons/BONLY").status()).isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/checkout/coupons", "{\"code\":\"BONLY\",\"benefit\":\"free_shipping\"}")
                        .status())
                .isEqualTo(201);
        String cart =
                "{\"coupon_code\":\"BONLY\",\"items\":[{\"product_id\":\"P\",\"quantity\":1,\"unit_price\":\"10.00\"}]}";
        storeA.delete("/api/v1/checkout/coupons/BONLY");
        assertThat(json(storeA.postJson("/api/v1/checkout/decisions", cart))
                        .get("coupon")
                        .get("reason")
                        .asString())
                .isEqualTo("not_found");
        assertThat(json(storeA.get("/api/v1/checkout/catalogue")).get("payment_methods"))
                .hasSizeGreaterThan(1);
        storeA.send("PUT", "/api/v1/checkout/catalogue", "{\"payment_methods\":[{\"code\":\"cod\"}],\"carriers\":[]}");
        assertThat(json(storeB.get("/api/v1/checkout/catalogue"))
                        .get("payment_methods")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("mada");
        assertThat(json(storeB.get("/api/v1/checkout/coupons/BONLY"))
                        .get("code")
                        .asString())
                .isEqualTo("BONLY");
        assertThat(json(storeA.get("/api/v1/checkout/audit")).findValuesAsString("subject_id"))
                .doesNotContain(json(storeB.get("/api/v1/store")).get("slug").asString());
        assertThat(json(storeB.get("/api/v1/checkout/audit"))).hasSize(2);
    }

    @Test
    @Isolates({"GET /api/v1/browsing/site", "PUT /api/v1/browsing/site"})
    void the_tracking_site_of_another_store_is_neither_read_nor_changed() {
        String keyOfB =
                json(storeB.get("/api/v1/browsing/site")).get("site_key").asString();
        storeB.putJson(
                "/api/v1/browsing/site",
                "{\"allowed_origins\":[\"https://b.example\"],"
                        + "\"consent_required\":true,\"honour_dnt\":true,\"retention_months\":6}");
        JsonNode ofA = json(storeA.get("/api/v1/browsing/site"));
        assertThat(ofA.get("site_key").asString()).isNotEqualTo(keyOfB);
        assertThat(ofA.get("allowed_origins")).isEmpty();
        assertThat(storeA.putJson(
                                "/api/v1/browsing/site",
                                "{\"allowed_origins\":[\"https://a.example\"],"
                                        + "\"consent_required\":false,\"honour_dnt\":false,\"retention_months\":13}")
                        .status())
                .isEqualTo(200);
        JsonNode ofB = json(storeB.get("/api/v1/browsing/site"));
        assertThat(ofB.get("site_key").asString()).isEqualTo(keyOfB);
        assertThat(ofB.get("allowed_origins").get(0).asString()).isEqualTo("https://b.example");
        assertThat(ofB.get("retention_months").asInt()).isEqualTo(6);
    }

    @Test
    @Isolates("GET /api/v1/events/incomplete")
    void incomplete_publications_of_another_store_are_not_listed() {
        String slugB = json(storeB.get("/api/v1/store")).get("slug").asString();
        long idB = stores.findBySlug(slugB).orElseThrow().id().value();
        jdbc.update(
                "INSERT INTO event_deliveries (event_id, listener, attempts, next_attempt_at) SELECT id, "
                        + "'isolation-probe', 0, TIMESTAMP WITH TIME ZONE '2100-01-01 00:00:00+00' FROM domain_events "
                        + "WHERE store_id = ?",
                idB);
        JsonNode ofB = json(storeB.get("/api/v1/events/incomplete")).get("incomplete");
        assertThat(ofB).isNotEmpty();
        assertThat(ofB.findValuesAsString("listener")).containsOnly("isolation-probe");
        assertThat(json(storeA.get("/api/v1/events/incomplete")).get("incomplete"))
                .isEmpty();
        jdbc.update("DELETE FROM event_deliveries WHERE listener = 'isolation-probe'");
    }

    @Test
    @Isolates({
        "GET /api/v1/webhook-endpoints",
        "POST /api/v1/webhook-endpoints",
        "GET /api/v1/webhook-endpoints/event-types",
        "GET /api/v1/webhook-endpoints/{id}",
        "PUT /api/v1/webhook-endpoints/{id}",
        "DELETE /api/v1/webhook-endpoints/{id}",
        "POST /api/v1/webhook-endpoints/{id}/disable",
        "POST /api/v1/webhook-endpoints/{id}/enable",
        "POST /api/v1/webhook-endpoints/{id}/rotate-secret",
        "POST /api/v1/webhook-endpoints/{id}/test",
        "GET /api/v1/webhook-endpoints/{id}/deliveries"
    })
    void webhook_endpoints_of_another_store_are_neither_listed_read_changed_nor_sent_to() {
        String body = "{\"url\":\"http://127.0.0.1:9/hook\",\"event_types\":[\"card.changed\"]}";
        long ofB = json(storeB.postJson("/api/v1/webhook-endpoints", body))
                .get("endpoint")
                .get("id")
                .asLong();
        storeB.postJson("/api/v1/webhook-endpoints/" + ofB + "/test", "");
        String base = "/api/v1/webhook-endpoints/" + ofB;
        assertThat(json(storeA.get("/api/v1/webhook-endpoints"))).isEmpty();
        assertThat(storeA.get(base).status()).isEqualTo(404);
        assertThat(storeA.get(base + "/deliveries").status()).isEqualTo(404);
        assertThat(storeA.putJson(base, body).status()).isEqualTo(404);
        for (String action : List.of("/disable", "/enable", "/rotate-secret", "/test")) {
            assertThat(storeA.postJson(base + action, "").status()).as(action).isEqualTo(404);
        }
        assertThat(storeA.delete(base).status()).isEqualTo(404);
        assertThat(json(storeA.get("/api/v1/webhook-endpoints/event-types")).get("event_types"))
                .isNotEmpty();
        long ofA = json(storeA.postJson("/api/v1/webhook-endpoints", body))
                .get("endpoint")
                .get("id")
                .asLong();
        assertThat(json(storeA.get("/api/v1/webhook-endpoints/" + ofA + "/deliveries"))
                        .get("deliveries"))
                .isEmpty();
        JsonNode stillB = json(storeB.get(base));
        assertThat(stillB.get("enabled").asBoolean()).isTrue();
        assertThat(json(storeB.get(base + "/deliveries")).get("deliveries")).hasSize(1);
    }

    @Test
    @Isolates({
        "GET /api/v1/loyalty/program",
        "PUT /api/v1/loyalty/program",
        "GET /api/v1/loyalty/summary",
        "GET /api/v1/loyalty/customers/{customerId}",
        "POST /api/v1/loyalty/customers/{customerId}/adjustments",
        "POST /api/v1/loyalty/customers/{customerId}/actions",
        "POST /api/v1/loyalty/customers/{customerId}/redemptions",
        "POST /api/v1/loyalty/redemptions/{id}/commit",
        "POST /api/v1/loyalty/redemptions/{id}/release"
    })
    void loyalty_of_another_store_is_neither_read_nor_changed() {
        storeB.send("PUT", "/api/v1/loyalty/program", LoyaltyApiContract.PROGRAM);
        storeB.postJson("/api/v1/loyalty/customers/B1/adjustments", "{\"points\":500,\"reason\":\"welcome\"}");
        String redemptionOfB = json(storeB.postJson(
                        "/api/v1/loyalty/customers/B1/redemptions", "{\"reward\":\"coupon\",\"points\":100}"))
                .get("id")
                .asString();
        assertThat(json(storeA.get("/api/v1/loyalty/program")).get("enabled").asBoolean())
                .isFalse();
        assertThat(json(storeA.get("/api/v1/loyalty/summary"))
                        .get("outstanding_points")
                        .asLong())
                .isZero();
        assertThat(storeA.get("/api/v1/loyalty/customers/B1").status()).isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/loyalty/customers/B1/adjustments", "{\"points\":-400,\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/loyalty/customers/B1/actions", "{\"key\":\"k\",\"points\":5}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/loyalty/customers/B1/redemptions", "{\"reward\":\"coupon\",\"points\":100}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/loyalty/redemptions/" + redemptionOfB + "/commit", "")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.postJson("/api/v1/loyalty/redemptions/" + redemptionOfB + "/release", "")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.send(
                                "PUT",
                                "/api/v1/loyalty/program",
                                LoyaltyApiContract.PROGRAM.replace("\"enabled\":true", "\"enabled\":false"))
                        .status())
                .isEqualTo(200);
        assertThat(json(storeB.get("/api/v1/loyalty/program")).get("enabled").asBoolean())
                .isTrue();
        JsonNode ofB = json(storeB.get("/api/v1/loyalty/customers/B1"));
        assertThat(ofB.get("points").asLong()).isEqualTo(400);
        assertThat(ofB.get("redemptions").get(0).get("state").asString()).isEqualTo("reserved");
        assertThat(json(storeB.get("/api/v1/loyalty/summary"))
                        .get("outstanding_points")
                        .asLong())
                .isEqualTo(400);
    }

    @Test
    @Isolates({
        "GET /api/v1/campaigns",
        "POST /api/v1/campaigns",
        "GET /api/v1/campaigns/{id}",
        "PUT /api/v1/campaigns/{id}",
        "GET /api/v1/campaigns/{id}/report",
        "POST /api/v1/campaigns/{id}/activate",
        "POST /api/v1/campaigns/{id}/pause",
        "POST /api/v1/campaigns/{id}/finish"
    })
    void campaigns_of_another_store_are_neither_listed_nor_changed() {
        long ofB = json(storeB.postJson("/api/v1/campaigns", CampaignApiContract.CART_CAMPAIGN))
                .get("id")
                .asLong();
        assertThat(json(storeA.get("/api/v1/campaigns"))).isEmpty();
        assertThat(storeA.get("/api/v1/campaigns/" + ofB).status()).isEqualTo(404);
        assertThat(storeA.get("/api/v1/campaigns/" + ofB + "/report").status()).isEqualTo(404);
        assertThat(storeA.putJson("/api/v1/campaigns/" + ofB, CampaignApiContract.CART_CAMPAIGN.replace("Cart", "Mine"))
                        .status())
                .isEqualTo(404);
        for (String move : new String[] {"activate", "pause", "finish"}) {
            assertThat(storeA.postJson("/api/v1/campaigns/" + ofB + "/" + move, "")
                            .status())
                    .as(move)
                    .isEqualTo(404);
        }
        assertThat(storeA.postJson("/api/v1/campaigns", CampaignApiContract.CART_CAMPAIGN)
                        .status())
                .isEqualTo(201);
        JsonNode stillB = json(storeB.get("/api/v1/campaigns/" + ofB));
        assertThat(stillB.get("status").asString()).isEqualTo("draft");
        assertThat(stillB.get("name").asString()).isEqualTo("Cart reminders");
        assertThat(json(storeB.get("/api/v1/campaigns"))).hasSize(1);
    }

    @Test
    @Isolates({
        "GET /api/v1/messages/settings",
        "PUT /api/v1/messages/settings",
        "GET /api/v1/messages/customers/{customerId}/consent",
        "POST /api/v1/messages/customers/{customerId}/consent",
        "POST /api/v1/messages/customers/{customerId}/consent/withdraw",
        "PUT /api/v1/messages/customers/{customerId}/language",
        "GET /api/v1/messages/customers/{customerId}/log",
        "POST /api/v1/messages/preview",
        "POST /api/v1/messages/test-send",
        "GET /api/v1/messages/unsubscribe/{token}"
    })
    void messages_settings_and_consent_of_another_store_are_neither_read_nor_changed() {
        assertThat(storeB.putJson(
                                "/api/v1/messages/settings",
                                "{\"smtp_host\":\"smtp.store-b.example\",\"smtp_port\":25,"
                                        + "\"email_from\":\"shop@store-b.example\"}")
                        .status())
                .isEqualTo(200);
        assertThat(storeB.postJson(
                                "/api/v1/messages/customers/B1/consent",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"source\":\"api\"}")
                        .status())
                .isEqualTo(200);
        assertThat(storeA.get("/api/v1/messages/settings").body()).doesNotContain("store-b.example");
        assertThat(storeA.putJson("/api/v1/messages/settings", "{\"language\":\"en\"}")
                        .status())
                .isEqualTo(200);
        assertThat(storeA.get("/api/v1/messages/customers/B1/consent").status()).isEqualTo(404);
        assertThat(storeA.postJson(
                                "/api/v1/messages/customers/B1/consent",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.postJson(
                                "/api/v1/messages/customers/B1/consent/withdraw",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storeA.putJson("/api/v1/messages/customers/B1/language", "{\"language\":\"en\"}")
                        .status())
                .isEqualTo(404);
        assertThat(json(storeA.get("/api/v1/messages/customers/B1/log"))).isEmpty();
        String template = "{\"en\":{\"subject\":\"Hi\",\"body\":\"<p>{{store_name}}</p>\"}}";
        assertThat(storeA.postJson("/api/v1/messages/preview", "{\"channel\":\"email\",\"template\":" + template + "}")
                        .body())
                .doesNotContain("store-b");
        // A has no SMTP server: its test send is not carried by B's
        assertThat(storeA.postJson(
                                "/api/v1/messages/test-send",
                                "{\"channel\":\"email\",\"language\":\"en\","
                                        + "\"to\":\"owner@example.com\",\"template\":" + template + "}")
                        .body())
                .doesNotContain("\"sent\"");
        assertThat(storeA.get("/api/v1/messages/unsubscribe/not-a-token").status())
                .isEqualTo(404);
        JsonNode consentOfB = json(storeB.get("/api/v1/messages/customers/B1/consent"));
        assertThat(consentOfB.toString()).contains("marketing");
        assertThat(storeB.get("/api/v1/messages/settings").body()).contains("smtp.store-b.example");
    }

    @Test
    @Isolates({
        "GET /api/v1/analytics/affinity",
        "GET /api/v1/analytics/basket",
        "GET /api/v1/analytics/basket/products/{productId}",
        "GET /api/v1/customers/{customerId}/next-products",
        "GET /api/v1/browsing/analytics",
        "POST /api/v1/checkout/simulate"
    })
    void product_analyses_browsing_and_simulations_count_the_callers_store_only() throws Exception {
        browsedInB("/p/b-only-page");
        assertThat(storeB.get("/api/v1/browsing/analytics").body())
                .as("store B's own view")
                .contains("/p/b-only-page");
        storeB.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"BO2\",\"customer_id\":\"B1\",\"status\":\"completed\","
                        + "\"total\":\"30.00\",\"created_at\":\"2024-05-02\",\"items\":[{\"product_id\":\"BP1\",\"quantity\":1,"
                        + "\"unit_price\":\"10.00\"},{\"product_id\":\"BP2\",\"quantity\":1,\"unit_price\":\"20.00\"}]}");
        assertThat(storeB.get("/api/v1/analytics/basket?min_count=1").body()).contains("BP1");
        assertThat(storeA.get("/api/v1/analytics/basket?min_count=1").body()).doesNotContain("BP1", "BP2");
        assertThat(storeA.get("/api/v1/analytics/affinity").body()).doesNotContain("BP1", "B1");
        assertThat(storeA.get("/api/v1/analytics/basket/products/BP1").status()).isEqualTo(404);
        assertThat(storeA.get("/api/v1/customers/B1/next-products").status()).isEqualTo(404);
        assertThat(storeA.get("/api/v1/browsing/analytics").body()).doesNotContain("B1", "BP1", "/p/b-only-page");
        JsonNode simulated = json(storeA.postJson(
                "/api/v1/checkout/simulate", "{\"offer\":{\"discount\":\"percent_off\",\"percent\":\"10\"}}"));
        assertThat(simulated.get("reach").get("customers").asInt()).isZero();
        assertThat(simulated.get("cost").get("orders_in_window").asInt()).isZero();
    }

    @Autowired
    io.basira.server.browsing.BrowsingIntake browsingIntake;

    /** A page view in store B through its beacon, written before this returns. */
    private void browsedInB(String path) throws Exception {
        String siteKey = json(storeB.putJson(
                        "/api/v1/browsing/site",
                        "{\"allowed_origins\":[\"https://b.example\"],"
                                + "\"consent_required\":false,\"honour_dnt\":false,\"retention_months\":13}"))
                .get("site_key")
                .asString();
        java.net.http.HttpResponse<String> sent = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/b/collect?k=" + siteKey))
                                .header("Origin", "https://b.example")
                                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0")
                                .header("Content-Type", "text/plain;charset=UTF-8")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"v\":\"visitor-b\",\"s\":\"session-b\"," + "\"e\":[{\"t\":\"page\",\"p\":\""
                                                + path + "\"}]}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        assertThat(browsingIntake.flush(java.time.Duration.ofSeconds(20)))
                .as("the writer caught up")
                .isTrue();
    }
}
