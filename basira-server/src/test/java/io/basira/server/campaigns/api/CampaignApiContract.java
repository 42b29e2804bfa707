package io.basira.server.campaigns.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.Messenger;
import io.basira.campaigns.SendOutcome;
import io.basira.server.campaigns.CampaignService;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.webhooks.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns through the API on every database (docs/campaigns.md): the abandoned-cart flow end to end on an injected
 * clock (reminders due at 1 h and 13 h, the second stopped when the cart is bought, the whole stopped when the customer
 * orders), the single-use discount code in checkout, the report's figures, status changes and refusals, and one store
 * never seeing another's campaigns. The messenger is this test's recording fake (primary over any real one).
 */
@Import({MutableClock.Configuration.class, CampaignApiContract.Recording.class})
@TestPropertySource(
        properties = {"basira.campaigns.loop.enabled=false", "basira.webhooks.allow-private-addresses=true"})
public abstract class CampaignApiContract extends ApiTestBase {

    public static final String CART_CAMPAIGN =
            "{\"name\":\"Cart reminders\",\"kind\":\"abandoned_cart\",\"channel\":\"email\","
                    + "\"subject_ar\":\"سلتك تنتظرك\",\"body_ar\":\"أكمل طلبك\",\"subject_en\":\"Your cart\",\"body_en\":\"Come back\","
                    + "\"control_percent\":0,\"discount_percent\":10,\"discount_valid_days\":2,"
                    + "\"survey_question\":\"Why did you not buy?\"}";

