package io.basira.server.browsing;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.browsing.Refusal;
import io.basira.browsing.RefusedEvent;
import io.basira.server.throttle.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snippet's two public doors (docs/browsing.md), no API key: {@code GET /t.js?k=SITE_KEY}, the script
 * with the site's consent and Do-Not-Track settings, and {@code POST /b/collect?k=SITE_KEY}, the beacon. The
 * site key names the store and grants nothing else; a beacon is accepted only from one of the site's allowed
 * origins (the browser's {@code Origin} header; CORS headers are sent only for those), within the per-key rate
 * limit (429), and when the queue has room for all its events (503); both say {@code Retry-After}. A body is
 * {@code {"v": visitor, "s": session, "e": [event, ...]}}, at most {@value #MAX_EVENTS} events and
 * {@value #MAX_BODY} bytes; each bad event is refused with its index and reason, the good ones are queued.
 * Requests from known bots, and with Do-Not-Track or Global Privacy Control when the site honours them, are
 * answered 204 and leave nothing but a counter.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // its queue exists in the server only
public class CollectController {

    static final int MAX_EVENTS = 50;
    static final int MAX_BODY = 32 * 1024;
    private static final Pattern BOTS = Pattern.compile(
            "bot|crawl|spider|slurp|headless|lighthouse|facebookexternalhit|preview|curl/|wget/|python-requests",
            Pattern.CASE_INSENSITIVE);

    private final JdbcBrowsingSites sites;
    private final BrowsingIntake intake;
    private final Throttle perSite;
    private final JsonMapper json;
    private final Clock clock;
    private final String script;

    CollectController(JdbcBrowsingSites sites, BrowsingIntake intake, Throttle perSite, JsonMapper json, Clock clock) {
        this.sites = sites;
        this.intake = intake;
        this.perSite = perSite;
        this.json = json;
        this.clock = clock;
        this.script = Snippet.script();
    }

    @GetMapping(value = "/t.js", produces = "text/javascript")
    public ResponseEntity<String> script(@RequestParam(name = "k", required = false) String key) {
        Optional<BrowsingSite> site = key == null ? Optional.empty() : sites.byKey(key);
        if (site.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.valueOf("text/javascript"))
                    .body("/* Basira: no site with this key */\n");
        }
        String config = "{\"c\":" + site.get().consentRequired() + ",\"d\":" + site.get().honourDnt() + "}";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                .body(script.replace("\"__CONFIG__\"", config));
    }

    @PostMapping("/b/collect")
    public ResponseEntity<Object> collect(@RequestParam(name = "k", required = false) String key,
            HttpServletRequest request) {
        Optional<BrowsingSite> found = key == null ? Optional.empty() : sites.byKey(key);
        if (found.isEmpty()) {
            intake.rejected(Refusal.UNKNOWN_SITE);
            return answer(HttpStatus.NOT_FOUND, null, refusal(-1, Refusal.UNKNOWN_SITE, "no site with this key"));
        }
        BrowsingSite site = found.get();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!site.allows(origin)) {
            intake.rejected(Refusal.ORIGIN_NOT_ALLOWED);
            return answer(HttpStatus.FORBIDDEN, null, refusal(-1, Refusal.ORIGIN_NOT_ALLOWED,
                    "origin '" + origin + "' is not one of the site's allowed origins"));
        }
        Optional<Duration> wait = perSite.tryAcquire(site.siteKey());
        if (wait.isPresent()) {
            intake.refused("rate");
            return retry(HttpStatus.TOO_MANY_REQUESTS, origin, Math.max(1, (wait.get().toMillis() + 999) / 1000),
                    "too many events for this site: at most " + perSite.limit().attempts() + " requests per "
                            + perSite.limit().period().toSeconds() + " s");
        }
        if (ignored(site, request)) {
            return ResponseEntity.noContent().headers(cors(origin)).build();
        }
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<BrowsingEvent> events = read(request, clock.instant(), rejected);
        if (!events.isEmpty() && !intake.offer(site.store(), events)) {
            return retry(HttpStatus.SERVICE_UNAVAILABLE, origin, 1, "the event queue is full; retry shortly");
        }
        rejected.forEach(r -> intake.rejected((Refusal) r.remove("refusal")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", events.size());
        body.put("rejected", rejected);
        return ResponseEntity.status(events.isEmpty() && !rejected.isEmpty() ? HttpStatus.BAD_REQUEST
                : HttpStatus.ACCEPTED).headers(cors(origin)).body(body);
    }

    private static boolean ignored(BrowsingSite site, HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent == null || BOTS.matcher(agent).find()) {
            return true;
        }
        return site.honourDnt() && ("1".equals(request.getHeader("DNT")) || "1".equals(request.getHeader("Sec-GPC")));
    }

    /** The body's events; each bad one is added to {@code rejected} (index, refusal, detail) instead. */
    private List<BrowsingEvent> read(HttpServletRequest request, Instant now, List<Map<String, Object>> rejected) {
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                rejected.add(refusal(-1, Refusal.BAD_BODY, "a body is at most " + MAX_BODY + " bytes"));
                return List.of();
            }
            body = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            rejected.add(refusal(-1, Refusal.BAD_BODY, "the body is not JSON"));
            return List.of();
        }
        JsonNode list = body == null ? null : body.get("e");
        if (list == null || !list.isArray() || list.size() > MAX_EVENTS) {
            rejected.add(refusal(-1, Refusal.BAD_BODY, "the body needs 'e', an array of at most " + MAX_EVENTS
                    + " events"));
            return List.of();
        }
        List<BrowsingEvent> events = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            try {
                events.add(new BrowsingEvent(EventKind.ofCode(text(e, "t")), text(body, "v"), text(body, "s"), now,
                        text(e, "p"), text(e, "pr"), text(e, "ca"), text(e, "q"), text(e, "cu")));
            } catch (RefusedEvent refused) {
                rejected.add(refusal(i, refused.refusal(), refused.getMessage()));
            }
        }
        return events;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
    }

    private static Map<String, Object> refusal(int index, Refusal refusal, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (index >= 0) {
            line.put("index", index);
        }
        line.put("refusal", refusal);
        line.put("reason", refusal.code());
        line.put("detail", detail);
        return line;
    }

    private static ResponseEntity<Object> answer(HttpStatus status, String origin, Map<String, Object> refusal) {
        refusal.remove("refusal");
        return ResponseEntity.status(status).headers(cors(origin)).body(Map.of("accepted", 0, "rejected",
                List.of(refusal)));
    }

    private static ResponseEntity<Object> retry(HttpStatus status, String origin, long seconds, String detail) {
        HttpHeaders headers = cors(origin);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ResponseEntity.status(status).headers(headers).body(Map.of("accepted", 0, "detail", detail));
    }

    /** CORS for an allowed origin only (never a wildcard, never credentials). */
    private static HttpHeaders cors(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        return headers;
    }
}
