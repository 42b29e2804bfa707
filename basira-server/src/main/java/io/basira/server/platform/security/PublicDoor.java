package io.basira.server.platform.security;

import io.basira.server.platform.throttle.Throttle;
import io.basira.server.platform.throttle.ThrottledByAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The security chain of a public door (docs/security.md, "Throttling public doors"): the platforms' webhooks, the
 * tracking beacon, the survey page, the one-click unsubscribe. Every such door is the same: no session, no CSRF
 * token, no sign-in form or basic auth, every request permitted — what proves a request is the door's own check (a
 * signature, a site key, a signed token) — and throttled per client address, answering 429 with
 * {@code Retry-After} over the limit. Only the paths, the limit and the response headers differ.
 *
 * <pre>{@code
 * return PublicDoor.at("/u/**").limit(60, Duration.ofMinutes(1), clock).build(http);
 * }</pre>
 *
 * A door without a limit is refused: an unthrottled public door is a mistake, not an option.
 */
public final class PublicDoor {

    /** How many client addresses each door's throttle remembers (the least recently seen is forgotten beyond). */
    public static final int ADDRESSES = 100_000;

    private final String[] paths;
    private Throttle throttle;
    private Customizer<HeadersConfigurer<HttpSecurity>> headers = Customizer.withDefaults();

    private PublicDoor(String[] paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a public door needs at least one path");
        }
        this.paths = paths.clone();
    }

    /** The door's paths, as {@link HttpSecurity#securityMatcher(String...)} takes them. */
    public static PublicDoor at(String... paths) {
        return new PublicDoor(paths);
    }

    /** At most {@code requests} per {@code period} from one client address (a token bucket: docs/security.md). */
    public PublicDoor limit(int requests, Duration period, Clock clock) {
        this.throttle = new Throttle(new Throttle.Limit(requests, period), ADDRESSES, clock);
        return this;
    }

    /** The door's own response headers (a content security policy, caching); Spring Security's defaults otherwise. */
    public PublicDoor headers(Customizer<HeadersConfigurer<HttpSecurity>> headers) {
        this.headers = Objects.requireNonNull(headers, "headers");
        return this;
    }

    public SecurityFilterChain build(HttpSecurity http) throws Exception {
        if (throttle == null) {
            throw new IllegalStateException(
                    "the public door " + String.join(", ", paths) + " has no limit per address");
        }
        return http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(headers)
                .addFilterBefore(
                        new ThrottledByAddress(throttle, AnyRequestMatcher.INSTANCE),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
