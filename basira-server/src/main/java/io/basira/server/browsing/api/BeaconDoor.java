package io.basira.server.browsing.api;

import io.basira.browsing.Refusal;
import io.basira.server.browsing.BeaconBody;
import io.basira.server.browsing.BrowsingIntake;
import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.platform.throttle.Throttle;
import io.basira.server.platform.throttle.ThrottledByAddress;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The beacon, {@code POST /b/collect?k=SITE_KEY} (docs/browsing.md), answered by this servlet filter ahead of
 * every other one: no Spring Security chain, no dispatcher, no message converters, no request observation, as
 * nothing there is trusted but the site key's store and the allowed origins. It keeps every check of the door:
 * the limit per client address ({@code basira.browsing.address-requests}, 429 and {@code Retry-After}), the site
 * ({@code 404}), the allowed origins ({@code 403}; CORS headers only for those), the limit per site key (429),
 * bots and Do-Not-Track (204, nothing stored), the body (at most {@value #MAX_BODY} bytes and
 * {@value BeaconBody#MAX_EVENTS} events, read by {@link BeaconBody}) and the bounded queue (503 and
 * {@code Retry-After} when it has no room for all the request's events). A request whose events were all
 * queued is answered {@code 204} with no body; one with refused events {@code 202} (some queued) or {@code 400}
 * (none) with each refusal. Other methods go on to the ordinary chain.
 */
public final class BeaconDoor implements Filter {

    static final int MAX_BODY = 32 * 1024;
    /**
     * A user agent holding one of these (in any case) is a bot. Searched with {@link String#contains} in the
     * lower-cased agent: a case-insensitive regular expression of the same alternatives was 6% of a beacon's CPU.
     */
    private static final List<String> BOTS = List.of(
            "bot",
            "crawl",
            "spider",
            "slurp",
            "headless",
            "lighthouse",
            "facebookexternalhit",
            "preview",
            "curl/",
            "wget/",
            "python-requests");
    /** One body buffer per request thread: a beacon allocates no buffer of its own. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[MAX_BODY + 1]);

    private final JdbcBrowsingSites sites;
    private final BrowsingIntake intake;
    private final Throttle perSite;
    private final Throttle perAddress;
    private final JsonMapper json;
    private final Clock clock;

    public BeaconDoor(
            JdbcBrowsingSites sites,
            BrowsingIntake intake,
            Throttle perSite,
            Throttle perAddress,
            JsonMapper json,
            Clock clock) {
        this.sites = sites;
        this.intake = intake;
        this.perSite = perSite;
        this.perAddress = perAddress;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        collect(request, (HttpServletResponse) res);
    }

    private void collect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (ThrottledByAddress.refused(perAddress, request, response)) {
            return;
        }
        String key = siteKey(request.getQueryString());
        Optional<BrowsingSite> found = key == null ? Optional.empty() : sites.byKey(key);
        if (found.isEmpty()) {
            intake.rejected(Refusal.UNKNOWN_SITE);
            refusal(response, 404, null, Refusal.UNKNOWN_SITE, "no site with this key");
            return;
        }
        BrowsingSite site = found.get();
        String origin = request.getHeader("Origin");
        if (!site.allows(origin)) {
            intake.rejected(Refusal.ORIGIN_NOT_ALLOWED);
            refusal(
                    response,
                    403,
                    null,
                    Refusal.ORIGIN_NOT_ALLOWED,
                    "origin '" + origin + "' is not one of the site's allowed origins");
            return;
        }
        cors(response, origin);
        Optional<Duration> wait = perSite.tryAcquire(site.siteKey());
        if (wait.isPresent()) {
            intake.refused("rate");
            retry(
                    response,
                    429,
                    seconds(wait.get()),
                    "too many events for this site: at most " + perSite.limit().attempts() + " requests per "
                            + perSite.limit().period().toSeconds() + " s");
            return;
        }
        if (ignored(site, request)) {
            response.setStatus(204);
            return;
        }
        BeaconBody body = body(request);
        if (!body.events().isEmpty() && !intake.offer(site.store(), body.events())) {
            retry(response, 503, 1, "the event queue is full; retry shortly");
            return;
        }
        if (body.rejected().isEmpty()) {
            response.setStatus(204);
            return;
        }
        body.rejected().forEach(r -> intake.rejected((Refusal) r.remove("refusal")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", body.events().size());
        answer.put("rejected", body.rejected());
        write(response, body.events().isEmpty() ? 400 : 202, answer);
    }

    /** The request's body, at most {@link #MAX_BODY} bytes, read into this thread's buffer. */
    private BeaconBody body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return tooLong();
        }
        byte[] buffer = BUFFERS.get();
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            int read;
            while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0) {
                length += read;
            }
        }
        return length > MAX_BODY ? tooLong() : BeaconBody.read(json, buffer, length, clock.instant());
    }

    private static BeaconBody tooLong() {
        return BeaconBody.tooLong(MAX_BODY);
    }

    /** The first value of {@code k} in the query string (decoded when it needs it), or null. */
    public static String siteKey(String query) {
        if (query == null) {
            return null;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            if (query.startsWith("k=", start)) {
                String key = query.substring(start + 2, end);
                if (key.indexOf('%') >= 0 || key.indexOf('+') >= 0) {
                    key = URLDecoder.decode(key, StandardCharsets.UTF_8);
                }
                return key.isEmpty() ? null : key;
            }
            start = end + 1;
        }
        return null;
    }

    private static boolean ignored(BrowsingSite site, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent == null || isBot(agent)) {
            return true;
        }
        return site.honourDnt() && ("1".equals(request.getHeader("DNT")) || "1".equals(request.getHeader("Sec-GPC")));
    }

    static boolean isBot(String agent) {
        String lower = agent.toLowerCase(Locale.ROOT);
        for (String bot : BOTS) {
            if (lower.contains(bot)) {
                return true;
            }
        }
        return false;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** CORS for an allowed origin only (never a wildcard, never credentials). */
    private static void cors(HttpServletResponse response, String origin) {
        response.setHeader("Vary", "Origin");
        if (origin != null) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        }
    }

    private void refusal(HttpServletResponse response, int status, String origin, Refusal refusal, String detail)
            throws IOException {
        cors(response, origin);
        Map<String, Object> line = BeaconBody.refusal(-1, refusal, detail);
        line.remove("refusal");
        write(response, status, Map.of("accepted", 0, "rejected", List.of(line)));
    }

    private void retry(HttpServletResponse response, int status, long seconds, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, status, Map.of("accepted", 0, "detail", detail));
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
