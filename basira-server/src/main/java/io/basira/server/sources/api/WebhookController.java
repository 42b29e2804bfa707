package io.basira.server.sources.api;

import io.basira.server.platform.errors.ContentTooLarge;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.sources.Delivery;
import io.basira.server.sources.EventKeys;
import io.basira.server.sources.InboxMetrics;
import io.basira.server.sources.Platform;
import io.basira.server.sources.ReceiveWebhook;
import io.basira.server.sources.Signatures;
import io.basira.server.sources.jdbc.JdbcSources;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platforms' door: {@code POST /webhooks/{platform}/{source-id}}, no API key (the platform's own
 * signature is the proof; its security chain only throttles by address). A delivery is checked against the
 * source's secrets; a missing or bad signature gets 401 and leaves nothing but a counter; a genuine one is
 * stored in the inbox and answered 200 only after that commit (a redelivery of an event the store holds is
 * answered 200 too, and not stored again). Bodies are at most {@code basira.webhooks.max-body}.
 */
@RestController
public class WebhookController {

    private final JdbcSources sources;
    private final ReceiveWebhook receive;
    private final InboxMetrics metrics;
    private final Clock clock;
    private final long maxBody;

    public WebhookController(
            JdbcSources sources, ReceiveWebhook receive, InboxMetrics metrics, Clock clock, DataSize maxBody) {
        this.sources = sources;
        this.receive = receive;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBody = maxBody.toBytes();
    }

    @PostMapping("/webhooks/{platform}/{sourceId}")
    public ResponseEntity<Object> deliver(
            @PathVariable String platform,
            @PathVariable String sourceId,
            @RequestParam(name = "event", required = false) String event,
            HttpServletRequest request)
            throws IOException {
        Platform named = known(platform);
        JdbcSources.Found found = sources.forDelivery(named, sourceId)
                .orElseThrow(() -> new NotFound("no " + named.code() + " source '" + sourceId + "'"));
        byte[] body = read(request);
        Delivery delivery = new Delivery(named, headers(request), body, event);
        Signatures.Refusal refusal =
                Signatures.check(delivery, found.secrets().validAt(clock.instant()), clock.instant());
        if (refusal != null) {
            metrics.rejected(named, refusal);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED,
                    switch (refusal) {
                        case MISSING ->
                            "the delivery carries no " + named.code() + " signature or credentials; nothing was stored";
                        case BAD ->
                            "the " + named.code() + " signature or credentials do not match this source's secret;"
                                    + " nothing was stored";
                        case STALE -> "webhook-timestamp is more than 5 minutes from now; nothing was stored";
                    });
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ReceiveWebhook.Receipt receipt =
                receive.receive(found.source(), EventKeys.key(delivery), EventKeys.topic(delivery), text(body));
        if (receipt.duplicate()) {
            metrics.duplicate(named);
        } else {
            metrics.received(named);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("received", true);
        json.put("duplicate", receipt.duplicate());
        return ResponseEntity.ok(json);
    }

    private static Platform known(String platform) {
        try {
            return Platform.fromCode(platform);
        } catch (IllegalArgumentException e) {
            throw new NotFound("no platform '" + platform + "'; webhooks are received for " + Platform.codes());
        }
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            if (body.length > maxBody) {
                throw tooLarge();
            }
            return body;
        }
    }

    private ContentTooLarge tooLarge() {
        return new ContentTooLarge(
                "a webhook body is at most " + maxBody + " bytes (basira.webhooks.max-body)", maxBody + " bytes");
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    /** The body as text; a body that is not UTF-8 is refused (the platforms send UTF-8 JSON). */
    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8 text; nothing was stored");
        }
    }
}
