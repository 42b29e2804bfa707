package io.basira.server.groups.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.groups.SegmentQuery;
import io.basira.segment.text.RuleText;
import io.basira.server.groups.LiveGroups;
import io.basira.server.groups.MidnightEvaluation;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Groups through the API, written once and run on every database: definitions and their refusals, live
 * membership as data arrives, manual lists, why, history, templates and midnight. "Today" starts at
 * 2024-06-01 12:00 Riyadh on a clock the midnight test advances; the scheduled check is off, the test runs it.
 */
@Import(MutableClock.Configuration.class)
abstract class GroupsContract extends ApiTestBase {

    static final Instant START = MutableClock.START;

    @Autowired
    MutableClock clock;

    @Autowired
    MidnightEvaluation midnight;

    @Autowired
    LiveGroups live;

    @Autowired
    SegmentQuery segments;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    private static String group(String key, String rule) {
        return "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"rule\":\"" + rule.replace("'", "'") + "\"}";
    }

    private static List<String> keysOf(JsonNode card) {
        List<String> keys = new ArrayList<>();
        card.get("groups").forEach(k -> keys.add(k.asString()));
        return keys;
    }

    private static List<String> history(Api api, String key) {
        List<String> lines = new ArrayList<>();
        json(api.get("/api/v1/groups/" + key + "/history"))
                .get("items")
                .forEach(e -> lines.add(e.get("customer_id").asString() + " "
                        + e.get("change").asString() + " " + e.get("cause").asString()));
        return lines;
    }

    private static List<String> members(Api api, String key) {
        List<String> ids = new ArrayList<>();
        json(api.get("/api/v1/groups/" + key + "/members?size=500"))
                .get("items")
                .forEach(c -> ids.add(c.get("customer_id").asString()));
        return ids;
    }

