package io.basira.server.platform.security;

import io.basira.server.platform.errors.ApiProblems;
import io.basira.server.platform.tenancy.CurrentStore;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.shared.Store;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under {@code /api/v1/} acts on exactly one store: the store of the API key presented
 * as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}.
 *
 * <p>This filter runs inside the API's Spring Security chain (security.SecurityConfiguration), which
 * matches requests on their decoded, normalised path — the same path Spring MVC routes on — so a
 * percent-encoded spelling ({@code /%61pi/v1/store}) meets the same check. It only authenticates: a
 * valid key puts an authentication whose principal is the key's {@link Store} in the security
 * context (read by {@link CurrentStore}); a missing or wrong key leaves the request anonymous and the
 * chain's authorisation refuses it with {@link ApiProblems#apiKeyRequired}. Not a Spring bean, so it
 * is never registered as a servlet filter of its own.
 */
public class ApiKeyAuthentication extends OncePerRequestFilter {

    /** The authority of a request authenticated by a store's API key. */
    public static final String AUTHORITY = "API_KEY";

    private final JdbcApiKeys keys;

    public ApiKeyAuthentication(JdbcApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Store> store =
                presentedKey(request).filter(key -> !key.isEmpty()).flatMap(keys::storeOf);
        if (store.isPresent()) {
            var authentication = new PreAuthenticatedAuthenticationToken(
                    store.get(), null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The key a request presents ({@code Authorization: Bearer} first, then {@code X-Api-Key}). */
    public static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::strip);
    }
}
