package io.basira.server.messaging.api;

import io.basira.server.messaging.MessagingService;
import io.basira.server.messaging.UnsubscribeTokens;
import io.basira.shared.StoreId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public door for SMS replies, {@code POST /sms/inbound/{token}} (docs/campaigns.md, "Inbound STOP"): the
 * store's gateway forwards each message a customer sends to the store's number here; a stop
 * ({@link io.basira.campaigns.delivery.StopWords}) withdraws that number's SMS marketing consent. The token names
 * the store ({@link UnsubscribeTokens#inboundToken}); the request is read in the store's gateway's format:
 *
 * <ul>
 *   <li>{@code twilio}: Twilio's incoming message webhook, {@code application/x-www-form-urlencoded} with {@code From}
 *       and {@code Body} (and {@code To}, {@code MessageSid}, …), signed: {@code X-Twilio-Signature} is the Base64
 *       HMAC-SHA1 under the auth token of the full URL followed by every parameter's name and value, sorted by name.
 *       A missing or wrong signature is 403. Answered with empty TwiML (no reply is sent).</li>
 *   <li>{@code unifonic}: Unifonic's webhook ("received messages" trigger) posts JSON; the sender is read from
 *       {@code sender.contact} (the {@code message.received} event docs.unifonic.com shows), else {@code contact.address},
 *       {@code from}, {@code sender}, {@code recipient} or {@code msisdn}, the text from {@code content.text}, else
 *       {@code message.body}, {@code body}, {@code text} or {@code message}. Unsigned: the token is the proof.</li>
 *   <li>{@code json}: {@code {"from": "+9665…", "text": "STOP"}} (the outgoing format's mirror), with
 *       {@code Authorization: Bearer <sms_secret>} when the store set a secret (401 otherwise).</li>
 * </ul>
 */
@RestController
public class InboundSmsController {

    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final UnsubscribeTokens tokens;
    private final MessagingService messaging;
    private final JsonMapper json;
    private final String publicUrl;

    public InboundSmsController(
            UnsubscribeTokens tokens,
            MessagingService messaging,
            JsonMapper json,
            @Value("${basira.public-url:}") String publicUrl) {
        this.tokens = tokens;
        this.messaging = messaging;
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/sms/inbound/{token}")
    public ResponseEntity<String> receive(@PathVariable String token, HttpServletRequest request) throws IOException {
        Optional<StoreId> store = tokens.openInbound(token);
        MessagingService.Gateway gateway = store.map(messaging::gateway).orElse(null);
        if (gateway == null) {
            return answer(404, "{\"detail\":\"no SMS gateway at this address\"}");
        }
        String from;
        String text;
        switch (gateway.provider()) {
            case "twilio" -> {
                Map<String, String[]> parameters = request.getParameterMap();
                if (gateway.secret() == null
                        || !twilioSigned(
                                gateway.secret(), url(request), parameters, request.getHeader("X-Twilio-Signature"))) {
                    return answer(403, "{\"detail\":\"X-Twilio-Signature does not verify\"}");
                }
                from = first(parameters.get("From"));
                text = first(parameters.get("Body"));
                MessagingService.Reply reply = messaging.smsReply(store.get(), from, text);
                return ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_XML)
                        .header("X-Basira-Stop", Boolean.toString(reply.stop()))
                        .body(TWIML);
            }
            case "json" -> {
                if (gateway.secret() != null && !bearer(request, gateway.secret())) {
                    return answer(
                            401, "{\"detail\":\"Authorization: Bearer with the store's SMS secret is required\"}");
                }
                JsonNode body = body(request);
                if (body == null) {
                    return answer(400, "{\"detail\":\"expected a JSON object {from, text}\"}");
                }
                from = text(body, "from");
                text = text(body, "text");
            }
            default -> {
                JsonNode body = body(request);
                if (body == null) {
                    return answer(400, "{\"detail\":\"expected a JSON object\"}");
                }
                // sender.contact / content.text: the "message.received" event docs.unifonic.com shows
                from = firstText(body, "sender/contact", "contact/address", "from", "sender", "recipient", "msisdn");
                text = firstText(body, "content/text", "message/body", "body", "text", "message");
            }
        }
        MessagingService.Reply reply = messaging.smsReply(store.get(), from, text);
        return answer(
                200,
                "{\"stop\":" + reply.stop() + ",\"withdrawn\":"
                        + reply.withdrawn().size() + "}");
    }

    /** The address the gateway called: {@code basira.public-url} and the path, else this request's own address. */
    private String url(HttpServletRequest request) {
        String base = publicUrl.isBlank() ? request.getRequestURL().toString() : publicUrl + request.getRequestURI();
        return request.getQueryString() == null ? base : base + "?" + request.getQueryString();
    }

    /** Twilio's request validation: HMAC-SHA1 of the URL and the sorted parameters, Base64. */
    static boolean twilioSigned(String authToken, String url, Map<String, String[]> parameters, String signature) {
        if (signature == null) {
            return false;
        }
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> {
            String[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            for (String value : sorted) {
                data.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] expected = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
            byte[] given = Base64.getDecoder().decode(signature.strip());
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    private static boolean bearer(HttpServletRequest request, String secret) {
        String header = request.getHeader("Authorization");
        return header != null
                && header.startsWith("Bearer ")
                && MessageDigest.isEqual(
                        header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(64 * 1024);
        try {
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String firstText(JsonNode body, String... paths) {
        for (String path : paths) {
            String value = text(body.at("/" + path), null);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = field == null ? node : node.get(field);
        return value == null || value.isMissingNode() || value.isNull() || value.isContainer()
                ? null
                : value.asString();
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    private static ResponseEntity<String> answer(int status, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
