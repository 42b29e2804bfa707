package io.basira.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.basira.campaigns.SendOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The three SMS request formats against a local HTTP server: the exact requests, and errors as Failed. */
class SmsChannelTest {

    record Seen(String method, String path, String contentType, String authorization, String body) {

        Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private final List<Seen> seen = new ArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{}";
    private final SmsChannel sms = new SmsChannel(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private MessageSettings settings(String provider, String url, String account, String sender) {
        return new MessageSettings(
                null,
                null,
                null,
                null,
                "starttls",
                null,
                provider,
                url,
                account,
                "sealed",
                sender,
                "ar",
                LocalTime.of(21, 0),
                LocalTime.of(8, 0),
                960,
                1440);
    }

    @Test
    void unifonicGetsItsFormFieldsAndTheNumberWithoutPlus() {
        answer = "{\"success\":true,\"message\":\"\",\"errorCode\":\"ER-00\",\"data\":{\"MessageID\":\"3000012345\"}}";
        SendOutcome outcome =
                sms.send(settings("unifonic", url(), "APP-SID-1", "MyShop"), null, "050 123 4567", "مرحبا سارة", "ref");
        assertThat(outcome).isEqualTo(new SendOutcome.Sent(NOW, "3000012345"));
        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/rest/SMS/messages");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form())
                .containsExactly(
                        Map.entry("AppSid", "APP-SID-1"),
                        Map.entry("SenderID", "MyShop"),
                        Map.entry("Recipient", "966501234567"),
                        Map.entry("Body", "مرحبا سارة"));
    }

    @Test
    void unifonicSayingNoIsAFinalFailure() {
        answer = "{\"success\":false,\"message\":\"Invalid AppSid\",\"errorCode\":\"ER-01\"}";
        assertThat(sms.send(settings("unifonic", url(), "bad", "MyShop"), null, "+966501234567", "hi", "ref"))
                .isEqualTo(new SendOutcome.Failed("Unifonic refused the message: Invalid AppSid", false));
    }

    @Test
    void twilioGetsE164BasicAuthAndFromOrAMessagingService() {
        status = 201;
        answer = "{\"sid\":\"SM0123456789abcdef\",\"status\":\"queued\"}";
        SendOutcome outcome = sms.send(
                settings("twilio", url(), "AC123", "+15005550006"), "auth-token", "0501234567", "Hello Sara", "ref");
        assertThat(outcome).isEqualTo(new SendOutcome.Sent(NOW, "SM0123456789abcdef"));
        Seen request = seen.get(0);
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(request.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("AC123:auth-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.form())
                .containsExactly(
                        Map.entry("To", "+966501234567"),
                        Map.entry("From", "+15005550006"),
                        Map.entry("Body", "Hello Sara"));
        sms.send(settings("twilio", url(), "AC123", "MG999"), "auth-token", "0501234567", "Hi", "ref");
        assertThat(seen.get(1).form()).containsKey("MessagingServiceSid").doesNotContainKey("From");
    }

    @Test
    void theGenericJsonShapeAndItsBearerSecret() {
        answer = "{\"id\":\"gw-1\"}";
        SendOutcome outcome =
                sms.send(settings("json", url() + "/send", "", "Shop"), "s3cret", "+966501234567", "hi", "ref-1");
        assertThat(outcome).isEqualTo(new SendOutcome.Sent(NOW, "gw-1"));
        Seen request = seen.get(0);
        assertThat(request.path()).isEqualTo("/send");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer s3cret");
        assertThat(request.body())
                .isEqualTo("{\"to\":\"+966501234567\",\"from\":\"Shop\",\"text\":\"hi\",\"reference\":\"ref-1\"}");
    }

    @Test
    void errorsAreRetryableOrNotAndNeverNameTheSecret() {
        status = 503;
        answer = "{\"message\":\"busy\"}";
        SendOutcome busy =
                sms.send(settings("twilio", url(), "AC1", "+15005550006"), "tok-secret", "0501234567", "x", "r");
        assertThat(busy).isEqualTo(new SendOutcome.Failed("the SMS gateway answered 503: busy", true));
        status = 429;
        assertThat(((SendOutcome.Failed) sms.send(settings("json", url(), "", "S"), null, "0501234567", "x", "r"))
                        .retryable())
                .isTrue();
        status = 401;
        answer = "{\"code\":20003,\"message\":\"Authenticate\"}";
        SendOutcome refused =
                sms.send(settings("twilio", url(), "AC1", "+15005550006"), "tok-secret", "0501234567", "x", "r");
        assertThat(refused).isEqualTo(new SendOutcome.Failed("the SMS gateway answered 401: Authenticate", false));
        assertThat(refused.toString()).doesNotContain("tok-secret");
        server.stop(0);
        assertThat(((SendOutcome.Failed) sms.send(settings("json", url(), "", "S"), null, "0501234567", "x", "r"))
                        .retryable())
                .isTrue();
        assertThat(sms.send(settings("json", url(), "", "S"), null, "not a phone", "x", "r"))
                .isEqualTo(new SendOutcome.Failed("'not a phone' is not a phone number", false));
    }
}
