package io.basira.server.messaging.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.basira.campaigns.Channel;
import io.basira.campaigns.ItemLink;
import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.Messenger;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.SendOutcome.DeferReason;
import io.basira.campaigns.SendOutcome.SuppressReason;
import io.basira.campaigns.TemplateText;
import io.basira.server.cards.jdbc.JdbcTimeline;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.webhooks.StandardWebhooksVerifier;
import io.basira.server.webhooks.WebhookDispatcher;
import io.basira.server.webhooks.WebhookReceiver;
import io.basira.shared.Money;
import io.basira.shared.Store;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The messenger on every database (docs/campaigns.md, "Channels", "Care", "Message log"): e-mail to a real SMTP
 * server (GreenMail) with the RFC 8058 headers, right-to-left HTML, a plain part and an Arabic subject; one
 * e-mail per idempotency key; consent, the one-click unsubscribe door and what it stops; frequency caps and
 * quiet hours on the injected clock; erased customers; secrets never echoed; one store never sees another's.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {
            "basira.webhooks.dispatch.enabled=false",
            "basira.webhooks.allow-private-addresses=true",
            "basira.messages.inbound-requests=40"
        })
abstract class MessagingContract extends ApiTestBase {

    static GreenMail smtp;

    @Autowired
    MutableClock clock;

    @Autowired
    Messenger messenger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcTimeline timeline;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    io.basira.server.campaigns.CampaignService campaigns;

    @Autowired
    io.basira.server.importing.ImportFolder importer;

    static final MessageTemplate CART = new MessageTemplate(
            new TemplateText(
                    "{{first_name}}، سلتك بانتظارك",
                    "<p>مرحبا {{first_name}}</p><ul>{{#items}}<li><a href=\"{{item.url}}\">{{item.name}}</a> "
                            + "{{item.price}}</li>{{/items}}</ul><p>{{#coupon_code}}الكود: <b>{{coupon_code}}</b>"
                            + "{{/coupon_code}}</p><script>alert(1)</script>"),
            new TemplateText("{{first_name}}, your cart is waiting", "<p>Hi {{first_name}}</p>"));

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void reset() throws Exception {
        clock.set(MutableClock.START); // 12:00 in Riyadh
        smtp.purgeEmailFromAllMailboxes();
    }

    record Shop(Api api, Store store) {}

    private Shop shop(String name) {
        Store store = stores.create(
                name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                name,
                Currency.getInstance("SAR"),
                java.time.ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        assertThat(api.send(
                                "PUT",
                                "/api/v1/messages/settings",
                                "{\"smtp_host\":\"127.0.0.1\",\"smtp_port\":"
                                        + smtp.getSmtp().getPort()
                                        + ",\"smtp_tls\":\"none\",\"smtp_username\":\"\",\"email_from\":\"shop@example.com\","
                                        + "\"sms_provider\":\"json\",\"sms_url\":\"http://127.0.0.1:9/sms\",\"sms_secret\":\"sms-very-secret\","
                                        + "\"sms_sender\":\"Shop\"}")
                        .status())
                .isEqualTo(200);
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C1\",\"first_name\":\"سارة <b>\",\"email\":\"sara@example.com\","
                        + "\"phone\":\"0501234567\",\"created_at\":\"2024-01-01\"}");
        return new Shop(api, store);
    }

    private static MessageRequest request(Store store, Purpose purpose, String trigger) {
        return new MessageRequest(
                store.id(),
                "C1",
                Channel.EMAIL,
                purpose,
                "cart-recovery",
                trigger,
                CART,
                new MessageVariables(
                        List.of(new ItemLink(
                                "P1",
                                "عود <ملكي>",
                                "https://shop.example/p/1",
                                1,
                                Money.ofMinor(35000, Currency.getInstance("SAR")))),
                        "SAVE10",
                        Instant.parse("2024-06-08T00:00:00Z"),
                        null,
                        null,
                        null));
    }

