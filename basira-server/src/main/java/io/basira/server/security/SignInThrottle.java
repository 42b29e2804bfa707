package io.basira.server.security;

import io.basira.server.throttle.Throttle;
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
    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final Throttle accounts;
    private final Throttle addresses;

    public SignInThrottle(Clock clock,
            @Value("${basira.sign-in.account-attempts:5}") int accountAttempts,
            @Value("${basira.sign-in.account-period:15m}") Duration accountPeriod,
            @Value("${basira.sign-in.address-attempts:20}") int addressAttempts,
            @Value("${basira.sign-in.address-period:15m}") Duration addressPeriod) {
        this.accounts = new Throttle(new Throttle.Limit(accountAttempts, accountPeriod), 100_000, clock);
        this.addresses = new Throttle(new Throttle.Limit(addressAttempts, addressPeriod), 100_000, clock);
    }

    /** Turns a sign-in away while its account or address has no attempt left; goes before the password check. */
    OncePerRequestFilter gate() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !SIGN_IN.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Duration> wait = accounts.check(account(request)).or(() -> addresses.check(request.getRemoteAddr()));
                if (wait.isPresent()) {
                    log.warn("sign-in throttled for {} s (too many failed attempts for the account or from {})",
                            wait.get().toSeconds(), request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Counts a failed sign-in against its account and address, then shows the form again with the error. */
    AuthenticationFailureHandler onFailure() {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            accounts.spend(account(request));
            addresses.spend(request.getRemoteAddr());
            wrongPassword.onAuthenticationFailure(request, response, e);
        };
    }

    /** A successful sign-in ends the account's count and goes where the user was going (or the overview). */
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
