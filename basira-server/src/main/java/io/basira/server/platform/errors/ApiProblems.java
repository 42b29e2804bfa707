package io.basira.server.platform.errors;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Problem details written by the security chains, before any controller runs (RFC 9457). */
public final class ApiProblems {

    private ApiProblems() {}

    /** 401 for an {@code /api/**} request without a valid store API key. */
    public static AuthenticationEntryPoint apiKeyRequired() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "Unauthorized",
                    "a valid API key is required: send it " + "as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        };
    }

    /** Writes a problem; {@code title} must need no JSON escaping, {@code detail} is escaped. */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream()
                .write(("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
