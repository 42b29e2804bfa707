package io.basira.server.checkout;

import jakarta.servlet.http.HttpServletRequest;

/** The API key a request presented, read the way the API key filter reads it. */
final class ApiKeyActor {

    private ApiKeyActor() {}

    static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        String key = request.getHeader("X-Api-Key");
        return key == null ? null : key.strip();
    }
}
