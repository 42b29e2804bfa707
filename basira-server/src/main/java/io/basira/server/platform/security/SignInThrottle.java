package io.basira.server.platform.security;

import io.basira.server.platform.throttle.Throttle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the dashboard's sign-in (docs/dashboard.md): failed attempts are counted per account
 * (the e-mail, in lower case) and per client address, each a {@link Throttle}. While either has no
 * attempt left, {@code POST /login} is turned away to {@code /login?throttled} <em>before</em> the
 * password is checked, so a flood of guesses costs no BCrypt work (about 0.25 s of CPU each at cost 12).
 * A successful sign-in gives the account its allowance back; the address's count only refills with time.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final RequestMatcher SIGN_IN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final Throttle accounts;
    private final Throttle addresses;

    public SignInThrottle(
            Clock clock,
            @Value("${basira.sign-in.account-attempts:5}") int accountAttempts,
            @Value("${basira.sign-in.account-period:15m}") Duration accountPeriod,
            @Value("${basira.sign-in.address-attempts:20}") int addressAttempts,
            @Value("${basira.sign-in.address-period:15m}") Duration addressPeriod) {
        this.accounts = new Throttle(new Throttle.Limit(accountAttempts, accountPeriod), 100_000, clock);
        this.addresses = new Throttle(new Throttle.Limit(addressAttempts, addressPeriod), 100_000, clock);
    }

    /**
     * Takes an attempt from the account and from the address before the password check, and turns
     * the sign-in away when either has none left. Taking it up front (not after a failure) holds
     * the limits when many guesses arrive at once.
     */
    OncePerRequestFilter gate() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !SIGN_IN.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait =
                        accounts.tryAcquire(account(request)).or(() -> addresses.tryAcquire(request.getRemoteAddr()));
                if (wait.isPresent()) {
                    log.debug("sign-in throttled for {} s", wait.get().toSeconds());
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A failed sign-in (its attempt was taken by the gate) shows the form again with the error. */
    AuthenticationFailureHandler onFailure() {
        return new SimpleUrlAuthenticationFailureHandler("/login?error");
    }

    /** A successful sign-in gives the account its attempts back and goes where the user was going (or the overview). */
    AuthenticationSuccessHandler onSuccess() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            accounts.forget(account(request));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static String account(HttpServletRequest request) {
        String email = request.getParameter("email");
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