    private void grantMarketing(Shop shop) {
        assertThat(shop.api()
                        .postJson(
                                "/api/v1/messages/customers/C1/consent",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"source\":\"checkout\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_marketing_email_arrives_in_arabic_right_to_left_with_one_click_unsubscribe_and_a_plain_part()
            throws Exception {
        Shop shop = shop("mail");
        grantMarketing(shop);
        SendOutcome outcome = messenger.send(request(shop.store(), Purpose.MARKETING, "cart-1/1"));
        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("سارة <b>، سلتك بانتظارك");
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("sara@example.com");
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).matches("<http://localhost:\\d+/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(((SendOutcome.Sent) outcome).messageId()).isEqualTo(mail.getMessageID());
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertThat(html)
                .contains("<html lang=\"ar\" dir=\"rtl\">", "dir=\"rtl\"", "text-align:right")
                .contains("مرحبا سارة &lt;b&gt;")
                .contains("عود &lt;ملكي&gt;")
                .contains("https://shop.example/p/1")
                .contains("SAVE10")
                .contains("350.00 SAR")
                .doesNotContain("<script")
                .doesNotContain("alert(1)")
                .contains("إلغاء الاشتراك");
        assertThat(text)
                .contains("مرحبا سارة <b>")
                .contains("عود <ملكي> (https://shop.example/p/1)")
                .contains("SAVE10")
                .doesNotContain("<p>");
        JsonNode log = json(shop.api().get("/api/v1/messages/customers/C1/log"));
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(log.get(0).get("language").asString()).isEqualTo("ar");
        assertThat(log.get(0).get("provider_message_id").asString()).isEqualTo(mail.getMessageID());
        assertThat(timeline.of(shop.store(), "C1")).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("message");
            assertThat(e.details()).containsEntry("status", "sent").containsEntry("campaign", "cart-recovery");
        });
    }

    @Test
    void the_same_idempotency_key_sends_one_email_even_asked_at_once_from_many_threads() throws Exception {
        Shop shop = shop("once");
        MessageRequest request = request(shop.store(), Purpose.TRANSACTIONAL, "receipt-1");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<SendOutcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> messenger.send(request)));
            }
            long sent = 0;
            for (var f : outcomes) {
                SendOutcome o = f.get();
                if (o instanceof SendOutcome.Sent) {
                    sent++;
                } else {
                    assertThat(o).isEqualTo(new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT));
                }
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(messenger.send(request)).isEqualTo(new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM message_log WHERE store_id = ?",
                        Integer.class,
                        shop.store().id().value()))
                .isEqualTo(1);
    }

    @Test
    void marketing_messages_of_different_campaigns_sent_to_one_customer_at_once_pass_the_cap_one_at_a_time()
            throws Exception {
        Shop shop = shop("race");
        grantMarketing(shop);
        int senders = 4;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(senders);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        List<SendOutcome> outcomes = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<SendOutcome>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                MessageRequest request = request(shop.store(), Purpose.MARKETING, "race-" + i);
                futures.add(pool.submit(() -> {
                    together.await();
                    return messenger.send(request);
                }));
            }
            for (var f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        // one goes; the others wait for the 16-hour cap, which frees in the quiet hours: 08:00 Riyadh
        assertThat(outcomes).filteredOn(o -> o instanceof SendOutcome.Sent).hasSize(1);
        assertThat(outcomes)
                .filteredOn(o -> !(o instanceof SendOutcome.Sent))
                .hasSize(senders - 1)
                .containsOnly(new SendOutcome.Deferred(Instant.parse("2024-06-02T05:00:00Z"), DeferReason.QUIET_HOURS));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.queryForList(
                        "SELECT status FROM message_log WHERE store_id = ? ORDER BY status",
                        String.class,
                        shop.store().id().value()))
                .containsExactly("DEFERRED", "DEFERRED", "DEFERRED", "SENT");
    }

    @Test
    void a_webhook_channel_message_reaches_the_subscribed_endpoint_once_signed_with_its_secret() throws Exception {
        Shop shop = shop("hook");
        assertThat(shop.api()
                        .postJson(
                                "/api/v1/messages/customers/C1/consent",
                                "{\"channel\":\"webhook\",\"purpose\":\"marketing\"}")
                        .status())
                .isEqualTo(200);
        // the webhook channel's text is rendered as an SMS is: plain text, values as they are, the opt-out line
        MessageTemplate plain = new MessageTemplate(
                new TemplateText("{{first_name}}، سلتك بانتظارك", "مرحبا {{first_name}}، الكود {{coupon_code}}"), null);
        MessageRequest request = new MessageRequest(
                shop.store().id(),
                "C1",
                Channel.WEBHOOK,
                Purpose.MARKETING,
                "42",
                "cart:K1:1",
                plain,
                request(shop.store(), Purpose.MARKETING, "x").variables());
        assertThat(messenger.send(request))
                .as("no endpoint subscribes yet")
                .isEqualTo(new SendOutcome.Failed(
                        "no webhook endpoint of the store subscribes to campaign.message", false));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = json(shop.api()
                    .postJson(
                            "/api/v1/webhook-endpoints",
                            "{\"url\":\"" + receiver.url("/messages")
                                    + "\",\"description\":\"our mailer\",\"event_types\":[\"campaign.message\"]}"));
            shop.api()
                    .postJson(
                            "/api/v1/webhook-endpoints",
                            "{\"url\":\"" + receiver.url("/crm")
                                    + "\",\"description\":\"crm\",\"event_types\":[\"group.entered\"]}");
            SendOutcome outcome = messenger.send(request); // the failure freed the key: asked again, it goes
            assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
            assertThat(messenger.send(request)).isEqualTo(new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT));

            clock.advance(Duration.ofSeconds(3));
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            assertThat(receiver.at("/crm")).isEmpty();
            assertThat(receiver.at("/messages")).hasSize(1);
            WebhookReceiver.Request arrived = receiver.at("/messages").get(0);
            assertThat(arrived.id())
                    .isEqualTo(((SendOutcome.Sent) outcome).messageId())
                    .startsWith("msg_campaign_");
            assertThat(StandardWebhooksVerifier.verifies(
                            endpoint.get("secret").asString(),
                            arrived.id(),
                            arrived.timestamp(),
                            arrived.body(),
                            arrived.signature()))
                    .isTrue();
            assertThat(StandardWebhooksVerifier.verifies(
                            "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                            arrived.id(),
                            arrived.timestamp(),
                            arrived.body(),
                            arrived.signature()))
                    .isFalse();
            JsonNode body =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(arrived.body());
            assertThat(body.get("type").asString()).isEqualTo("campaign.message");
            JsonNode data = body.get("data");
            assertThat(data.get("customer_id").asString()).isEqualTo("C1");
            assertThat(data.get("campaign_id").asString()).isEqualTo("42");
            assertThat(data.get("trigger_key").asString()).isEqualTo("cart:K1:1");
            assertThat(data.get("purpose").asString()).isEqualTo("marketing");
            assertThat(data.get("language").asString()).isEqualTo("ar");
            assertThat(data.get("subject").asString()).isEqualTo("سارة <b>، سلتك بانتظارك");
            assertThat(data.get("text").asString())
                    .matches("مرحبا سارة <b>، الكود SAVE10\nلإيقاف الرسائل: "
                            + "http://localhost:\\d+/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
            JsonNode log = json(shop.api().get("/api/v1/messages/customers/C1/log"));
            assertThat(log.get(0).get("channel").asString()).isEqualTo("webhook");
            assertThat(log.get(0).get("status").asString()).isEqualTo("sent");
        }
    }

    @Test
    void a_key_claimed_by_a_send_that_died_is_never_sent_again() {
        Shop shop = shop("crash");
        MessageRequest request = request(shop.store(), Purpose.TRANSACTIONAL, "receipt-2");
        // what a process leaves when it dies after the SMTP server accepted and before it recorded SENT
        jdbc.update(
                "INSERT INTO message_log (store_id, customer_external_id, idempotency_key, channel, purpose, "
                        + "campaign_id, trigger_key, status, attempts, requested_at, updated_at) VALUES (?, 'C1', ?, 'EMAIL', "
                        + "'TRANSACTIONAL', 'cart-recovery', 'receipt-2', 'CLAIMED', 1, ?, ?)",
                shop.store().id().value(),
                request.idempotencyKey(),
                java.time.OffsetDateTime.now(),
                java.time.OffsetDateTime.now());
        assertThat(messenger.send(request)).isEqualTo(new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void marketing_needs_consent_and_the_one_click_unsubscribe_stops_it_but_not_transactional_mail() throws Exception {
        Shop shop = shop("care");
        assertThat(messenger.send(request(shop.store(), Purpose.MARKETING, "m-0")))
                .isEqualTo(new SendOutcome.Suppressed(SuppressReason.NO_CONSENT));
        grantMarketing(shop);
        messenger.send(request(shop.store(), Purpose.MARKETING, "m-1"));
        String url = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        String path = URI.create(url).getPath();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("إلغاء الاشتراك", "Unsubscribe", "mail");
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertThat(json(shop.api().get("/api/v1/messages/unsubscribe/" + token))
                        .get("unsubscribed")
                        .asBoolean())
                .isFalse();
        for (int i = 0; i < 2; i++) { // RFC 8058: no sign-in, no CSRF token; twice is the same as once
            HttpResponse<String> click = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(click.statusCode()).isEqualTo(200);
            assertThat(click.body()).contains("تم إلغاء اشتراكك");
        }
        assertThat(json(shop.api().get("/api/v1/messages/unsubscribe/" + token))
                        .get("unsubscribed")
                        .asBoolean())
                .isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(messenger.send(request(shop.store(), Purpose.MARKETING, "m-2")))
                .isEqualTo(new SendOutcome.Suppressed(SuppressReason.UNSUBSCRIBED));
        assertThat(messenger.send(request(shop.store(), Purpose.TRANSACTIONAL, "t-1")))
                .isInstanceOf(SendOutcome.Sent.class);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getHeader("List-Unsubscribe"))
                .as("transactional")
                .isNull();
        JsonNode consent = json(shop.api().get("/api/v1/messages/customers/C1/consent"));
        assertThat(consent.get("history")).hasSize(2);
        assertThat(consent.get("history").get(0).get("source").asString()).isEqualTo("unsubscribe-link");
        assertThat(consent.get("history").get(1).get("source").asString()).isEqualTo("checkout");
        // a forged token is refused: one character of its signature changed (the second last: every one of its
        // six bits counts, where the last one's low bits may be padding; "AA" in place of the last two was the real
        // token about once in a thousand runs)
        char changed = token.charAt(token.length() - 2) == 'A' ? 'B' : 'A';
        String forgedToken = token.substring(0, token.length() - 2) + changed + token.charAt(token.length() - 1);
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/u/" + forgedToken))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
    }

    @Test
    void the_frequency_cap_and_the_quiet_hours_make_marketing_wait_never_drop() {
        Shop shop = shop("wait");
        grantMarketing(shop);
        assertThat(messenger.send(request(shop.store(), Purpose.MARKETING, "a")))
                .isInstanceOf(SendOutcome.Sent.class);
        clock.advance(Duration.ofHours(2)); // 14:00 Riyadh
        SendOutcome capped = messenger.send(request(shop.store(), Purpose.MARKETING, "b"));
        // the cap frees at 01:00 (16 h after 09:00 UTC), inside the quiet hours: 08:00 Riyadh is 05:00 UTC
        assertThat(capped)
                .isEqualTo(new SendOutcome.Deferred(Instant.parse("2024-06-02T05:00:00Z"), DeferReason.QUIET_HOURS));
        clock.set(Instant.parse("2024-06-02T05:00:00Z"));
        assertThat(messenger.send(request(shop.store(), Purpose.MARKETING, "b")))
                .isInstanceOf(SendOutcome.Sent.class);
        clock.set(Instant.parse("2024-06-03T19:30:00Z")); // 22:30 Riyadh
        assertThat(messenger.send(request(shop.store(), Purpose.MARKETING, "c")))
                .isEqualTo(new SendOutcome.Deferred(Instant.parse("2024-06-04T05:00:00Z"), DeferReason.QUIET_HOURS));
        assertThat(messenger.send(request(shop.store(), Purpose.TRANSACTIONAL, "t")))
                .isInstanceOf(SendOutcome.Sent.class);
        JsonNode log = json(shop.api().get("/api/v1/messages/customers/C1/log"));
        assertThat(log)
                .extracting(e ->
                        e.get("trigger_key").asString() + ":" + e.get("status").asString())
                .contains("a:sent", "b:sent", "c:deferred", "t:sent");
    }

    @Test
    void an_erased_customer_gets_nothing_and_their_messages_and_consent_go() {
        Shop shop = shop("erased");
        grantMarketing(shop);
        messenger.send(request(shop.store(), Purpose.MARKETING, "x"));
        assertThat(shop.api().postJson("/api/v1/customers/C1/erase", "").status())
                .isEqualTo(200);
        assertThat(messenger.send(request(shop.store(), Purpose.TRANSACTIONAL, "y")))
                .isEqualTo(new SendOutcome.Suppressed(SuppressReason.ERASED));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM contact_consents WHERE store_id = ? AND customer_external_id = 'C1'",
                        Integer.class,
                        shop.store().id().value()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM message_log WHERE store_id = ? AND customer_external_id = 'C1' "
                                + "AND status = 'SENT'",
                        Integer.class,
                        shop.store().id().value()))
                .isZero();
    }

    @Test
    void secrets_are_sealed_and_never_echoed() {
        Shop shop = shop("secrets");
        shop.api()
                .send(
                        "PUT",
                        "/api/v1/messages/settings",
                        "{\"smtp_host\":\"127.0.0.1\",\"smtp_port\":"
                                + smtp.getSmtp().getPort()
                                + ",\"smtp_tls\":\"none\",\"email_from\":\"shop@example.com\","
                                + "\"smtp_username\":\"u\",\"smtp_password\":\"smtp-very-secret\"}");
        String settings = shop.api().get("/api/v1/messages/settings").body();
        assertThat(settings)
                .doesNotContain("very-secret")
                .contains("\"smtp_password_set\":true")
                .contains("\"sms_secret_set\":true");
        String stored = jdbc.queryForObject(
                "SELECT smtp_password_sealed || sms_secret_sealed FROM message_settings " + "WHERE store_id = ?",
                String.class,
                shop.store().id().value());
        assertThat(stored).doesNotContain("very-secret").startsWith("v1:");
        // a save without the secret keeps it
        shop.api()
                .send(
                        "PUT",
                        "/api/v1/messages/settings",
                        "{\"smtp_host\":\"127.0.0.1\",\"email_from\":\"x@example.com\"}");
        assertThat(shop.api().get("/api/v1/messages/settings").body()).contains("\"smtp_password_set\":true");
        Api.Response bad = shop.api().send("PUT", "/api/v1/messages/settings", "{\"sms_provider\":\"pigeon\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString())
                .contains("sms_provider 'pigeon' must be unifonic, twilio or json");
    }

    @Test
    void one_store_never_sees_anothers_settings_consent_log_or_unsubscribe_links() throws Exception {
        Shop a = shop("iso-a");
        grantMarketing(a);
        messenger.send(request(a.store(), Purpose.MARKETING, "m"));
        Api b = newStore("iso-b");
        assertThat(b.get("/api/v1/messages/settings").body())
                .doesNotContain("127.0.0.1")
                .contains("\"email_ready\":false");
        assertThat(b.get("/api/v1/messages/customers/C1/consent").status()).isEqualTo(404);
        assertThat(json(b.get("/api/v1/messages/customers/C1/log"))).isEmpty();
        assertThat(b.postJson(
                                "/api/v1/messages/customers/C1/consent",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\"}")
                        .status())
                .isEqualTo(404);
        String token = a.api().get("/api/v1/messages/customers/C1/log").body(); // not a token: just to use a's API
        assertThat(token).contains("cart-recovery");
        String link = smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")[0];
        String t = link.substring(link.lastIndexOf('/') + 1, link.length() - 1);
        assertThat(b.get("/api/v1/messages/unsubscribe/" + t).status()).isEqualTo(404);
        assertThat(a.api().get("/api/v1/messages/unsubscribe/" + t).status()).isEqualTo(200);
    }

    @Test
    void preview_shows_both_languages_and_sms_segments_and_a_test_send_arrives() throws Exception {
        Shop shop = shop("preview");
        String template =
                "{\"ar\":{\"subject\":\"مرحبا {{first_name}}\",\"body\":\"<p onclick=\\\"x()\\\">كود {{coupon_code}}</p>\"},"
                        + "\"en\":{\"subject\":\"Hi {{first_name}}\",\"body\":\"<p>Code {{coupon_code}}</p>\"}}";
        JsonNode preview = json(shop.api()
                .postJson(
                        "/api/v1/messages/preview",
                        "{\"channel\":\"email\",\"purpose\":\"marketing\",\"template\":" + template + "}"));
        assertThat(preview.get("ar").get("html").asString())
                .contains("dir=\"rtl\"", "كود SAVE10")
                .doesNotContain("onclick");
        assertThat(preview.get("en").get("html").asString()).contains("dir=\"ltr\"", "Code SAVE10");
        JsonNode sms = json(shop.api()
                .postJson(
                        "/api/v1/messages/preview",
                        "{\"channel\":\"sms\",\"purpose\":\"marketing\",\"template\":" + template + "}"));
        assertThat(sms.get("ar").get("encoding").asString()).isEqualTo("UCS-2");
        assertThat(sms.get("en").get("encoding").asString()).isEqualTo("GSM-7");
        assertThat(sms.get("ar").get("text").asString()).contains("لإيقاف الرسائل: http");
        JsonNode wrong = json(shop.api()
                .postJson(
                        "/api/v1/messages/preview",
                        "{\"channel\":\"email\",\"template\":{\"en\":{\"body\":\"{{nme}}\"}}}"));
        assertThat(wrong.get("problems").get("en").asString()).contains("unknown variable {{nme}}");
        JsonNode sent = json(shop.api()
                .postJson(
                        "/api/v1/messages/test-send",
                        "{\"channel\":\"email\",\"language\":\"en\",\"to\":\"owner@example.com\",\"template\":"
                                + template + "}"));
        assertThat(sent.get("status").asString()).isEqualTo("sent");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Hi Sara");
    }

    @Test
    void an_abandoned_cart_of_two_lines_is_reminded_by_email_listing_both_with_links_in_each_language()
            throws Exception {
        Shop shop = shop("cartlines");
        grantMarketing(shop);
        Api api = shop.api();
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C2\",\"first_name\":\"Omar\",\"email\":\"omar@example.com\","
                        + "\"created_at\":\"2024-01-01\"}");
        assertThat(api.postJson(
                                "/api/v1/messages/customers/C2/consent",
                                "{\"channel\":\"email\",\"purpose\":\"marketing\",\"source\":\"checkout\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/messages/customers/C2/language", "{\"language\":\"en\"}")
                        .status())
                .isEqualTo(200);
        api.postJson("/api/v1/products", "{\"product_id\":\"P2\",\"name\":\"بخور\",\"price\":\"45.50\"}");
        String items = "<ul>{{#items}}<li><a href=\"{{item.url}}\">{{item.name}}</a> × {{item.quantity}} "
                + "{{item.price}}</li>{{/items}}</ul>";
        Api.Response created = api.postJson(
                "/api/v1/campaigns",
                "{\"name\":\"Carts\",\"kind\":\"abandoned_cart\","
                        + "\"channel\":\"email\",\"subject_ar\":\"سلتك تنتظرك\",\"body_ar\":\"<p>أكملي طلبك:</p>"
                        + items.replace("\"", "\\\"")
                        + "\",\"subject_en\":\"Your cart\",\"body_en\":\"<p>Your items:</p>"
                        + items.replace("\"", "\\\"")
                        + "\",\"control_percent\":0}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        assertThat(api.postJson("/api/v1/campaigns/" + id + "/activate", "").status())
                .isEqualTo(200);

        Instant abandoned = MutableClock.START.plus(Duration.ofMinutes(10));
        for (String customer : List.of("C1", "C2")) {
            Api.Response cart = api.postJson(
                    "/api/v1/carts",
                    "{\"cart_id\":\"K-" + customer + "\",\"customer_id\":\""
                            + customer + "\",\"created_at\":\"2024-06-01T08:00:00Z\",\"updated_at\":\"" + abandoned
                            + "\",\"total\":\"441.00\",\"items_count\":3,\"status\":\"abandoned\",\"items\":["
                            + "{\"product_id\":\"P1\",\"name\":\"عود ملكي\",\"quantity\":1,\"unit_price\":\"350.00\","
                            + "\"url\":\"https://shop.example/p/1\"},"
                            + "{\"product_id\":\"P2\",\"quantity\":\"٢\",\"unit_price\":\"45.50\",\"url\":\"https://shop.example/p/2?ref=mail\"}]}");
            assertThat(cart.status()).as(cart.body()).isIn(200, 201);
        }
        assertThat(jdbc.queryForList(
                        "SELECT product_external_id FROM cart_lines WHERE store_id = ? AND "
                                + "cart_external_id = 'K-C1' ORDER BY line_no",
                        String.class,
                        shop.store().id().value()))
                .containsExactly("P1", "P2");
        clock.set(abandoned.plus(Duration.ofHours(1)));
        campaigns.runDue();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage arabic = null;
        MimeMessage english = null;
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getAllRecipients()[0].toString().equals("sara@example.com")) {
                arabic = mail;
            } else if (mail.getAllRecipients()[0].toString().equals("omar@example.com")) {
                english = mail;
            }
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(arabic.getSubject()).isEqualTo("سلتك تنتظرك");
        assertThat(part(arabic, "text/html"))
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<a href=\"https://shop.example/p/1\"", "عود ملكي", "× 1 350.00 SAR")
                .contains("<a href=\"https://shop.example/p/2?ref&#61;mail\"", "بخور", "× 2 91.00 SAR");
        assertThat(part(arabic, "text/plain"))
                .contains("عود ملكي (https://shop.example/p/1)")
                .contains("بخور (https://shop.example/p/2?ref=mail)");
        assertThat(english.getSubject()).isEqualTo("Your cart");
        assertThat(part(english, "text/html"))
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("Your items:", "https://shop.example/p/1", "https://shop.example/p/2", "عود ملكي", "بخور");

        // the cart sent again without items keeps its lines; with items, they replace the old ones
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K-C1\",\"customer_id\":\"C1\",\"created_at\":\"2024-06-01T08:00:00Z\","
                        + "\"updated_at\":\"" + abandoned + "\",\"status\":\"abandoned\"}");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM cart_lines WHERE store_id = ? AND cart_external_id = 'K-C1'",
                        Integer.class,
                        shop.store().id().value()))
                .isEqualTo(2);
        Api.Response refused = api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K-C1\",\"customer_id\":\"C1\","
                        + "\"created_at\":\"2024-06-01T08:00:00Z\",\"status\":\"abandoned\",\"items\":[{\"product_id\":\"P3\","
                        + "\"quantity\":0},{\"product_id\":\"P4\",\"quantity\":1,\"url\":\"javascript:alert(1)\"}]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("items[0]: quantity: '0' is not a positive whole number")
                .contains("items[1]: url 'javascript:alert(1)' is not an absolute http or https link");
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K-C1\",\"customer_id\":\"C1\",\"created_at\":\"2024-06-01T08:00:00Z\","
                        + "\"status\":\"abandoned\",\"items\":[{\"product_id\":\"P3\",\"quantity\":1}]}");
        assertThat(jdbc.queryForList(
                        "SELECT product_external_id FROM cart_lines WHERE store_id = ? AND "
                                + "cart_external_id = 'K-C1'",
                        String.class,
                        shop.store().id().value()))
                .containsExactly("P3");

        // the lines are part of the customer's export and go with the erasure
        Api.Response export = api.get("/api/v1/customers/C2/privacy-export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("cart_lines.csv");
        assertThat(api.postJson("/api/v1/customers/C2/erase", "").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM cart_lines WHERE store_id = ? AND cart_external_id = 'K-C2'",
                        Integer.class,
                        shop.store().id().value()))
                .isZero();
    }

    /** A cart of a CSV import ({@code carts.csv} and its {@code cart_items.csv}) is reminded listing its lines. */
    @Test
    void an_abandoned_cart_imported_from_csv_is_reminded_listing_its_lines() throws Exception {
        Shop shop = shop("importedcart");
        grantMarketing(shop);
        Api api = shop.api();
        String items = "<ul>{{#items}}<li><a href=\"{{item.url}}\">{{item.name}}</a> × {{item.quantity}} "
                + "{{item.price}}</li>{{/items}}</ul>";
        Api.Response created = api.postJson(
                "/api/v1/campaigns",
                "{\"name\":\"Carts\",\"kind\":\"abandoned_cart\",\"channel\":\"email\",\"subject_ar\":\"سلتك تنتظرك\","
                        + "\"body_ar\":\"<p>أكملي طلبك:</p>" + items.replace("\"", "\\\"")
                        + "\",\"subject_en\":\"Your cart\",\"body_en\":\"<p>Your items:</p>"
                        + items.replace("\"", "\\\"")
                        + "\",\"control_percent\":0}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/campaigns/" + json(created).get("id").asLong() + "/activate", "")
                        .status())
                .isEqualTo(200);

        Instant abandoned = MutableClock.START.plus(Duration.ofMinutes(10));
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("basira-cart-import");
        java.nio.file.Files.writeString(
                folder.resolve("customers.csv"),
                "customer_id,first_name,email,phone,created_at\nC1,سارة,sara@example.com,0501234567,2024-01-01\n");
        java.nio.file.Files.writeString(folder.resolve("orders.csv"), "order_id,customer_id,created_at,status,total\n");
        java.nio.file.Files.writeString(
                folder.resolve("carts.csv"),
                "cart_id,customer_id,created_at,updated_at,total,items_count,status\n" + "K-9,C1,2024-06-01T08:00:00Z,"
                        + abandoned + ",441.00,3,abandoned\n");
        java.nio.file.Files.writeString(
                folder.resolve("cart_items.csv"),
                "cart_id,product_id,quantity,unit_price,name,url\n"
                        + "K-9,P1,1,350.00,عود ملكي,https://shop.example/p/1\n"
                        + "K-9,P2,٢,45.50,بخور,https://shop.example/p/2\n");
        io.basira.server.importing.ImportOutcome outcome =
                importer.run(shop.store(), folder, false, io.basira.server.importing.ImportFolder.Progress.none());
        assertThat(outcome.applied()).as("%s", outcome.report().errors()).isTrue();

        clock.set(abandoned.plus(Duration.ofHours(1)));
        campaigns.runDue();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("سلتك تنتظرك");
        assertThat(part(mail, "text/html"))
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<a href=\"https://shop.example/p/1\"", "عود ملكي", "× 1 350.00 SAR")
                .contains("<a href=\"https://shop.example/p/2\"", "بخور", "× 2 91.00 SAR");
    }

    private static HttpResponse<String> inbound(String url, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode smsMarketing(Shop shop) {
        for (JsonNode row :
                json(shop.api().get("/api/v1/messages/customers/C1/consent")).get("current")) {
            if (row.get("channel").asString().equals("sms")
                    && row.get("purpose").asString().equals("marketing")) {
                return row;
            }
        }
        throw new AssertionError("no sms marketing row");
    }

    private static String twilioSignature(String token, String url, java.util.SortedMap<String, String> form)
            throws Exception {
        StringBuilder data = new StringBuilder(url);
        form.forEach((k, v) -> data.append(k).append(v));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String form(java.util.SortedMap<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    @Test
    void an_sms_stop_reply_from_each_gateway_withdraws_sms_marketing_with_its_source_and_time() throws Exception {
        Shop shop = shop("stop");
        Api api = shop.api();
        String grant = "{\"channel\":\"sms\",\"purpose\":\"marketing\",\"source\":\"checkout\"}";
        assertThat(api.postJson("/api/v1/messages/customers/C1/consent", grant).status())
                .isEqualTo(200);
        String url = json(api.get("/api/v1/messages/settings"))
                .get("sms_inbound_url")
                .asString();
        assertThat(url).matches("http://localhost:\\d+/sms/inbound/\\d+\\.[A-Za-z0-9_-]+");

        // the generic JSON gateway: the store's secret as a bearer token
        String stop = "{\"from\":\"+966501234567\",\"text\":\"إيقاف\"}";
        assertThat(inbound(url, "application/json", stop).statusCode()).isEqualTo(401);
        assertThat(inbound(
                                url.replaceAll("\\.[^.]+$", ".forged"),
                                "application/json",
                                stop,
                                "Authorization",
                                "Bearer sms-very-secret")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> other = inbound(
                url,
                "application/json",
                "{\"from\":\"+966501234567\",\"text\":\"متى يصل طلبي؟\"}",
                "Authorization",
                "Bearer sms-very-secret");
        assertThat(other.body()).isEqualTo("{\"stop\":false,\"withdrawn\":0}");
        assertThat(smsMarketing(shop).get("allowed").asBoolean()).isTrue();
        clock.set(MutableClock.START.plus(Duration.ofMinutes(5)));
        HttpResponse<String> stopped =
                inbound(url, "application/json", stop, "Authorization", "Bearer sms-very-secret");
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).isEqualTo("{\"stop\":true,\"withdrawn\":1}");
        JsonNode consent = smsMarketing(shop);
        assertThat(consent.get("allowed").asBoolean()).isFalse();
        assertThat(consent.get("source").asString()).isEqualTo("sms-stop");
        assertThat(consent.get("unsubscribed").asBoolean()).isTrue();
        assertThat(consent.get("at").asString())
                .isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)).toString());
        assertThat(messenger.send(new MessageRequest(
                        shop.store().id(),
                        "C1",
                        Channel.SMS,
                        Purpose.MARKETING,
                        "c",
                        "after-stop",
                        CART,
                        MessageVariables.NONE)))
                .isEqualTo(new SendOutcome.Suppressed(SuppressReason.UNSUBSCRIBED));

        // Twilio: form-encoded From/Body, signed with the auth token (X-Twilio-Signature, HMAC-SHA1)
        assertThat(api.postJson("/api/v1/messages/customers/C1/consent", grant).status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                "/api/v1/messages/settings",
                                "{\"sms_provider\":\"twilio\",\"sms_url\":\"\","
                                        + "\"sms_account\":\"AC0123456789abcdef0123456789abcdef\",\"sms_secret\":\"twilio-auth-token\","
                                        + "\"sms_sender\":\"+15005550006\"}")
                        .status())
                .isEqualTo(200);
        java.util.SortedMap<String, String> twilio = new java.util.TreeMap<>(java.util.Map.of(
                "MessageSid",
                "SM0123456789abcdef0123456789abcdef",
                "AccountSid",
                "AC0123456789abcdef0123456789abcdef",
                "From",
                "+966501234567",
                "To",
                "+15005550006",
                "Body",
                "Stop",
                "NumMedia",
                "0",
                "FromCountry",
                "SA"));
        HttpResponse<String> unsigned = inbound(url, "application/x-www-form-urlencoded", form(twilio));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        HttpResponse<String> forged = inbound(
                url,
                "application/x-www-form-urlencoded",
                form(twilio),
                "X-Twilio-Signature",
                twilioSignature("another-token", url, twilio));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(smsMarketing(shop).get("allowed").asBoolean()).isTrue();
        HttpResponse<String> signed = inbound(
                url,
                "application/x-www-form-urlencoded",
                form(twilio),
                "X-Twilio-Signature",
                twilioSignature("twilio-auth-token", url, twilio));
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).contains("<Response></Response>");
        assertThat(smsMarketing(shop).get("allowed").asBoolean()).isFalse();
        assertThat(smsMarketing(shop).get("source").asString()).isEqualTo("sms-stop");

        // Unifonic: JSON, the sender as international digits
        assertThat(api.postJson("/api/v1/messages/customers/C1/consent", grant).status())
                .isEqualTo(200);
        assertThat(api.send(
                                "PUT",
                                "/api/v1/messages/settings",
                                "{\"sms_provider\":\"unifonic\",\"sms_url\":\"\","
                                        + "\"sms_account\":\"app-sid\",\"sms_sender\":\"Shop\"}")
                        .status())
                .isEqualTo(200);
        HttpResponse<String> unifonic = inbound(
                url,
                "application/json",
                "{\"event\":\"message\",\"contact\":"
                        + "{\"address\":\"966501234567\"},\"message\":{\"channel\":\"sms\",\"body\":\"الغاء\"}}");
        assertThat(unifonic.body()).isEqualTo("{\"stop\":true,\"withdrawn\":1}");
        assertThat(smsMarketing(shop).get("allowed").asBoolean()).isFalse();
        assertThat(json(api.get("/api/v1/messages/customers/C1/consent"))
                        .get("history")
                        .findValuesAsString("source"))
                .containsSubsequence("sms-stop", "checkout", "sms-stop", "checkout", "sms-stop", "checkout");

        // Unifonic's "message.received" event as docs.unifonic.com shows it: sender.contact, content.text
        assertThat(api.postJson("/api/v1/messages/customers/C1/consent", grant).status())
                .isEqualTo(200);
        HttpResponse<String> documented = inbound(
                url,
                "application/json",
                "{\"messageId\":\"4ac6890b\",\"eventType\":\"message.received\",\"sender\":"
                        + "{\"channel\":\"sms\",\"contact\":\"+966501234567\",\"name\":\"Sara\"},"
                        + "\"content\":{\"text\":\"إيقاف\",\"type\":\"text\"}}");
        assertThat(documented.body()).isEqualTo("{\"stop\":true,\"withdrawn\":1}");
        assertThat(smsMarketing(shop).get("allowed").asBoolean()).isFalse();

        // the door is throttled per client address
        int status = 200;
        for (int i = 0; i < 45 && status != 429; i++) {
            status = inbound(url, "application/json", "{}").statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        return find(mail.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                String inner = find(part.getContent(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
