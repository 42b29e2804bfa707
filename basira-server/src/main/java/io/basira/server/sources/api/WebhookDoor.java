package io.basira.server.sources.api;

import io.basira.server.platform.errors.ApiProblems;
import io.basira.server.platform.errors.RedactedFailure;
import io.basira.server.platform.throttle.Throttle;
import io.basira.server.platform.throttle.ThrottledByAddress;
import io.basira.server.sources.Delivery;
import io.basira.server.sources.EventKeys;
import io.basira.server.sources.InboxMetrics;
import io.basira.server.sources.Platform;
import io.basira.server.sources.ReceiveWebhook;
import io.basira.server.sources.Signatures;
import io.basira.server.sources.jdbc.JdbcSources;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platforms' door, {@code POST /webhooks/{platform}/{source-id}}: a servlet filter ahead of every other one, as
 * {@code BeaconDoor} is for the beacon — no Spring Security chain, no dispatcher, no message converters, no
 * request observation — since nothing there is trusted but the platform's own signature, which this door checks
 * itself. It keeps every check the door had: the limit per client address ({@code basira.webhooks.address-attempts}
 * per {@code basira.webhooks.address-period}; 429 and {@code Retry-After}), the platform and the source ({@code 404}),
 * the body ({@code basira.webhooks.max-body}, {@code 413}; UTF-8, {@code 400}), the signature against the source's
 * secrets ({@code 401} with a problem detail; nothing is stored but the counter). A genuine delivery is stored in
 * the inbox and answered {@code 200 {"received":true,"duplicate":…}} only after that commit (a redelivery of an
 * event the store holds is answered 200 too, not stored again); when it could not be stored, {@code 503} and
 * {@code Retry-After}, so the platform sends it again. Other methods are answered {@code 405}.
 */
public final class WebhookDoor implements Filter {

    private static final Logger log = LoggerFactory.getLogger(WebhookDoor.class);
    private static final String PREFIX = "/webhooks/";
    private static final byte[] RECEIVED = "{\"received\":true,\"duplicate\":false}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DUPLICATE = "{\"received\":true,\"duplicate\":true}".getBytes(StandardCharsets.UTF_8);

    private final JdbcSources sources;
    private final ReceiveWebhook receive;
    private final InboxMetrics metrics;
    private final Throttle perAddress;
    private final Clock clock;
    private final long maxBody;

    public WebhookDoor(
            JdbcSources sources,
            ReceiveWebhook receive,
            InboxMetrics metrics,
            Throttle perAddress,
            Clock clock,
            long maxBody) {
        this.sources = sources;
        this.receive = receive;
        this.metrics = metrics;
        this.perAddress = perAddress;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (ThrottledByAddress.refused(perAddress, request, response)) {
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            ApiProblems.write(
                    response,
                    405,
                    "Method Not Allowed",
                    "webhooks are delivered with POST, not " + request.getMethod());
            return;
        }
        deliver(request, response);
    }

    private void deliver(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int slash = path.startsWith(PREFIX) ? path.indexOf('/', PREFIX.length()) : -1;
        if (slash < 0 || path.indexOf('/', slash + 1) >= 0 || slash + 1 == path.length()) {
            ApiProblems.write(response, 404, "Not Found", "webhooks are received at /webhooks/{platform}/{source-id}");
            return;
        }
        String platformCode = decode(path.substring(PREFIX.length(), slash));
        String sourceId = decode(path.substring(slash + 1));
        Platform platform;
        try {
            platform = Platform.fromCode(platformCode);
        } catch (IllegalArgumentException e) {
            ApiProblems.write(
                    response,
                    404,
                    "Not Found",
                    "no platform '" + platformCode + "'; webhooks are received for " + Platform.codes());
            return;
        }
        Optional<JdbcSources.Found> found = sources.forDelivery(platform, sourceId);
        if (found.isEmpty()) {
            ApiProblems.write(response, 404, "Not Found", "no " + platform.code() + " source '" + sourceId + "'");
            return;
        }
        byte[] body = read(request);
        if (body == null) {
            response.setHeader("Content-Type", "application/problem+json");
            response.setStatus(413);
            response.getOutputStream()
                    .write(("{\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"a webhook body is at most "
                                    + maxBody + " bytes (basira.webhooks.max-body)\",\"limit\":\"" + maxBody
                                    + " bytes\"}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Delivery delivery = new Delivery(platform, headers(request), body, event(request.getQueryString()));
        Instant now = clock.instant();
        Signatures.Refusal refusal =
                Signatures.check(delivery, found.get().secrets().validAt(now), now);
        if (refusal != null) {
            metrics.rejected(platform, refusal);
            response.setHeader("WWW-Authenticate", "Signature");
            ApiProblems.write(
                    response,
                    401,
                    "Unauthorized",
                    switch (refusal) {
                        case MISSING ->
                            "the delivery carries no " + platform.code()
                                    + " signature or credentials; nothing was stored";
                        case BAD ->
                            "the " + platform.code() + " signature or credentials do not match this source's secret;"
                                    + " nothing was stored";
                        case STALE -> "webhook-timestamp is more than 5 minutes from now; nothing was stored";
                    });
            return;
        }
        String text = text(body);
        if (text == null) {
            ApiProblems.write(response, 400, "Bad Request", "the body is not UTF-8 text; nothing was stored");
            return;
        }
        ReceiveWebhook.Receipt receipt;
        try {
            receipt = receive.receive(found.get().source(), EventKeys.key(delivery), EventKeys.topic(delivery), text);
        } catch (RuntimeException e) { // not stored: no 2xx, the platform sends it again
            log.warn("a {} delivery could not be stored", platform.code(), RedactedFailure.of(e)); // no message: data
            response.setHeader("Retry-After", "1");
            ApiProblems.write(response, 503, "Service Unavailable", "the delivery was not stored; send it again");
            return;
        }
        if (receipt.duplicate()) {
            metrics.duplicate(platform);
        } else {
            metrics.received(platform);
        }
        byte[] answer = receipt.duplicate() ? DUPLICATE : RECEIVED;
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** The body, at most {@code maxBody} bytes; null when it is larger. */
    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
            return body.length > maxBody ? null : body;
        }
    }

    /** The headers by lower-case name, the first value of each. */
    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }

    /**
     * The first {@code event} of the query string, or null (read here, not by {@code getParameter}, which would
     * read a form-encoded body as parameters).
     */
    static String event(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("event=")) {
                return URLDecoder.decode(pair.substring("event=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String decode(String segment) {
        return segment.indexOf('%') < 0 ? segment : URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    /** The body as text; null when it is not UTF-8 (the platforms send UTF-8 JSON). */
    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
