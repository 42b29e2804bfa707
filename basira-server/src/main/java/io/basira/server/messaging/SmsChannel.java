package io.basira.server.messaging;

import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.delivery.PhoneNumbers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through the store's HTTP gateway, in one of three request formats (docs/campaigns.md, "Channels"):
 * <ul>
 * <li>{@code unifonic}: {@code POST {url}/rest/SMS/messages}, form fields {@code AppSid}, {@code SenderID},
 * {@code Recipient} (international digits, no {@code +} or {@code 00}) and {@code Body}; success is a 2xx answer
 * whose JSON says {@code "success": true}, the id {@code data.MessageID};</li>
 * <li>{@code twilio}: {@code POST {url}/2010-04-01/Accounts/{AccountSid}/Messages.json}, form fields {@code To}
 * (E.164), {@code From} (or {@code MessagingServiceSid} when the sender starts {@code MG}) and {@code Body}, HTTP
 * Basic with the Account SID and auth token; the id is {@code sid};</li>
 * <li>{@code json}: {@code POST {url}} with {@code {"to": "+9665…", "from": sender, "text": body, "reference": id}},
 * {@code Authorization: Bearer <secret>} when a secret is set; any 2xx is success, the id {@code id} if answered.</li>
 * </ul>
 * A 429, a 5xx or no answer is worth trying again; any other 4xx fails for good. The secret is only in the
 * request's header or form, never in a reason.
 */
public final class SmsChannel {

    public static final String UNIFONIC = "unifonic";
    public static final String TWILIO = "twilio";
    public static final String JSON = "json";
    static final Map<String, String> DEFAULT_URLS =
            Map.of(UNIFONIC, "https://el.cloud.unifonic.com", TWILIO, "https://api.twilio.com");

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    public SmsChannel(JsonMapper json, Clock clock) {
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.json = json;
        this.clock = clock;
    }

    /** @param reference a stable id of the message (the log's key, hashed) for gateways that take one */
    public SendOutcome send(MessageSettings settings, String secret, String phone, String text, String reference) {
        String to = PhoneNumbers.e164(phone);
        if (to == null) {
            return new SendOutcome.Failed("'" + phone + "' is not a phone number", false);
        }
        String provider = settings.smsProvider();
        String base = settings.smsUrl() == null || settings.smsUrl().isBlank()
                ? DEFAULT_URLS.get(provider)
                : settings.smsUrl().strip();
        if (base == null) {
            return new SendOutcome.Failed("the " + provider + " SMS gateway needs an address", false);
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpRequest request;
        try {
            request = switch (provider) {
                case UNIFONIC ->
                    form(
                                    URI.create(base + "/rest/SMS/messages"),
                                    ordered(
                                            "AppSid",
                                            nonNull(settings.smsAccount()),
                                            "SenderID",
                                            settings.smsSender(),
                                            "Recipient",
                                            PhoneNumbers.withoutPlus(to),
                                            "Body",
                                            text))
                            .build();
                case TWILIO ->
                    form(
                                    URI.create(base + "/2010-04-01/Accounts/"
                                            + URLEncoder.encode(nonNull(settings.smsAccount()), StandardCharsets.UTF_8)
                                            + "/Messages.json"),
                                    ordered(
                                            "To",
                                            to,
                                            settings.smsSender().startsWith("MG") ? "MessagingServiceSid" : "From",
                                            settings.smsSender(),
                                            "Body",
                                            text))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (nonNull(settings.smsAccount()) + ":" + nonNull(secret))
                                                                    .getBytes(StandardCharsets.UTF_8)))
                            .build();
                case JSON -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("to", to);
                    body.put("from", settings.smsSender());
                    body.put("text", text);
                    body.put("reference", reference);
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    json.writeValueAsString(body), StandardCharsets.UTF_8));
                    if (secret != null && !secret.isBlank()) {
                        b.header("Authorization", "Bearer " + secret);
                    }
                    yield b.build();
                }
                default -> throw new IllegalArgumentException("unknown SMS provider '" + provider + "'");
            };
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed("the SMS gateway's address or provider is wrong: " + e.getMessage(), false);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SendOutcome.Failed(
                    "the SMS gateway could not be reached (" + e.getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Failed("interrupted while sending the SMS", true);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status / 100 != 2) {
            boolean retryable = status == 429 || status >= 500;
            return new SendOutcome.Failed("the SMS gateway answered " + status + detail(answer), retryable);
        }
        return switch (provider) {
            case UNIFONIC ->
                answer != null && answer.path("success").asBoolean(false)
                        ? new SendOutcome.Sent(
                                clock.instant(), text(answer.path("data").path("MessageID")))
                        : new SendOutcome.Failed("Unifonic refused the message" + detail(answer), false);
            case TWILIO -> new SendOutcome.Sent(clock.instant(), answer == null ? null : text(answer.path("sid")));
            default -> new SendOutcome.Sent(clock.instant(), answer == null ? null : text(answer.path("id")));
        };
    }

    private static HttpRequest.Builder form(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String detail(JsonNode answer) {
        if (answer == null) {
            return "";
        }
        for (String field : new String[] {"message", "errorCode", "code", "error"}) {
            JsonNode value = answer.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                String text = value.asString();
                return ": " + (text.length() > 200 ? text.substring(0, 200) : text);
            }
        }
        return "";
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
