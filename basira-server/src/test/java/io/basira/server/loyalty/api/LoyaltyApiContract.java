package io.basira.server.loyalty.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.loyalty.RebuildLedgers;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.PrivacyRegistry;
import io.basira.server.support.Api;
import io.basira.server.support.ForeignKeysOf;
import io.basira.server.support.MutableClock;
import io.basira.shared.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Loyalty through the API on every database (docs/loyalty.md): earning and reversal on the write path, the card
 * fields in rules and the export, adjustments, redemptions through checkout's coupons, 16 concurrent redemptions
 * that never overdraw, the midnight's expiry and the rebuild equal to the live ledger.
 */
@Import(MutableClock.Configuration.class)
public abstract class LoyaltyApiContract extends ApiTestBase {

    public static final String PROGRAM =
            "{\"enabled\":true,\"starts_at\":\"2024-01-01T00:00:00+03:00\",\"earn_points\":1,"
                    + "\"earn_per\":\"1.00\",\"pending_days\":0,\"tier_basis\":\"spend_12m\",\"tiers\":["
                    + "{\"name\":\"bronze\",\"threshold\":\"0\"},"
                    + "{\"name\":\"gold\",\"threshold\":\"1000.00\",\"multiplier\":\"1.5\",\"free_shipping\":true,\"early_access\":true}],"
                    + "\"expiry_months\":12,\"expiry_warning_days\":7,\"redeem_points\":100,\"redeem_value\":\"10.00\","
                    + "\"free_shipping_points\":300}";

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    RebuildLedgers rebuild;

    @Autowired
    io.basira.loyalty.LoyaltyPorts ports;

    @Autowired
    JdbcStores storesById;

    @Autowired
    PrivacyRegistry privacy;

