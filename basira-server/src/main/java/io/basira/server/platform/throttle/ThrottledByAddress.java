package io.basira.server.platform.throttle;

import io.basira.server.platform.errors.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate-limits a public door by client address: each request matching {@code door} uses one attempt
 * of its address's {@link Throttle} bucket; a request over the limit gets 429 with
 * {@code Retry-After} (seconds) and a problem detail, and goes no further. The address is
 * {@link HttpServletRequest#getRemoteAddr()}, which names the client behind a trusted reverse proxy
 * when forward headers are on (docs/security.md). Add it to the security chain of a public endpoint
 * (webhooks, the tracking snippet) before its handler.
 */
public final class ThrottledByAddress extends OncePerRequestFilter {

    private final Throttle throttle;
    private final RequestMatcher door;

    public ThrottledByAddress(Throttle throttle, RequestMatcher door) {
        this.throttle = throttle;
        this.door = door;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !door.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (refused(throttle, request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Takes one of the client address's attempts; when there is none left, answers {@code 429} with
     * {@code Retry-After} and a problem saying the limit, and returns true (the caller stops there). For the doors
     * that run ahead of Spring (the beacon, the platforms' webhooks) as for this filter.
     */
    public static boolean refused(Throttle throttle, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<Duration> wait = throttle.tryAcquire(request.getRemoteAddr());
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        ApiProblems.write(
                response,
                429,
                "Too Many Requests",
                "too many requests from this address: at most "
                        + throttle.limit().attempts() + " per "
                        + throttle.limit().period().toSeconds() + " s; retry in " + seconds + " s");
        return true;
    }
}
