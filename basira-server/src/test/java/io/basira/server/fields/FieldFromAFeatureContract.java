package io.basira.server.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.groups.SegmentQuery;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.ValueType;
import io.basira.segment.text.RuleText;
import io.basira.server.dashboard.DashboardClient;
import io.basira.server.groups.LiveGroups;
import io.basira.server.groups.jdbc.JdbcGroups;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A field a server feature registers (a {@link FieldSet} bean, ARCHITECTURE.md "Add a rule field") works
 * wherever the server reads rules: a group saved through the API with a rule on it, its member count and
 * live membership as orders arrive, the stored rule read back after the memory is dropped, the preview, the
 * command line's segment query, the customer and group exports, and the dashboard's list filter, rule
 * check, group page and customer card. The test feature's value is derived from the card (a point per whole riyal
 * spent): loading a value from a feature's own table is not built yet. Its labels come from a test bundle
 * ({@code fields-test-messages}), as a real feature's come from its lines in the application's bundles.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
@Import(FieldFromAFeatureContract.LoyaltyFeature.class)
abstract class FieldFromAFeatureContract {

    /** The test feature: {@code feature_points}, exported, not sortable; imported, not a nested default configuration. */
    static class LoyaltyFeature {
        @Bean
        FieldSet loyaltyTestFields() {
            return () -> List.of(SegmentField.builder("feature_points", ValueType.INTEGER)
                    .unit("points")
                    .value((customer, context) ->
                            BigDecimal.valueOf(customer.card().totalSpentMinor() / 100))
                    .exported()
                    .build());
        }

        /** The field's labels, from a test bundle next to the application's. */
        @Bean
        static BeanPostProcessor fieldsTestMessages() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof ResourceBundleMessageSource messages) {
                        messages.addBasenames("fields-test-messages");
                    }
                    return bean;
                }
            };
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    AddDashboardUser users;

    @Autowired
    LiveGroups live;

    @Autowired
    JdbcGroups groups;

    @Autowired
    SegmentQuery segments;

    @Autowired
    FieldCatalogue fields;

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static String customer(String id) {
        return "{\"customer_id\":\"" + id + "\",\"first_name\":\"" + id + "\",\"created_at\":\"2024-01-01\"}";
    }

    private static String order(String id, String customer, String total) {
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"completed\",\"total\":\""
                + total + "\",\"created_at\":\"2024-05-01\"}";
    }

    @Test
    void the_catalogue_bean_has_the_feature_field_after_the_built_ins() {
        List<String> names = fields.names();
        assertThat(names.get(names.size() - 1)).isEqualTo("feature_points");
        assertThat(names).contains("total_spent", "tags", "group");
    }

    @Test
    void a_group_on_the_feature_field_is_saved_counted_and_followed_everywhere() {
        Store store = stores.create(
                "loyal-" + UUID.randomUUID().toString().substring(0, 8),
                "loyal",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        for (String id : List.of("C1", "C2", "C3")) {
            api.postJson("/api/v1/customers", customer(id));
        }
        api.postJson("/api/v1/orders", order("O1", "C1", "1500.00"));
        api.postJson("/api/v1/orders", order("O2", "C2", "999.99"));

        Api.Response created = api.postJson(
                "/api/v1/groups", "{\"key\":\"loyal\",\"name\":\"Loyal\",\"rule\":\"Feature_Points >= 1000\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(json(created.body()).get("rule").asString()).isEqualTo("feature_points >= 1000");
        assertThat(json(created.body()).get("rule_json").get("field").asString())
                .isEqualTo("feature_points");
        assertThat(json(created.body()).get("member_count").asInt()).isEqualTo(1);

        api.postJson("/api/v1/orders", order("O3", "C2", "0.01")); // C2 reaches 1000 points: live
        assertThat(json(api.get("/api/v1/groups/loyal").body())
                        .get("member_count")
                        .asInt())
                .isEqualTo(2);
        assertThat(json(api.get("/api/v1/customers/C2").body()).get("groups").toString())
                .contains("\"loyal\"");

        Api.Response preview = api.postJson(
                "/api/v1/groups/preview", "{\"rule_json\":{\"field\":\"feature_points\",\"op\":\"<\",\"value\":1000}}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(json(preview.body()).get("count").asInt()).isEqualTo(1);
        Api.Response unknown = api.postJson("/api/v1/groups/preview", "{\"rule\":\"feature_point > 1\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field 'feature_point'; did you mean 'feature_points'?");

        live.forgetAll(); // the stored rule is read back
        assertThat(groups.all(store.id()).get(0).ruleText()).isEqualTo("feature_points >= 1000");
        assertThat(json(api.get("/api/v1/groups/loyal").body())
                        .get("member_count")
                        .asInt())
                .isEqualTo(2);

        assertThat(segments.members(store, RuleText.parse("feature_points < 1000", fields), LocalDate.of(2024, 6, 1)))
                .containsExactly("C3");

        String export = api.get("/api/v1/customers/export").body();
        assertThat(export.lines().findFirst().orElseThrow()).endsWith(",feature_points");
        assertThat(export).contains("\nC1,").containsPattern("(?m)^C1,.*,1500$").containsPattern("(?m)^C3,.*,0$");
        String members = api.get("/api/v1/groups/loyal/members/export").body();
        assertThat(members.lines().findFirst().orElseThrow()).endsWith(",feature_points");

        var owner = users.add(store.id(), "owner@" + store.slug() + ".test", Role.OWNER);
        DashboardClient browser = new DashboardClient(port);
        browser.signIn(owner.user().email(), owner.password());
        HttpResponse<String> check =
                browser.postJson("/groups/new", "/groups/rules/check", "{\"rule\":\"feature_points >= 1000\"}");
        assertThat(json(check.body()).get("ok").asBoolean()).as(check.body()).isTrue();
        assertThat(json(check.body()).get("count").asInt()).isEqualTo(2);
        HttpResponse<String> list = browser.get("/customers?rule=feature_points%20%3C%201000");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/customers/C3").doesNotContain("/customers/C1\"");
        HttpResponse<String> page = browser.get("/groups/loyal");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("feature_points").contains("/customers/C1");
        HttpResponse<String> groupCsv = browser.get("/groups/loyal/export");
        assertThat(groupCsv.body().lines().findFirst().orElseThrow()).endsWith(",feature_points");
        HttpResponse<String> customersCsv = browser.get("/customers/export");
        assertThat(customersCsv.body().lines().findFirst().orElseThrow()).endsWith(",feature_points");
        HttpResponse<String> card = browser.get("/customers/C1?lang=en"); // after the card's indicators
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body())
                .containsPattern("data-field=\"reviews_count\"[\\s\\S]*data-field=\"feature_points\"")
                .containsPattern("<dt>Loyalty points</dt>\\s*<dd>1,500</dd>");
    }
}