    @BeforeEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    /**
     * The ledger has no foreign key of its own (migration V300): whatever a test did to points (earning, bonuses,
     * adjustments, redemptions, the midnight, rebuilds, erasure, concurrent writes), every entry has its account,
     * and the account references its store.
     */
    @AfterEach
    void everyEntryHasItsAccount() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM loyalty_ledger l WHERE NOT EXISTS (SELECT 1 FROM loyalty_accounts a"
                                + " WHERE a.store_id = l.store_id AND a.customer_external_id = l.customer_external_id)",
                        Long.class))
                .as("ledger entries without their account")
                .isZero();
    }

    @Test
    void the_ledger_has_no_key_of_its_own_and_refuses_a_second_entry_of_one_cause_and_ref_but_not_of_an_order() {
        Api api = withProgram("keys");
        Store store = storesById
                .findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        assertThat(ForeignKeysOf.referencedTables(jdbc, "loyalty_ledger"))
                .as("the ledger's foreign keys")
                .isEmpty();
        assertThat(ForeignKeysOf.referencedTables(jdbc, "loyalty_accounts"))
                .as("the accounts' foreign keys")
                .containsExactly("stores");
        boolean postgres = jdbc.execute(
                (java.sql.Connection c) -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        if (postgres) { // the natural key indexes the entries that are not of an order only (V300)
            assertThat(jdbc.queryForObject(
                            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                                    + " AND indexname = 'loyalty_ledger_once'",
                            String.class))
                    .contains("UNIQUE")
                    .contains("WHERE (once_key IS NOT NULL)");
        }
        jdbc.update(
                "INSERT INTO loyalty_accounts (store_id, customer_external_id) VALUES (?, 'C1')",
                store.id().value());
        String insert = "INSERT INTO loyalty_ledger (store_id, customer_external_id, cause, ref, points,"
                + " multiplier_permille, available_at, recorded_at, once_key) VALUES (?, 'C1', ?, ?, 5, 1000,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)";
        jdbc.update(insert, store.id().value(), "order", "O9", null);
        jdbc.update(insert, store.id().value(), "order", "O9", null);
        jdbc.update(insert, store.id().value(), "action", "A1", "action:A1");
        assertThatThrownBy(() -> jdbc.update(insert, store.id().value(), "action", "A1", "action:A1"))
                .isInstanceOf(DuplicateKeyException.class);
        jdbc.update(insert, store.id().value(), "action", "A2", "action:A2");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM loyalty_ledger WHERE store_id = ?",
                        Long.class,
                        store.id().value()))
                .isEqualTo(4);
    }

    private Api withProgram(String name) {
        Api api = newStore(name);
        assertThat(api.send("PUT", "/api/v1/loyalty/program", PROGRAM).status()).isEqualTo(200);
        api.postJson("/api/v1/customers", customer("C1", "Noura"));
        return api;
    }

    private static JsonNode loyaltyOf(Api api, String customer) {
        return json(api.get("/api/v1/loyalty/customers/" + customer));
    }

    @Test
    void the_program_is_read_back_as_saved_and_bad_values_are_refused_naming_the_field() {
        Api api = withProgram("program");
        JsonNode program = json(api.get("/api/v1/loyalty/program"));
        assertThat(program.get("tiers").get(1).get("name").asString()).isEqualTo("gold");
        assertThat(program.get("tiers").get(1).get("multiplier").asString()).isEqualTo("1.5");
        assertThat(program.get("redeem_value").asString()).isEqualTo("10.00");
        Api.Response bad = api.send(
                "PUT", "/api/v1/loyalty/program", PROGRAM.replace("\"pending_days\":0", "\"pending_days\":400"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString()).contains("pending_days 400 is outside 0 to 365");
        assertThat(json(api.get("/api/v1/loyalty/program")).get("pending_days").asInt())
                .isZero();
    }

    @Test
    void completed_orders_earn_once_returns_reverse_and_the_points_are_card_fields() {
        Api api = withProgram("earn");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "250.75", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "250.75", "2024-05-01"));
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(250);
        assertThat(loyaltyOf(api, "C1").get("tier").asString()).isEqualTo("bronze");
        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"pointy\",\"name\":\"pointy\","
                                        + "\"rule\":\"loyalty_points >= 200 AND loyalty_tier = 'bronze'\"}")
                        .status())
                .isEqualTo(201);
        assertThat(json(api.get("/api/v1/groups/pointy")).get("member_count").asInt())
                .isEqualTo(1);
        String export = api.get("/api/v1/customers/export").body();
        assertThat(export.lines().findFirst().orElseThrow())
                .contains("loyalty_points", "loyalty_tier", "points_expiring_30d", "lifetime_points");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100.00", "2024-05-01"));
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(100);
        api.postJson("/api/v1/orders", order("O1", "C1", "returned", "100.00", "2024-05-01"));
        JsonNode after = loyaltyOf(api, "C1");
        assertThat(after.get("points").asLong()).isZero();
        assertThat(after.get("ledger"))
                .extracting(e -> e.get("cause").asString())
                .containsExactly("order", "reversal", "reversal");
        assertThat(json(api.get("/api/v1/groups/pointy")).get("member_count").asInt())
                .isZero();
    }

    @Test
    void a_signup_and_each_review_earn_their_bonus_once() {
        Api api = newStore("bonus");
        api.send(
                "PUT",
                "/api/v1/loyalty/program",
                PROGRAM.replace(
                        "\"pending_days\":0", "\"pending_days\":0," + "\"signup_points\":10,\"review_points\":20"));
        api.postJson("/api/v1/customers", customer("C1", "Noura"));
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(10);
        String review = "{\"review_id\":\"R1\",\"customer_id\":\"C1\",\"product_id\":\"P1\",\"rating\":5,"
                + "\"created_at\":\"2024-05-20\"}";
        api.postJson("/api/v1/reviews", review);
        api.postJson("/api/v1/reviews", review);
        api.postJson("/api/v1/customers", customer("C1", "Noura"));
        JsonNode c1 = loyaltyOf(api, "C1");
        assertThat(c1.get("points").asLong()).isEqualTo(30);
        assertThat(c1.get("ledger"))
                .extracting(e -> e.get("cause").asString() + ":" + e.get("ref").asString())
                .containsExactly("signup:signup", "review:R1");
    }

    @Test
    void gold_customers_earn_with_their_multiplier_and_the_summary_shows_tiers_and_liability() {
        Api api = withProgram("gold");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1200.00", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "100.00", "2024-05-02"));
        JsonNode c1 = loyaltyOf(api, "C1");
        assertThat(c1.get("tier").asString()).isEqualTo("gold");
        assertThat(c1.get("points").asLong()).isEqualTo(1200 + 150);
        JsonNode summary = json(api.get("/api/v1/loyalty/summary"));
        assertThat(summary.get("tiers").get(0).get("tier").asString()).isEqualTo("gold");
        assertThat(summary.get("outstanding_points").asLong()).isEqualTo(1350);
        assertThat(summary.get("liability").asString()).isEqualTo("135.00");
        JsonNode decision = json(api.postJson(
                "/api/v1/checkout/decisions",
                "{\"customer_id\":\"C1\",\"shipping_fee\":\"25.00\","
                        + "\"items\":[{\"product_id\":\"P\",\"quantity\":2,\"unit_price\":\"50.00\"}]}"));
        assertThat(decision.get("free_shipping").get("free").asBoolean()).isTrue();
        assertThat(decision.get("free_shipping").get("loyalty_tier").asString()).isEqualTo("gold");
        assertThat(decision.get("loyalty").get("points_to_earn").asLong()).isEqualTo(150);
        assertThat(decision.get("loyalty")
                        .get("redeemable")
                        .get(0)
                        .get("reward")
                        .asString())
                .isEqualTo("coupon");
        assertThat(decision.get("loyalty")
                        .get("redeemable")
                        .get(0)
                        .get("points")
                        .asLong())
                .isEqualTo(1000);
        assertThat(decision.get("loyalty").get("redeemable").get(0).get("value").asString())
                .isEqualTo("100.00");
        assertThat(decision.get("totals").get("shipping").asString()).isEqualTo("0.00");
    }

    // spine: checkout answers loyalty from memory (checkout.RememberedCheckoutLoyalty); each change is seen at once
    @Test
    void a_decision_sees_each_change_of_the_customers_points_at_once() {
        Api api = withProgram("remembered");
        String cart =
                "{\"customer_id\":\"C1\",\"items\":[{\"product_id\":\"P\",\"quantity\":1,\"unit_price\":\"10.00\"}]}";
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart))
                        .get("loyalty")
                        .get("available_points")
                        .asLong())
                .isZero();
        api.postJson("/api/v1/loyalty/customers/C1/adjustments", "{\"points\":40,\"reason\":\"late delivery\"}");
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart))
                        .get("loyalty")
                        .get("available_points")
                        .asLong())
                .isEqualTo(40);
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "250.75", "2024-05-01"));
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart))
                        .get("loyalty")
                        .get("available_points")
                        .asLong())
                .isEqualTo(290);
        api.postJson("/api/v1/orders", order("O1", "C1", "returned", "250.75", "2024-05-01"));
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart))
                        .get("loyalty")
                        .get("available_points")
                        .asLong())
                .isEqualTo(40);
    }

    @Test
    void an_adjustment_keeps_its_reason_and_author_and_a_refusal_says_why() {
        Api api = withProgram("adjust");
        Api.Response added = api.postJson(
                "/api/v1/loyalty/customers/C1/adjustments",
                "{\"points\":40,\"reason\":\"late delivery\",\"actor\":\"amal\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(json(added).get("actor").asString()).isEqualTo("amal");
        Api.Response refused =
                api.postJson("/api/v1/loyalty/customers/C1/adjustments", "{\"points\":-41,\"reason\":\"typo\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(json(refused).get("reason").asString()).isEqualTo("insufficient_points");
        assertThat(api.postJson("/api/v1/loyalty/customers/NOBODY/adjustments", "{\"points\":1,\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.postJson(
                                "/api/v1/loyalty/customers/C1/actions",
                                "{\"key\":\"share-1\",\"points\":5,\"reason\":\"shared\"}")
                        .status())
                .isEqualTo(201);
        api.postJson(
                "/api/v1/loyalty/customers/C1/actions", "{\"key\":\"share-1\",\"points\":5,\"reason\":\"shared\"}");
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(45);
    }

    @Test
    void a_redemption_issues_a_single_use_checkout_coupon_and_a_release_withdraws_it() {
        Api api = withProgram("redeem");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "500.00", "2024-05-01"));
        JsonNode coupon = json(
                api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":200}"));
        assertThat(coupon.get("value").asString()).isEqualTo("20.00");
        assertThat(coupon.get("state").asString()).isEqualTo("reserved");
        String code = coupon.get("coupon_code").asString();
        JsonNode terms = json(api.get("/api/v1/checkout/coupons/" + code));
        assertThat(terms.toString()).contains("\"usage_limit\":1", "amount_off");
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(300);
        String id = coupon.get("id").asString();
        assertThat(json(api.postJson("/api/v1/loyalty/redemptions/" + id + "/release", ""))
                        .get("state")
                        .asString())
                .isEqualTo("released");
        assertThat(api.get("/api/v1/checkout/coupons/" + code).status()).isEqualTo(404);
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(500);
        JsonNode shipping =
                json(api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"free_shipping\"}"));
        assertThat(shipping.get("points").asLong()).isEqualTo(300);
        JsonNode committed = json(
                api.postJson("/api/v1/loyalty/redemptions/" + shipping.get("id").asString() + "/commit", ""));
        assertThat(committed.get("state").asString()).isEqualTo("committed");
        assertThat(committed.get("order_id").isNull())
                .as("committed through the API: no order used it")
                .isTrue();
        assertThat(redemption(api, shipping.get("id").asString())
                        .get("order_created_at")
                        .isNull())
                .isTrue();
        assertThat(api.postJson(
                                "/api/v1/loyalty/redemptions/"
                                        + shipping.get("id").asString() + "/release",
                                "")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void an_order_using_the_reward_coupon_commits_its_redemption_once_and_a_cancellation_keeps_it_used() {
        Api api = withProgram("auto-commit");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "500.00", "2024-05-01"));
        JsonNode coupon = json(
                api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":200}"));
        String code = coupon.get("coupon_code").asString();
        String id = coupon.get("id").asString();
        api.postJson(
                "/api/v1/orders",
                order("O2", "C1", "processing", "80.00", "2024-05-02")
                        .replace("}", ",\"coupon_code\":\"" + code.toLowerCase(java.util.Locale.ROOT) + "\"}"));
        assertThat(redemption(api, id).get("state").asString()).isEqualTo("committed");
        assertThat(redemption(api, id).get("order_id").asString()).isEqualTo("O2");
        assertThat(java.time.Instant.parse(
                        redemption(api, id).get("order_created_at").asString()))
                .isEqualTo(jdbc.queryForObject(
                                "SELECT created_at FROM orders WHERE external_id = 'O2' AND customer_external_id"
                                        + " = 'C1' AND store_id = (SELECT store_id FROM loyalty_redemptions WHERE id = ?)",
                                java.time.OffsetDateTime.class,
                                id)
                        .toInstant());
        assertThat(json(api.get("/api/v1/checkout/coupons/" + code)).get("used").asInt())
                .isEqualTo(1);

        String repeat = order("O2", "C1", "processing", "80.00", "2024-05-02")
                .replace("}", ",\"coupon_code\":\"" + code + "\"}");
        api.postJson("/api/v1/orders", repeat);
        String cancelled = repeat.replace("processing", "cancelled");
        api.postJson("/api/v1/orders", cancelled);
        assertThat(redemption(api, id).get("state").asString()).isEqualTo("committed");
        assertThat(json(api.get("/api/v1/checkout/coupons/" + code)).get("used").asInt())
                .as("the coupon's use is given back: the customer can use it again")
                .isZero();
        api.postJson(
                "/api/v1/orders",
                order("O4", "C1", "processing", "90.00", "2024-05-04")
                        .replace("}", ",\"coupon_code\":\"" + code + "\"}"));
        assertThat(redemption(api, id).get("order_id").asString())
                .as("the order that committed it, recorded once")
                .isEqualTo("O2");
        assertThat(loyaltyOf(api, "C1").get("points").asLong())
                .as("the points stay spent")
                .isEqualTo(300);
        assertThat(api.postJson("/api/v1/loyalty/redemptions/" + id + "/release", "")
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loyalty_ledger WHERE ref = ?", Long.class, id))
                .as("one redemption entry, no release")
                .isEqualTo(1);

        JsonNode unused = json(
                api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":100}"));
        api.postJson(
                "/api/v1/orders",
                order("O3", "C1", "cancelled", "80.00", "2024-05-03")
                        .replace(
                                "}",
                                ",\"coupon_code\":\""
                                        + unused.get("coupon_code").asString() + "\"}"));
        assertThat(redemption(api, unused.get("id").asString()).get("state").asString())
                .as("a cancelled order uses no coupon")
                .isEqualTo("reserved");
    }

    @Test
    void the_privacy_export_holds_the_order_that_used_a_reward_and_an_erasure_keeps_it_with_the_de_identified_order() {
        Api api = withProgram("privacy");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "500.00", "2024-05-01"));
        JsonNode coupon = json(
                api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":200}"));
        String id = coupon.get("id").asString();
        api.postJson(
                "/api/v1/orders",
                order("O2", "C1", "completed", "80.00", "2024-05-02")
                        .replace(
                                "}",
                                ",\"coupon_code\":\""
                                        + coupon.get("coupon_code").asString() + "\"}"));
        Store store = storesById
                .findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        CustomerDataKind kind = privacy.kind("loyalty").orElseThrow();
        Map<String, Object> exported =
                kind.export(store, new CustomerDataKind.Person("C1", null, null, null, null)).stream()
                        .map(LoyaltyApiContract::lowerKeys)
                        .filter(row -> "loyalty_redemptions".equals(row.get("table")))
                        .findFirst()
                        .orElseThrow();
        assertThat(exported).containsEntry("id", id).containsEntry("order_external_id", "O2");
        assertThat(exported.get("order_created_at"))
                .as("when the order was placed")
                .isNotNull();

        assertThat(api.postJson("/api/v1/customers/C1/erase", "").status()).isEqualTo(200);
        Map<String, Object> erased = jdbc.queryForMap(
                "SELECT customer_external_id, order_external_id, order_created_at"
                        + " FROM loyalty_redemptions WHERE store_id = ? AND id = ?",
                store.id().value(),
                id);
        String pseudonym = jdbc.queryForObject(
                "SELECT customer_external_id FROM orders WHERE store_id = ? AND external_id = 'O2'",
                String.class,
                store.id().value());
        assertThat(pseudonym).startsWith("erased-");
        assertThat(lowerKeys(erased))
                .as("the redemption and its order are held by the same pseudonym, like the order")
                .containsEntry("customer_external_id", pseudonym)
                .containsEntry("order_external_id", "O2");
        assertThat(lowerKeys(erased).get("order_created_at")).isNotNull();
        assertThat(kind.export(store, new CustomerDataKind.Person("C1", null, null, null, null)).stream()
                        .filter(row -> "loyalty_redemptions".equals(row.get("table"))))
                .as("nothing left under the person")
                .isEmpty();
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.LinkedHashMap<>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    private static JsonNode redemption(Api api, String id) {
        for (JsonNode r : loyaltyOf(api, "C1").get("redemptions")) {
            if (r.get("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no redemption " + id);
    }

    @Test
    void sixteen_concurrent_redemptions_never_overdraw() throws Exception {
        Api api = withProgram("race");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1000.00", "2024-05-01"));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(pool.submit(() -> api.postJson(
                            "/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":90}")
                    .status()));
        }
        int reserved = 0;
        for (Future<Integer> call : calls) {
            int status = call.get();
            assertThat(status).isIn(201, 409, 503);
            reserved += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        JsonNode c1 = loyaltyOf(api, "C1");
        assertThat(reserved).isEqualTo(11);
        assertThat(c1.get("points").asLong()).isEqualTo(1000 - 11 * 90);
        long sum = 0;
        for (JsonNode entry : c1.get("ledger")) {
            sum += entry.get("points").asLong();
        }
        assertThat(sum).isEqualTo(c1.get("points").asLong());
    }

    /**
     * A write of orders new to the store advances the customer's kept standing without reading the ledger or the
     * orders (docs/loyalty.md, "What a write costs"); other writes restate it. 16 threads writing new orders of
     * four customers (single and in bulks), partial refunds and redemptions between them leave every stored standing
     * equal to the one computed from the ledger and the orders, and the rebuild equal to the live ledger.
     */
    @Test
    void concurrent_writes_of_new_orders_keep_every_standing_equal_to_the_ledger() throws Exception {
        Api api = withProgram("kept");
        for (int c = 2; c <= 4; c++) {
            api.postJson("/api/v1/customers", customer("C" + c, "Customer " + c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            String customer = "C" + (1 + n % 4);
            calls.add(pool.submit(() -> {
                if (n % 8 == 7) {
                    StringBuilder bulk = new StringBuilder();
                    for (int c = 1; c <= 4; c++) {
                        bulk.append(order("B" + n + "-" + c, "C" + c, "completed", "60.00", "2024-05-20"))
                                .append('\n');
                    }
                    return api.post("/api/v1/orders/bulk", "application/x-ndjson", bulk.toString())
                            .status();
                }
                if (n % 8 == 5) { // a partial refund of an order written before: settled against the ledger
                    return api.postJson(
                                    "/api/v1/orders",
                                    order("K" + (n - 4), customer, "completed", "20.00", "2024-05-20"))
                            .status();
                }
                if (n % 8 == 3) {
                    return api.postJson(
                                    "/api/v1/loyalty/customers/" + customer + "/redemptions",
                                    "{\"reward\":\"coupon\",\"points\":30}")
                            .status();
                }
                return api.postJson("/api/v1/orders", order("K" + n, customer, "completed", "90.00", "2024-05-20"))
                        .status();
            }));
        }
        for (Future<Integer> call : calls) {
            assertThat(call.get()).isIn(200, 201, 202, 207, 409, 503);
        }
        pool.shutdown();
        Store store = storesById
                .findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        standingsAreTheLedgers(api, store);
        assertThat(ports.ledgers().lockKept(store.id(), List.of("C1")).get("C1").trustedAt(clock.instant()))
                .as("a standing is kept")
                .isTrue();
        assertThat(rebuild.rebuild(store.id(), false).equal()).isTrue();
        // switched off, an order changes C2's spend unseen; switched on again, C2's kept standing is not trusted
        assertThat(api.send("PUT", "/api/v1/loyalty/program", PROGRAM.replace("\"enabled\":true", "\"enabled\":false"))
                        .status())
                .isEqualTo(200);
        api.postJson("/api/v1/orders", order("OFF1", "C2", "completed", "700.00", "2024-05-21"));
        assertThat(api.send("PUT", "/api/v1/loyalty/program", PROGRAM).status()).isEqualTo(200);
        assertThat(ports.ledgers().lockKept(store.id(), List.of("C2")).get("C2").trustedAt(clock.instant()))
                .as("C2's orders changed while the program was off")
                .isFalse();
        api.postJson("/api/v1/orders", order("ON1", "C2", "completed", "10.00", "2024-05-22"));
        api.postJson("/api/v1/orders", order("ON2", "C3", "completed", "10.00", "2024-05-22"));
        standingsAreTheLedgers(api, store);
    }

    private void standingsAreTheLedgers(Api api, Store store) {
        io.basira.loyalty.LoyaltyProgram program =
                ports.programs().of(store.id()).orElseThrow();
        java.time.Instant now = clock.instant();
        List<String> customers = List.of("C1", "C2", "C3", "C4");
        java.util.Map<String, io.basira.loyalty.PurchaseActivity.Purchases> purchases =
                ports.activity().of(store.id(), customers, io.basira.loyalty.Standings.since(now));
        io.basira.server.loyalty.jdbc.JdbcLoyaltyLedgers ledgers =
                (io.basira.server.loyalty.jdbc.JdbcLoyaltyLedgers) ports.ledgers();
        for (String customer : customers) {
            List<io.basira.loyalty.LedgerEntry> entries = ledgers.ledger(store.id(), customer);
            assertThat(entries).as(customer).isNotEmpty();
            assertThat(ledgers.standing(store.id(), customer))
                    .as("%s: the stored standing is the ledger's", customer)
                    .isEqualTo(io.basira.loyalty.Standings.of(program, entries, purchases.get(customer), now));
            assertThat(loyaltyOf(api, customer).get("points").asLong())
                    .isEqualTo(entries.stream()
                            .mapToLong(io.basira.loyalty.LedgerEntry::points)
                            .sum());
        }
        assertThat(ledgers.standing(store.id(), "C1").tier()).isEqualTo("gold");
    }

    @Test
    void the_balance_expires_a_year_after_the_last_purchase_and_the_rebuild_equals_the_live_ledger() {
        Api api = withProgram("expiry");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "300.00", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "80.00", "2024-05-03"));
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "40.00", "2024-05-03"));
        api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":100}");
        api.postJson("/api/v1/orders", order("O2", "C1", "cancelled", "40.00", "2024-05-03"));
        Store store = storesById
                .findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        RebuildLedgers.Report report = rebuild.rebuild(store.id(), false);
        assertThat(report.differences()).isEmpty();
        assertThat(report.customers()).isEqualTo(1);
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(200);
        clock.set(java.time.Instant.parse("2025-05-03T00:00:00Z"));
        assertThat(loyalty.midnight(store)).isTrue();
        assertThat(loyalty.midnight(store)).isFalse();
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isZero();
        assertThat(loyaltyOf(api, "C1").get("ledger"))
                .extracting(e -> e.get("cause").asString())
                .contains("expiry");
        clock.set(clock.instant().plus(Duration.ofDays(1)));
        assertThat(rebuild.rebuild(store.id(), false).equal()).isTrue();
    }

    @Test
    void per_lot_the_oldest_lots_are_spent_first_each_lot_expires_on_its_date_and_the_rebuild_equals_the_live_ledger() {
        Api api = newStore("lots");
        String lots = PROGRAM.replace("\"expiry_months\":12", "\"expiry_months\":3,\"expiry_kind\":\"lot\"");
        assertThat(api.send("PUT", "/api/v1/loyalty/program", lots).status()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/loyalty/program")).get("expiry_kind").asString())
                .isEqualTo("lot");
        Store store = storesById
                .findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        assertThat(jdbc.queryForList(
                                "SELECT changes FROM audit_log WHERE store_id = ? AND action = ?",
                                store.id().value(),
                                "loyalty_program.change")
                        .toString())
                .contains("expiry_kind", "lot");
        Api.Response bad = api.send("PUT", "/api/v1/loyalty/program", lots.replace("\"lot\"", "\"weekly\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString()).contains("expiry_kind 'weekly'");
        api.postJson("/api/v1/customers", customer("C1", "Noura"));

        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "300.00", "2024-05-01")); // lot of 1 June
        clock.set(java.time.Instant.parse("2024-07-01T09:00:00Z"));
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "200.00", "2024-06-30")); // lot of 1 July
        api.postJson("/api/v1/loyalty/customers/C1/redemptions", "{\"reward\":\"coupon\",\"points\":100}");
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "150.00", "2024-06-30")); // a refund of 50
        assertThat(loyaltyOf(api, "C1").get("points").asLong()).isEqualTo(350); // June 150 (oldest spent), July 200

        clock.set(java.time.Instant.parse("2024-08-10T12:00:00Z"));
        assertThat(loyalty.midnight(store)).isTrue();
        assertThat(loyalty.customer(store, "C1").pointsExpiring30d())
                .as("points_expiring_30d: the June lot, due 1 September")
                .isEqualTo(150);
        clock.set(java.time.Instant.parse("2024-09-01T12:00:00Z"));
        assertThat(loyalty.midnight(store)).isTrue();
        JsonNode after = loyaltyOf(api, "C1");
        assertThat(after.get("points").asLong()).isEqualTo(200);
        JsonNode last = after.get("ledger").get(after.get("ledger").size() - 1);
        assertThat(last.get("cause").asString()).isEqualTo("expiry");
        assertThat(last.get("points").asLong()).isEqualTo(-150);
        assertThat(rebuild.rebuild(store.id(), false).differences()).isEmpty();

        clock.set(java.time.Instant.parse("2024-10-02T12:00:00Z"));
        assertThat(loyalty.midnight(store)).isTrue();
        assertThat(loyaltyOf(api, "C1").get("points").asLong())
                .as("the July lot expired")
                .isZero();
        assertThat(rebuild.rebuild(store.id(), false).equal()).isTrue();
    }
}