    /** Records every message; answers Sent. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        @Primary
        RecordingMessenger recordingMessenger() {
            return new RecordingMessenger();
        }
    }

    static final class RecordingMessenger implements Messenger {
        final List<MessageRequest> sent = new CopyOnWriteArrayList<>();

        @Override
        public SendOutcome send(MessageRequest request) {
            sent.add(request);
            return new SendOutcome.Sent(Instant.now(), "m" + sent.size());
        }

        List<MessageRequest> of(String campaignId) {
            return sent.stream().filter(r -> r.campaignId().equals(campaignId)).toList();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    CampaignService campaigns;

    @Autowired
    RecordingMessenger messenger;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    private static String cart(String id, String customer, String status, String updatedAt) {
        return "{\"cart_id\":\"" + id + "\",\"customer_id\":\"" + customer
                + "\",\"created_at\":\"2024-06-01T08:00:00Z\","
                + "\"updated_at\":\"" + updatedAt + "\",\"total\":\"300.00\",\"items_count\":2,\"status\":\"" + status
                + "\"}";
    }

    private long created(Api api, String body) {
        Api.Response response = api.postJson("/api/v1/campaigns", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asLong();
    }

    @Test
    void abandoned_carts_are_reminded_at_one_and_thirteen_hours_and_buying_stops_the_rest() {
        Api api = newStore("carts");
        api.postJson("/api/v1/customers", customer("C1", "Noura"));
        api.postJson("/api/v1/customers", customer("C2", "Fahad"));
        long id = created(api, CART_CAMPAIGN);
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                .isEqualTo(200);
        String campaign = String.valueOf(id);

        Instant abandoned = MutableClock.START.plus(Duration.ofMinutes(10));
        api.postJson("/api/v1/carts", cart("K1", "C1", "abandoned", abandoned.toString()));
        api.postJson("/api/v1/carts", cart("K2", "C2", "abandoned", abandoned.toString()));
        clock.set(abandoned.plus(Duration.ofMinutes(59)));
        assertThat(campaigns.runDue().enrolled()).isEqualTo(4);
        assertThat(messenger.of(campaign)).isEmpty();
        assertThat(campaigns.runDue().enrolled()).isZero();

        clock.set(abandoned.plus(Duration.ofHours(1)));
        assertThat(campaigns.runDue().round().sent()).isEqualTo(2);
        List<MessageRequest> first = messenger.of(campaign);
        assertThat(first).extracting(MessageRequest::triggerKey).containsExactlyInAnyOrder("cart:K1:1", "cart:K2:1");
        MessageRequest toNoura = first.stream()
                .filter(r -> r.customerId().equals("C1"))
                .findFirst()
                .orElseThrow();
        assertThat(toNoura.template().arabic().subject()).isEqualTo("سلتك تنتظرك");
        assertThat(toNoura.variables().surveyUrl()).contains("/survey/");
        String code = toNoura.variables().couponCode();
        assertThat(code).startsWith("CMP-");
        assertThat(toNoura.variables().couponExpiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        JsonNode coupon = json(api.get("/api/v1/checkout/coupons/" + code));
        assertThat(coupon.toString()).contains("\"usage_limit\":1");
        String survey = toNoura.variables().surveyUrl();
        Api.Response page = api.get(survey);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Why did you not buy?");
        assertThat(api.post(survey, "application/x-www-form-urlencoded", "answer=too+expensive")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/survey/not-a-token").status()).isEqualTo(404);

        // C1 buys the cart; C2 places an order of their own
        api.postJson(
                "/api/v1/carts",
                cart(
                        "K1",
                        "C1",
                        "converted",
                        abandoned.plus(Duration.ofHours(2)).toString()));
        api.postJson(
                "/api/v1/orders",
                order(
                        "O2",
                        "C2",
                        "completed",
                        "120.00",
                        abandoned.plus(Duration.ofHours(3)).toString()));
        clock.set(abandoned.plus(Duration.ofHours(13)));
        assertThat(campaigns.runDue().round().cancelled()).isEqualTo(2);
        assertThat(messenger.of(campaign)).hasSize(2);
        clock.set(abandoned.plus(Duration.ofDays(3)));
        assertThat(campaigns.runDue().round().claimed()).isZero();

        JsonNode report = json(api.get("/api/v1/campaigns/" + id + "/report"));
        assertThat(report.get("outcomes").get("sent").asLong()).isEqualTo(2);
        assertThat(report.get("outcomes").get("cancelled:cart_bought").asLong()).isEqualTo(1);
        assertThat(report.get("outcomes").get("cancelled:customer_ordered").asLong())
                .isEqualTo(1);
        assertThat(report.get("treatment").get("recipients").asLong()).isEqualTo(2);
        assertThat(report.get("treatment").get("conversions").asLong()).isEqualTo(1);
        assertThat(report.get("treatment").get("revenue").asString()).isEqualTo("120.00");
        assertThat(report.get("treatment").get("revenue_per_recipient").asString())
                .isEqualTo("60.00");
        assertThat(report.get("lift").get("verdict").asString()).isEqualTo("no_control");
        assertThat(report.get("survey_answers").get(0).get("answer").asString()).isEqualTo("too expensive");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM campaign_enrolments WHERE campaign_id = ?", Integer.class, id))
                .isEqualTo(4);
    }

    @Test
    void a_one_off_to_a_group_keeps_its_control_group_back_and_the_report_counts_orders_in_the_window() {
        Api api = newStore("oneoff");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            bulk.append(customer("C" + i, "n" + i)).append('\n');
        }
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", bulk.toString())
                        .status())
                .isLessThan(300);
        assertThat(api.postJson("/api/v1/groups", "{\"key\":\"all\",\"name\":\"all\",\"rule\":\"order_count >= 0\"}")
                        .status())
                .isEqualTo(201);
        long id = created(
                api,
                "{\"name\":\"Sale\",\"kind\":\"one_off\",\"groups\":[\"all\"],\"body_en\":\"Sale!\","
                        + "\"control_percent\":50,\"attribution_days\":7}");
        api.postJson("/api/v1/campaigns/" + id + "/activate", "");
        CampaignService.Run run = campaigns.runDue();
        assertThat(run.enrolled()).isEqualTo(60);
        int control = jdbc.queryForObject(
                "SELECT COUNT(*) FROM campaign_enrolments WHERE campaign_id = ? AND "
                        + "arm = 'control' AND state = 'control'",
                Integer.class,
                id);
        assertThat(control).isBetween(15, 45);
        assertThat(messenger.of(String.valueOf(id))).hasSize(60 - control);
        assertThat(campaigns.runDue().enrolled()).isZero();

        List<String> treated = jdbc.queryForList(
                "SELECT customer_external_id FROM campaign_enrolments WHERE "
                        + "campaign_id = ? AND arm = 'treatment' ORDER BY customer_external_id",
                String.class,
                id);
        Instant now = clock.instant();
        api.postJson(
                "/api/v1/orders",
                order(
                        "O1",
                        treated.get(0),
                        "completed",
                        "100.00",
                        now.plus(Duration.ofDays(2)).toString()));
        api.postJson(
                "/api/v1/orders",
                order(
                        "O2",
                        treated.get(1),
                        "completed",
                        "50.00",
                        now.plus(Duration.ofDays(8)).toString()));
        api.postJson(
                "/api/v1/orders",
                order(
                        "O3",
                        treated.get(2),
                        "cancelled",
                        "70.00",
                        now.plus(Duration.ofDays(1)).toString()));
        api.postJson(
                "/api/v1/orders",
                order(
                        "O4",
                        treated.get(3),
                        "completed",
                        "10.00",
                        now.minus(Duration.ofDays(1)).toString()));
        JsonNode report = json(api.get("/api/v1/campaigns/" + id + "/report"));
        assertThat(report.get("treatment").get("recipients").asLong()).isEqualTo(60 - control);
        assertThat(report.get("control").get("recipients").asLong()).isEqualTo(control);
        assertThat(report.get("treatment").get("conversions").asLong()).isEqualTo(1);
        assertThat(report.get("treatment").get("revenue").asString()).isEqualTo("100.00");
        assertThat(report.get("lift").get("verdict").asString()).isEqualTo("too_small");
        assertThat(report.get("lift").get("summary").asString()).contains("Too few");
    }

    @Test
    void enrolments_and_their_conversions_are_told_as_webhooks_once_each_on_both_sides() {
        Api api = newStore("hooks");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long crm = endpoint(api, receiver.url("/crm"), "campaign.enrolled", "campaign.converted");
            long mailer = endpoint(api, receiver.url("/mailer"), "campaign.message");
            StringBuilder bulk = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                bulk.append(customer("H" + i, "n" + i)).append('\n');
            }
            assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", bulk.toString())
                            .status())
                    .isLessThan(300);
            assertThat(api.postJson(
                                    "/api/v1/groups",
                                    "{\"key\":\"all\",\"name\":\"all\",\"rule\":\"order_count >= 0\"}")
                            .status())
                    .isEqualTo(201);
            long id = created(
                    api,
                    "{\"name\":\"Sale\",\"kind\":\"one_off\",\"groups\":[\"all\"],\"body_en\":\"Sale!\","
                            + "\"control_percent\":50,\"attribution_days\":7}");
            api.postJson("/api/v1/campaigns/" + id + "/activate", "");
            assertThat(campaigns.runDue().enrolled()).isEqualTo(40);
            assertThat(campaigns.runDue().enrolled()).isZero();

            List<JsonNode> enrolled = told(crm, "campaign.enrolled");
            assertThat(enrolled).hasSize(40);
            assertThat(told(mailer, "campaign.enrolled")).isEmpty();
            java.util.Map<String, String> arms = new java.util.HashMap<>();
            jdbc.query(
                    "SELECT customer_external_id, arm FROM campaign_enrolments WHERE campaign_id = ?",
                    rs -> {
                        arms.put(rs.getString(1), rs.getString(2));
                    },
                    id);
            for (JsonNode body : enrolled) {
                JsonNode data = body.get("data");
                assertThat(data.get("campaign_id").asString()).isEqualTo(String.valueOf(id));
                assertThat(data.get("trigger_key").asString()).isEqualTo("one-off");
                assertThat(data.get("arm").asString())
                        .isEqualTo(arms.get(data.get("customer_id").asString()));
                assertThat(Instant.parse(data.get("due_at").asString())).isEqualTo(clock.instant());
            }
            String treated = arms.entrySet().stream()
                    .filter(e -> e.getValue().equals("treatment"))
                    .map(java.util.Map.Entry::getKey)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            String control = arms.entrySet().stream()
                    .filter(e -> e.getValue().equals("control"))
                    .map(java.util.Map.Entry::getKey)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            String late = arms.keySet().stream()
                    .filter(c -> !c.equals(treated) && !c.equals(control))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            Instant now = clock.instant();
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO1",
                            treated,
                            "pending",
                            "100.00",
                            now.plus(Duration.ofDays(2)).toString()));
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO2",
                            control,
                            "completed",
                            "50.00",
                            now.plus(Duration.ofDays(1)).toString()));
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO3",
                            late,
                            "completed",
                            "70.00",
                            now.plus(Duration.ofDays(8)).toString()));
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO4",
                            late,
                            "cancelled",
                            "70.00",
                            now.plus(Duration.ofDays(1)).toString()));
            // the same order again, and a second order in the window: a customer converts once
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO1",
                            treated,
                            "completed",
                            "100.00",
                            now.plus(Duration.ofDays(2)).toString()));
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "HO5",
                            treated,
                            "completed",
                            "10.00",
                            now.plus(Duration.ofDays(3)).toString()));

            List<JsonNode> converted = told(crm, "campaign.converted");
            assertThat(converted)
                    .extracting(body -> body.get("data").get("customer_id").asString() + ":"
                            + body.get("data").get("arm").asString() + ":"
                            + body.get("data").get("order_id").asString())
                    .containsExactlyInAnyOrder(treated + ":treatment:HO1", control + ":control:HO2");
            JsonNode first = converted.stream()
                    .filter(b -> b.get("data").get("order_id").asString().equals("HO1"))
                    .findFirst()
                    .orElseThrow()
                    .get("data");
            assertThat(first.get("campaign_id").asString()).isEqualTo(String.valueOf(id));
            assertThat(first.get("trigger_keys").toString()).isEqualTo("[\"one-off\"]");
            assertThat(Instant.parse(first.get("ordered_at").asString())).isEqualTo(now.plus(Duration.ofDays(2)));
            assertThat(jdbc.queryForObject(
                            "SELECT converted_order_id FROM campaign_enrolments WHERE campaign_id = ? "
                                    + "AND customer_external_id = ?",
                            String.class,
                            id,
                            treated))
                    .isEqualTo("HO1");
            JsonNode report = json(api.get("/api/v1/campaigns/" + id + "/report"));
            assertThat(report.get("treatment").get("conversions").asLong()
                            + report.get("control").get("conversions").asLong())
                    .isEqualTo(converted.size());
        }
    }

    @Test
    void an_order_recorded_before_the_enrolling_round_converts_the_enrolments_when_they_are_stored() {
        Api api = newStore("early");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long crm = endpoint(api, receiver.url("/crm"), "campaign.converted");
            api.postJson("/api/v1/customers", customer("E1", "Huda"));
            long id = created(api, CART_CAMPAIGN);
            assertThat(api.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                    .isEqualTo(200);
            Instant abandoned = MutableClock.START.plus(Duration.ofMinutes(10));
            api.postJson("/api/v1/carts", cart("EK1", "E1", "abandoned", abandoned.toString()));
            api.postJson(
                    "/api/v1/orders",
                    order(
                            "EO1",
                            "E1",
                            "completed",
                            "80.00",
                            abandoned.plus(Duration.ofMinutes(20)).toString()));
            assertThat(told(crm, "campaign.converted"))
                    .as("nothing enrolled yet")
                    .isEmpty();

            clock.set(abandoned.plus(Duration.ofMinutes(30)));
            assertThat(campaigns.runDue().enrolled()).isEqualTo(2);
            assertThat(campaigns.runDue().enrolled()).isZero();
            List<JsonNode> converted = told(crm, "campaign.converted");
            assertThat(converted).hasSize(1);
            JsonNode data = converted.get(0).get("data");
            assertThat(data.get("order_id").asString()).isEqualTo("EO1");
            assertThat(data.get("arm").asString()).isEqualTo("treatment");
            assertThat(data.get("trigger_keys").toString()).isEqualTo("[\"cart:EK1:1\",\"cart:EK1:2\"]");
            // rounds run over every store: nothing of this test's is left pending for the others
            assertThat(api.postJson("/api/v1/campaigns/" + id + "/finish", "").status())
                    .isEqualTo(200);
        }
    }

    private long endpoint(Api api, String url, String... types) {
        Api.Response created = api.postJson(
                "/api/v1/webhook-endpoints",
                "{\"url\":\"" + url + "\",\"description\":" + "\"test\",\"event_types\":[\""
                        + String.join("\",\"", types) + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).get("endpoint").get("id").asLong();
    }

    /** The bodies queued for the endpoint, of one event type. */
    private List<JsonNode> told(long endpoint, String type) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM webhook_deliveries WHERE endpoint_id = ? AND event_type = ? "
                                + "ORDER BY id",
                        String.class,
                        endpoint,
                        type)
                .stream()
                .map(CampaignApiContract::parse)
                .toList();
    }

    private static JsonNode parse(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    @Test
    void win_back_and_birthday_enrol_at_the_store_midnight_once_and_group_entry_follows_the_outbox() throws Exception {
        Api api = newStore("kinds");
        api.postJson(
                "/api/v1/customers", "{\"customer_id\":\"OLD\",\"first_name\":\"Sara\",\"created_at\":\"2023-01-01\"}");
        api.postJson(
                "/api/v1/customers", "{\"customer_id\":\"NEW\",\"first_name\":\"Ali\",\"created_at\":\"2023-01-01\"}");
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"BDAY\",\"first_name\":\"Huda\",\"created_at\":\"2023-01-01\","
                        + "\"birth_date\":\"1990-06-02\"}");
        api.postJson("/api/v1/orders", order("O1", "OLD", "completed", "10.00", "2024-01-10"));
        api.postJson("/api/v1/orders", order("O2", "NEW", "completed", "10.00", "2024-05-20"));
        long winBack = created(
                api,
                "{\"name\":\"Miss you\",\"kind\":\"win_back\",\"inactive_days\":90,"
                        + "\"body_en\":\"Come back\",\"control_percent\":0}");
        long birthday = created(
                api,
                "{\"name\":\"Happy birthday\",\"kind\":\"birthday\",\"body_ar\":\"كل عام وأنت بخير\","
                        + "\"control_percent\":0}");
        api.postJson("/api/v1/campaigns/" + winBack + "/activate", "");
        api.postJson("/api/v1/campaigns/" + birthday + "/activate", "");
        io.basira.shared.Store store = stores.findById(new io.basira.shared.StoreId(
                        jdbc.queryForObject("SELECT store_id FROM campaigns WHERE id = ?", Long.class, winBack)))
                .orElseThrow();
        clock.set(Instant.parse("2024-06-01T21:00:05Z")); // 00:00:05 on 2 June in Riyadh
        assertThat(campaigns.midnight(store)).isEqualTo(2);
        assertThat(campaigns.midnight(store)).isZero();
        campaigns.runDue();
        assertThat(messenger.of(String.valueOf(winBack)))
                .extracting(MessageRequest::customerId)
                .containsExactly("OLD");
        assertThat(messenger.of(String.valueOf(winBack)).get(0).triggerKey()).isEqualTo("win-back:2024-01-10");
        assertThat(messenger.of(String.valueOf(birthday)))
                .extracting(MessageRequest::triggerKey)
                .containsExactly("birthday:2024");

        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"buyers2\",\"name\":\"two orders\"," + "\"rule\":\"order_count >= 2\"}")
                        .status())
                .isEqualTo(201);
        long entry = created(
                api,
                "{\"name\":\"Welcome\",\"kind\":\"group_entry\",\"groups\":[\"buyers2\"],"
                        + "\"body_en\":\"Thanks\",\"control_percent\":0}");
        api.postJson("/api/v1/campaigns/" + entry + "/activate", "");
        api.postJson("/api/v1/orders", order("O3", "NEW", "completed", "10.00", "2024-05-30"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject(
                                "SELECT COUNT(*) FROM campaign_enrolments WHERE campaign_id = ?", Integer.class, entry)
                        == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        campaigns.runDue();
        assertThat(messenger.of(String.valueOf(entry)))
                .extracting(MessageRequest::customerId)
                .containsExactly("NEW");
        assertThat(messenger.of(String.valueOf(entry)).get(0).triggerKey()).startsWith("entered:buyers2:");
    }

    @Test
    void status_changes_follow_the_rules_and_bad_definitions_are_refused_naming_the_field() {
        Api api = newStore("rules");
        Api.Response bad = api.postJson(
                "/api/v1/campaigns", CART_CAMPAIGN.replace("\"control_percent\":0", "\"control_percent\":95"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString()).contains("control_percent 95 is outside 0 to 90");
        // the English detail stays; the code, field and arguments are what the dashboard says it from
        assertThat(json(bad).get("code").asString()).isEqualTo("out_of_range");
        assertThat(json(bad).get("field").asString()).isEqualTo("control_percent");
        assertThat(json(bad).get("arguments").toString()).isEqualTo("[\"95\",\"0\",\"90\"]");
        assertThat(api.postJson("/api/v1/campaigns", "{\"kind\":\"abandoned_cart\",\"body_en\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(json(api.postJson("/api/v1/campaigns", "{\"name\":\"x\",\"kind\":\"carts\",\"body_en\":\"x\"}"))
                        .get("detail")
                        .asString())
                .contains("unknown campaign kind 'carts'");
        assertThat(json(api.postJson("/api/v1/campaigns", "{\"name\":\"x\",\"kind\":\"carts\",\"body_en\":\"x\"}"))
                        .get("code")
                        .asString())
                .isEqualTo("unknown_choice");
        assertThat(json(api.postJson(
                                "/api/v1/campaigns",
                                "{\"name\":\"x\",\"kind\":\"one_off\",\"body_en\":\"x\"," + "\"groups\":[\"nope\"]}"))
                        .get("detail")
                        .asString())
                .contains("no group 'nope'");
        assertThat(json(api.postJson(
                                "/api/v1/campaigns",
                                "{\"name\":\"x\",\"kind\":\"one_off\",\"body_en\":\"x\"," + "\"groups\":[\"nope\"]}"))
                        .get("code")
                        .asString())
                .isEqualTo("unknown_group");

        long id = created(api, CART_CAMPAIGN);
        JsonNode shown = json(api.get("/api/v1/campaigns/" + id));
        assertThat(shown.get("status").asString()).isEqualTo("draft");
        assertThat(shown.get("first_delay_minutes").asLong()).isEqualTo(60);
        assertThat(shown.get("second_delay_minutes").asLong()).isEqualTo(720);
        assertThat(shown.get("attribution_days").asInt()).isEqualTo(7);
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/pause", "").status())
                .isEqualTo(409);
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                .isEqualTo(200);
        assertThat(api.putJson("/api/v1/campaigns/" + id, CART_CAMPAIGN).status())
                .isEqualTo(409);
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/pause", "").status())
                .isEqualTo(200);
        Api.Response changed = api.putJson(
                "/api/v1/campaigns/" + id,
                CART_CAMPAIGN
                        .replace("Cart reminders", "Carts 2")
                        .replace("\"control_percent\":0", "\"control_percent\":0,\"second_delay_minutes\":0"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("second_delay_minutes").isNull()).isTrue();
        assertThat(json(changed).get("status").asString()).isEqualTo("paused");
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/finish", "").status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/campaigns/999999999").status()).isEqualTo(404);

        // every change is in the audit log, newest first, with the key that made it and what changed
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode entry : json(api.get("/api/v1/audit?limit=20"))) {
            if (entry.get("action").asString().startsWith("campaign.")) {
                actions.add(entry.get("action").asString());
            }
        }
        assertThat(actions)
                .containsExactly(
                        "campaign.finished",
                        "campaign.change",
                        "campaign.paused",
                        "campaign.active",
                        "campaign.create");
        assertThat(api.get("/api/v1/audit?limit=20").body()).contains("Carts 2");
    }

    @Test
    void one_store_never_sees_or_changes_another_stores_campaigns() {
        Api mine = newStore("mine");
        Api theirs = newStore("theirs");
        long id = created(mine, CART_CAMPAIGN);
        assertThat(theirs.get("/api/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(theirs.get("/api/v1/campaigns/" + id + "/report").status()).isEqualTo(404);
        assertThat(theirs.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                .isEqualTo(404);
        assertThat(theirs.putJson("/api/v1/campaigns/" + id, CART_CAMPAIGN).status())
                .isEqualTo(404);
        assertThat(json(theirs.get("/api/v1/campaigns")).size()).isZero();
        assertThat(json(mine.get("/api/v1/campaigns")).size()).isEqualTo(1);
        assertThat(json(mine.get("/api/v1/campaigns/" + id)).get("status").asString())
                .isEqualTo("draft");
    }
}
