package io.basira.server.messaging.api;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.TemplateText;
import io.basira.campaigns.delivery.Consent;
import io.basira.server.messaging.MessagingService;
import io.basira.server.messaging.UnsubscribeTokens;
import io.basira.server.messaging.jdbc.JdbcMessageLog;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messages API (docs/campaigns.md, "Channels" and "Care"), on the API key's store: the channel settings
 * (secrets write-only), a template's preview in both languages, a test send, a customer's consent (record,
 * withdraw, history, language) and message log, and whether an unsubscribe link's customer is unsubscribed.
 */
@RestController
@RequestMapping("/api/v1/messages")
public class MessagesController {

    @Schema(
            name = "MessageSettings",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "The store's channel settings as stored, secrets left out (only whether each is set)")
    record SettingsAnswer(
            String smtpHost,
            Integer smtpPort,
            boolean smtpPasswordSet,
            String emailFrom,
            @Schema(example = "unifonic") String smsProvider,
            boolean smsSecretSet,

            @Schema(description = "where the SMS gateway forwards customers' replies (a STOP withdraws SMS marketing)")
            String smsInboundUrl) {}

    @Schema(
            name = "MessagePreview",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "Per language (ar, en): subject, html, text and, for SMS, encoding, characters and segments;"
                    + " or the template's problems")
    record PreviewAnswer(
            @Schema(description = "what is wrong with the template, by place")
            Map<String, String> problems) {}

    @Schema(
            name = "SendOutcome",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description =
                    "What became of a message: sent, deferred (until, reason), suppressed (reason) or failed (reason)")
    record OutcomeAnswer(@Schema(example = "sent") String status, String reason) {}

    @Schema(
            name = "CustomerConsent",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "A customer's language and consent per channel and purpose, with its history")
    record ConsentAnswer(@Schema(example = "ar") String language) {}

    @Schema(
            name = "MessageLogEntry",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "One message asked for: channel, purpose, campaign, trigger, status, reason, times")
    record LogEntryAnswer(
            @Schema(example = "email") String channel,
            @Schema(example = "sent") String status) {}

    @Schema(
            name = "UnsubscribeStatus",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description = "The customer and channel of an unsubscribe link, and whether they are unsubscribed")
    record UnsubscribeAnswer(
            String customerId, @Schema(example = "email") String channel) {}

    /** A template as JSON: {@code {"ar": {"subject", "body"}, "en": {...}}}. */
    public record TemplateBody(TextBody ar, TextBody en) {
        MessageTemplate template() {
            return new MessageTemplate(ar == null ? null : ar.text(), en == null ? null : en.text());
        }
    }

    public record TextBody(String subject, String body) {
        TemplateText text() {
            if (body == null) {
                throw new IllegalArgumentException("a template text needs a body");
            }
            return new TemplateText(subject, body);
        }
    }

    public record PreviewRequest(String channel, String purpose, TemplateBody template) {}

    public record TestSendRequest(String channel, String language, String to, TemplateBody template) {}

    public record ConsentRequest(String channel, String purpose, String source) {}

    public record LanguageRequest(String language) {}

    private final MessagingService messaging;
    private final UnsubscribeTokens tokens;
    private final io.basira.server.privacy.SettingsChanges audit;

    private final String publicUrl;

