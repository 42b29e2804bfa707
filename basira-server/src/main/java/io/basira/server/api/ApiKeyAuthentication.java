package io.basira.server.api;

import io.basira.server.jdbc.JdbcApiKeys;
import io.basira.shared.Store;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under {@code /api/v1/} acts on exactly one store: the store of the API key presented
 * as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}. The store is put on the
 * request for {@link CurrentStore}; no request parameter can name another store.
 */
@Component
public class ApiKeyAuthentication extends OncePerRequestFilter {

    static final String STORE_ATTRIBUTE = ApiKeyAuthentication.class.getName() + ".store";

    private final JdbcApiKeys keys;

    public ApiKeyAuthentication(JdbcApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Store> store = presentedKey(request).flatMap(keys::storeOf);
        if (store.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a valid API key "
                    + "is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(STORE_ATTRIBUTE, store.get());
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