    @Test
    void a_group_is_created_listed_read_changed_and_deleted() {
        Api api = newStore("crud");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "2000", "2024-05-01"));
        Api.Response created = api.postJson("/api/v1/groups", group("vip", "total_spent > 1500 or order_count > 10"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(json(created).get("rule").asString()).isEqualTo("total_spent > 1500 OR order_count > 10");
        assertThat(json(created).get("rule_json").get("any").get(0).get("field").asString())
                .isEqualTo("total_spent");
        assertThat(json(created).get("member_count").asInt()).isEqualTo(1);
        assertThat(json(api.get("/api/v1/groups"))
                        .get("items")
                        .get(0)
                        .get("member_count")
                        .asInt())
                .isEqualTo(1);

        Api.Response changed = api.putJson(
                "/api/v1/groups/vip",
                "{\"name\":\"كبار العملاء\",\"rule_json\":{\"field\":\"total_spent\",\"op\":\">\",\"value\":5000}}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(json(changed).get("name").asString()).isEqualTo("كبار العملاء");
        assertThat(json(changed).get("rule").asString()).isEqualTo("total_spent > 5000");
        assertThat(json(changed).get("member_count").asInt()).isZero();
        assertThat(history(api, "vip")).containsExactly("C1 left rule_change", "C1 entered rule_change");

        Api.Response renamed = api.putJson("/api/v1/groups/vip", "{\"name\":\"VIP\"}");
        assertThat(json(renamed).get("name").asString()).isEqualTo("VIP");
        assertThat(json(renamed).get("rule").asString())
                .as("a name-only change keeps the rule")
                .isEqualTo("total_spent > 5000");
        assertThat(api.putJson("/api/v1/groups/nope", "{\"name\":\"x\"}").status())
                .isEqualTo(404);

        assertThat(api.delete("/api/v1/groups/vip").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/groups/vip").status()).isEqualTo(404);
        assertThat(json(api.get("/api/v1/groups")).get("items")).isEmpty();
    }

    @Test
    void a_wrong_rule_is_refused_with_its_position_and_nothing_is_saved() {
        Api api = newStore("refusals");
        Api.Response syntax = api.postJson("/api/v1/groups", group("vip", "total_spent >"));
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(json(syntax).get("detail").asString()).startsWith("line 1, column 14: expected a value after '>'");
        Api.Response badJson = api.postJson(
                "/api/v1/groups",
                "{\"key\":\"vip\",\"rule_json\":{\"all\":[{\"field\":\"total_spent\",\"op\":\">\",\"value\":\"abc\"}]}}");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(json(badJson).get("detail").asString()).startsWith("at $.all[0]");
        Api.Response missing = api.postJson("/api/v1/groups", group("fans", "group = 'vip' AND store_rating >= 4"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).get("detail").asString()).isEqualTo("the rule names groups that do not exist: vip");
        assertThat(api.postJson("/api/v1/groups", group("Bad Key", "order_count > 1"))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups", group("templates", "order_count > 1"))
                        .status())
                .isEqualTo(400);
        assertThat(api.postJson("/api/v1/groups", group("vip", "order_count > 1"))
                        .status())
                .isEqualTo(201);
        Api.Response twice = api.postJson("/api/v1/groups", group("vip", "order_count > 2"));
        assertThat(json(twice).get("detail").asString()).isEqualTo("a group with key 'vip' already exists");
        assertThat(json(api.get("/api/v1/groups")).get("items")).hasSize(1);
    }

    @Test
    void groups_naming_each_other_in_a_circle_are_refused_and_a_named_group_cannot_be_deleted() {
        Api api = newStore("cycles");
        api.postJson("/api/v1/groups", group("a", "order_count > 1"));
        api.postJson("/api/v1/groups", group("b", "group = 'a' AND total_spent > 10"));
        api.postJson("/api/v1/groups", group("c", "group = 'b'"));
        Api.Response cycle = api.putJson("/api/v1/groups/a", "{\"rule\":\"group = 'c' OR order_count > 5\"}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(json(cycle).get("detail").asString())
                .isEqualTo("groups reference each other in a cycle: a → c → b → a");
        assertThat(api.putJson("/api/v1/groups/a", "{\"rule\":\"group = 'a'\"}").status())
                .isEqualTo(400);
        assertThat(json(api.get("/api/v1/groups/a")).get("rule").asString()).isEqualTo("order_count > 1");
        Api.Response named = api.delete("/api/v1/groups/a");
        assertThat(named.status()).isEqualTo(400);
        assertThat(json(named).get("detail").asString())
                .isEqualTo("group 'a' cannot be deleted: the rules of b name it");
    }

    @Test
    void a_customer_crossing_1500_enters_vip_as_orders_arrive_and_the_group_says_why() {
        Api api = newStore("live");
        api.postJson("/api/v1/customers", customer("C1", "سارة"));
        api.postJson("/api/v1/groups", group("vip", "total_spent > 1500 OR order_count > 10"));
        api.postJson("/api/v1/groups", group("vip-happy", "group = 'vip' AND store_rating >= 4"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1000.00", "2024-05-01"));
        assertThat(members(api, "vip")).isEmpty();
        api.postJson("/api/v1/orders", order("O2", "C1", "completed", "720.00", "2024-05-20"));
        assertThat(members(api, "vip")).containsExactly("C1");
        assertThat(history(api, "vip")).containsExactly("C1 entered order");
        api.postJson(
                "/api/v1/reviews",
                "{\"review_id\":\"R1\",\"customer_id\":\"C1\",\"rating\":5,\"created_at\":\"2024-05-21\"}");
        assertThat(keysOf(json(api.get("/api/v1/customers/C1")))).containsExactly("vip", "vip-happy");

        JsonNode why = json(api.get("/api/v1/groups/vip/members/C1/why"));
        assertThat(why.get("member").asBoolean()).isTrue();
        assertThat(why.get("conditions").get(0).toString())
                .isEqualTo(
                        "{\"condition\":\"total_spent > 1500\",\"held\":true,\"truth\":\"true\",\"value\":\"1720.00\"}");
        assertThat(why.get("conditions").get(1).get("held").asBoolean()).isFalse();
        assertThat(why.get("conditions").get(1).get("value").asString()).isEqualTo("2");

        api.postJson("/api/v1/orders", order("O2", "C1", "cancelled", "720.00", "2024-05-20"));
        assertThat(members(api, "vip")).isEmpty();
        assertThat(members(api, "vip-happy")).isEmpty();
        assertThat(history(api, "vip")).containsExactly("C1 left order", "C1 entered order");
        assertThat(api.get("/api/v1/groups/vip/members/C9/why").status()).isEqualTo(404);
    }

    @Test
    void manual_additions_and_exclusions_survive_a_rule_change() {
        Api api = newStore("manual");
        for (String id : List.of("C1", "C2", "C3")) {
            api.postJson("/api/v1/customers", customer(id, id));
        }
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "2000", "2024-05-01"));
        api.postJson("/api/v1/groups", group("vip", "total_spent > 1500"));
        assertThat(json(api.postJson("/api/v1/groups/vip/additions/C2", ""))
                        .get("member")
                        .asBoolean())
                .isTrue();
        assertThat(json(api.postJson("/api/v1/groups/vip/exclusions/C1", ""))
                        .get("member")
                        .asBoolean())
                .isFalse();
        assertThat(members(api, "vip")).containsExactly("C2");

        api.putJson("/api/v1/groups/vip", "{\"rule\":\"order_count >= 0\"}");
        assertThat(members(api, "vip")).containsExactly("C2", "C3");
        JsonNode why = json(api.get("/api/v1/groups/vip/members/C1/why"));
        assertThat(why.get("matches_rule").asBoolean()).isTrue();
        assertThat(why.get("excluded_manually").asBoolean()).isTrue();
        assertThat(why.get("member").asBoolean()).isFalse();

        api.putJson("/api/v1/groups/vip", "{\"rule\":\"total_spent > 1500\"}");
        assertThat(members(api, "vip")).containsExactly("C2");
        assertThat(api.delete("/api/v1/groups/vip/exclusions/C1").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/groups/vip/additions/C2").status()).isEqualTo(200);
        assertThat(members(api, "vip")).containsExactly("C1");
        assertThat(history(api, "vip"))
                .containsExactly(
                        "C2 left manual",
                        "C1 entered manual",
                        "C3 left rule_change",
                        "C3 entered rule_change",
                        "C1 left manual",
                        "C2 entered manual",
                        "C1 entered rule_change");
        assertThat(api.postJson("/api/v1/groups/vip/additions/C9", "").status()).isEqualTo(404);
    }

    @Test
    void members_are_listed_sorted_by_any_card_field_and_exported() {
        Api api = newStore("members");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", customer("C2", "B"));
        api.postJson("/api/v1/customers", customer("C3", "C"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O2", "C2", "completed", "300", "2024-05-02"));
        api.postJson("/api/v1/groups", group("buyers", "order_count > 0"));
        JsonNode page = json(api.get("/api/v1/groups/buyers/members?sort=total_spent&direction=desc&size=1"));
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("customer_id").asString()).isEqualTo("C2");
        assertThat(api.get("/api/v1/groups/buyers/members?sort=shoe_size").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/groups/buyers/members/export")
                        .body()
                        .lines()
                        .toList())
                .containsExactly(
                        "customer_id,order_count,total_spent,average_order_value,cancelled_orders,returned_orders,"
                                + "last_purchase_at,first_order_at,abandoned_carts,store_rating,days_since_last_purchase,"
                                + "discount_share,wishlist_count,reviews_count,last_seen_at,sessions_30d,page_views_30d,"
                                + "product_views_30d,visitor_type,viewed_products_7d,viewed_products_30d,viewed_categories_7d,viewed_categories_30d,"
                                + "loyalty_points,loyalty_tier,points_expiring_30d,lifetime_points",
                        "C1,1,100.00,100.00,0,0,2024-04-30T21:00:00Z,2024-04-30T21:00:00Z,0,,31,0.0000,0,0,,0,0,0,,,,,,0,,0,0",
                        "C2,1,300.00,300.00,0,0,2024-05-01T21:00:00Z,2024-05-01T21:00:00Z,0,,30,0.0000,0,0,,0,0,0,,,,,,0,,0,0");
        assertThat(api.get("/api/v1/groups/nope/members").status()).isEqualTo(404);
    }

    @Test
    void templates_fields_and_operators_are_offered_and_a_template_creates_a_group() {
        Api api = newStore("catalogue");
        JsonNode templates = json(api.get("/api/v1/groups/templates"));
        assertThat(templates.findValuesAsString("key")).contains("vip", "inactive", "cart-abandoners");
        assertThat(templates.get(0).get("rule").asString()).isEqualTo("total_spent > 1500 OR order_count > 10");
        Api.Response created = api.postJson("/api/v1/groups", "{\"template\":\"inactive\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(json(created).get("rule").asString()).isEqualTo("last_purchase_at < -90d");
        assertThat(json(created).get("depends_on_today").asBoolean()).isTrue();
        assertThat(json(created).get("name").asString()).isEqualTo("عملاء غير نشطين");

        JsonNode fields = json(api.get("/api/v1/segment-fields"));
        JsonNode spent = fields.get(1);
        assertThat(spent.get("name").asString()).isEqualTo("total_spent");
        assertThat(spent.get("type").asString()).isEqualTo("money");
        assertThat(spent.get("label_ar").asString()).isEqualTo("إجمالي الإنفاق");
        assertThat(spent.get("operators").toString()).contains("\"between\"", "\"in\"");
        assertThat(fields.findValues("allowed_values").toString()).contains("female");
        JsonNode operators = json(api.get("/api/v1/segment-operators"));
        assertThat(operators.findValuesAsString("code")).contains("=", "between", "in", "is_null", "is_not_null");
    }

    @Test
    void preview_counts_a_rule_without_saving_it() {
        Api api = newStore("preview");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", "{\"customer_id\":\"C2\",\"country\":\"SA\",\"created_at\":\"2024-01-01\"}");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-05-01"));
        assertThat(json(api.postJson("/api/v1/groups/preview", "{\"rule\":\"order_count = 0 OR country IN ('SA')\"}"))
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.postJson(
                                "/api/v1/groups/preview",
                                "{\"rule_json\":{\"field\":\"last_purchase_at\"," + "\"op\":\"is_null\"}}"))
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.postJson("/api/v1/groups/preview", "{\"rule\":\"store_rating IS NULL\"}"))
                        .get("count")
                        .asInt())
                .isEqualTo(2);
        Api.Response wrong = api.postJson("/api/v1/groups/preview", "{\"rule\":\"country IN ('SA'\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(json(wrong).get("detail").asString()).startsWith("line 1, column ");
        assertThat(json(api.get("/api/v1/groups")).get("items")).isEmpty();
    }

    @Test
    void an_import_reevaluates_every_group_with_cause_import() {
        Api api = newStore("importing");
        api.postJson("/api/v1/groups", group("big", "total_spent >= 500"));
        Api.Response upload = api.upload(
                "/api/v1/imports",
                Map.of(
                        "customers.csv",
                        "customer_id,created_at\nC1,2024-01-01\nC2,2024-01-01\n",
                        "orders.csv",
                        "order_id,customer_id,created_at,status,total\nO1,C1,2024-02-01,completed,500\n"
                                + "O2,C2,2024-02-01,completed,499.99\n"));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(members(api, "big")).containsExactly("C1");
        assertThat(history(api, "big")).containsExactly("C1 entered import");
    }

    @Test
    void groups_with_relative_dates_move_at_the_stores_midnight() {
        Api api = newStore("midnight");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", customer("C2", "B"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-03-04T10:00:00+03:00"));
        api.postJson("/api/v1/orders", order("O2", "C2", "completed", "100", "2024-05-30T10:00:00+03:00"));
        api.postJson("/api/v1/groups", group("inactive", "last_purchase_at < -90d"));
        api.postJson("/api/v1/groups", group("fixed", "last_purchase_at < '2024-03-05'"));
        api.postJson("/api/v1/groups", group("win-back", "group = 'inactive' AND total_spent > 50"));
        assertThat(members(api, "inactive")).isEmpty();

        clock.set(Instant.parse("2024-06-01T20:59:00Z")); // 23:59 in Riyadh: -90d is still 2024-03-03
        midnight.run();
        clock.set(Instant.parse("2024-06-01T21:00:00Z")); // 2024-06-02 00:00: -90d is 2024-03-04, not after it
        midnight.run();
        assertThat(members(api, "inactive")).isEmpty();
        clock.set(Instant.parse("2024-06-02T21:00:00Z")); // 2024-06-03: -90d is 2024-03-05 > 2024-03-04
        midnight.run();
        assertThat(members(api, "inactive")).containsExactly("C1");
        assertThat(members(api, "win-back")).containsExactly("C1");
        assertThat(history(api, "inactive")).containsExactly("C1 entered midnight");
        assertThat(history(api, "win-back")).containsExactly("C1 entered midnight");
        assertThat(history(api, "fixed")).containsExactly("C1 entered rule_change");
        midnight.run();
        assertThat(history(api, "inactive")).hasSize(1);

        api.postJson("/api/v1/orders", order("O3", "C1", "completed", "100", "2024-06-02T10:00:00+03:00"));
        assertThat(members(api, "inactive")).isEmpty();
        assertThat(history(api, "inactive")).first().isEqualTo("C1 left order");
    }

    @Test
    void a_restart_catches_up_the_midnights_it_missed() {
        Api api = newStore("restart");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-03-04T10:00:00+03:00"));
        api.postJson("/api/v1/groups", group("inactive", "last_purchase_at < -90d"));
        live.forgetAll(); // the server stops on 2024-06-01
        clock.set(Instant.parse("2024-06-02T21:00:00Z")); // and starts on 2024-06-03
        assertThat(json(api.get("/api/v1/groups/inactive")).get("member_count").asInt())
                .isEqualTo(1);
        assertThat(history(api, "inactive")).containsExactly("C1 entered midnight");
    }

    @Test
    void a_query_of_the_command_line_names_saved_groups_evaluated_as_of_its_day() {
        Api api = newStore("query");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", customer("C2", "B"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100", "2024-03-04T10:00:00+03:00"));
        api.postJson("/api/v1/groups", group("inactive", "last_purchase_at < -90d"));
        api.postJson("/api/v1/groups/inactive/exclusions/C2", "");
        var store = stores.findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        var rule = RuleText.parse("group = 'inactive' OR order_count = 0");
        assertThat(segments.members(store, rule, LocalDate.of(2024, 6, 1))).containsExactly("C2");
        assertThat(segments.members(store, rule, LocalDate.of(2024, 6, 3))).containsExactly("C1", "C2");
        assertThat(segments.members(store, RuleText.parse("group = 'inactive'"), LocalDate.of(2024, 7, 1)))
                .containsExactly("C1");
        assertThat(members(api, "inactive")).isEmpty();
    }
}