    public MessagesController(
            MessagingService messaging,
            UnsubscribeTokens tokens,
            io.basira.server.privacy.SettingsChanges audit,
            @org.springframework.beans.factory.annotation.Value("${basira.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.audit = audit;
        this.messaging = messaging;
        this.tokens = tokens;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = SettingsAnswer.class)))
    @GetMapping("/settings")
    public Map<String, Object> settings(Store store) {
        return withInbound(store, messaging.view(store));
    }

    /** The view and the address the store's SMS gateway forwards replies to (docs/campaigns.md, "Inbound STOP"). */
    private Map<String, Object> withInbound(Store store, Map<String, Object> view) {
        String base = publicUrl.isBlank()
                ? org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .toUriString()
                : publicUrl;
        view.put("sms_inbound_url", base + "/sms/inbound/" + tokens.inboundToken(store.id()));
        return view;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = SettingsAnswer.class)))
    @PutMapping("/settings")
    public Map<String, Object> saveSettings(
            Store store,
            @RequestBody MessagingService.SettingsInput body,
            jakarta.servlet.http.HttpServletRequest request) {
        messaging.save(
                store,
                body,
                audit.apiKey(io.basira.server.platform.security.ApiKeyAuthentication.presentedKey(request)
                        .orElse(null)));
        return withInbound(store, messaging.view(store));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = PreviewAnswer.class)))
    @PostMapping("/preview")
    public Map<String, Object> preview(Store store, @RequestBody PreviewRequest body) {
        MessageTemplate template = template(body.template());
        Map<String, String> problems = messaging.problems(template);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!problems.isEmpty()) {
            answer.put("problems", problems);
            return answer;
        }
        messaging
                .preview(store, channel(body.channel()), purpose(body.purpose()), template)
                .forEach((language, r) -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("subject", r.subject());
                    one.put("html", r.html());
                    one.put("text", r.text());
                    if (r.segments() != null) {
                        one.put("encoding", r.segments().encoding());
                        one.put("characters", r.segments().characters());
                        one.put("segments", r.segments().segments());
                    }
                    answer.put(language, one);
                });
        return answer;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = OutcomeAnswer.class)))
    @PostMapping("/test-send")
    public Map<String, Object> testSend(Store store, @RequestBody TestSendRequest body) {
        MessageTemplate template = template(body.template());
        Map<String, String> problems = messaging.problems(template);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the template is wrong: " + problems);
        }
        return outcome(messaging.testSend(store, channel(body.channel()), template, body.language(), body.to()));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConsentAnswer.class)))
    @GetMapping("/customers/{customerId}/consent")
    public Map<String, Object> consent(Store store, @PathVariable String customerId) {
        return messaging.consent(store, customerId);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConsentAnswer.class)))
    @PostMapping("/customers/{customerId}/consent")
    public Map<String, Object> grant(Store store, @PathVariable String customerId, @RequestBody ConsentRequest body) {
        messaging.record(
                store, customerId, channel(body.channel()), purpose(body.purpose()), true, source(body.source()));
        return messaging.consent(store, customerId);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConsentAnswer.class)))
    @PostMapping("/customers/{customerId}/consent/withdraw")
    public Map<String, Object> withdraw(
            Store store, @PathVariable String customerId, @RequestBody ConsentRequest body) {
        messaging.record(
                store, customerId, channel(body.channel()), purpose(body.purpose()), false, source(body.source()));
        return messaging.consent(store, customerId);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ConsentAnswer.class)))
    @PutMapping("/customers/{customerId}/language")
    public Map<String, Object> language(
            Store store, @PathVariable String customerId, @RequestBody LanguageRequest body) {
        messaging.language(store, customerId, body.language());
        return messaging.consent(store, customerId);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = LogEntryAnswer.class))))
    @GetMapping("/customers/{customerId}/log")
    public List<Map<String, Object>> log(
            Store store, @PathVariable String customerId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit " + limit + " must be 1-1000");
        }
        return messaging.messages(store, customerId, limit).stream()
                .map(MessagesController::entry)
                .toList();
    }

    /** Whether an unsubscribe link's customer is unsubscribed; a token of another store is not found. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = UnsubscribeAnswer.class)))
    @GetMapping("/unsubscribe/{token}")
    public Map<String, Object> unsubscribeStatus(Store store, @PathVariable String token) {
        UnsubscribeTokens.Subject subject = tokens.open(token)
                .filter(s -> s.store().equals(store.id()))
                .orElseThrow(() -> new io.basira.shared.NotFoundException("no unsubscribe link of this store"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customer_id", subject.customerId());
        answer.put("channel", subject.channel().name().toLowerCase(Locale.ROOT));
        answer.put("unsubscribed", messaging.unsubscribed(subject));
        return answer;
    }

    static Map<String, Object> entry(JdbcMessageLog.Entry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("customer_id", e.customerId());
        row.put("channel", e.channel().name().toLowerCase(Locale.ROOT));
        row.put("purpose", e.purpose().name().toLowerCase(Locale.ROOT));
        row.put("campaign_id", e.campaignId());
        row.put("trigger_key", e.triggerKey());
        row.put("language", e.language());
        row.put("status", e.status().name().toLowerCase(Locale.ROOT));
        row.put("reason", e.reason());
        row.put("retry_at", e.retryAt() == null ? null : e.retryAt().toString());
        row.put("provider_message_id", e.providerMessageId());
        row.put("attempts", e.attempts());
        row.put("requested_at", e.requestedAt().toString());
        row.put("sent_at", e.sentAt() == null ? null : e.sentAt().toString());
        return row;
    }

    static Map<String, Object> outcome(SendOutcome outcome) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (outcome instanceof SendOutcome.Sent s) {
            answer.put("status", "sent");
            answer.put("message_id", s.messageId());
        } else if (outcome instanceof SendOutcome.Deferred d) {
            answer.put("status", "deferred");
            answer.put("until", d.until().toString());
            answer.put("reason", d.reason().name().toLowerCase(Locale.ROOT));
        } else if (outcome instanceof SendOutcome.Suppressed s) {
            answer.put("status", "suppressed");
            answer.put("reason", s.reason().name().toLowerCase(Locale.ROOT));
        } else if (outcome instanceof SendOutcome.Failed f) {
            answer.put("status", "failed");
            answer.put("reason", f.reason());
            answer.put("retryable", f.retryable());
        }
        return answer;
    }

    private static MessageTemplate template(TemplateBody body) {
        if (body == null) {
            throw new IllegalArgumentException("template is missing: {\"ar\": {\"subject\", \"body\"}, \"en\": {...}}");
        }
        return body.template();
    }

    static Channel channel(String channel) {
        try {
            return Channel.valueOf(channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel '" + channel + "' must be email, sms or webhook");
        }
    }

    static Purpose purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return Purpose.MARKETING;
        }
        try {
            return Purpose.valueOf(purpose.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("purpose '" + purpose + "' must be marketing or transactional");
        }
    }

    private static String source(String source) {
        String s = source == null || source.isBlank() ? "api" : source.strip();
        if (!Consent.SOURCES.contains(s)) {
            throw new IllegalArgumentException(
                    "source '" + source + "' must be one of " + new java.util.TreeSet<>(Consent.SOURCES));
        }
        return s;
    }
}
