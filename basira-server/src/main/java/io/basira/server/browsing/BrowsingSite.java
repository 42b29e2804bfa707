package io.basira.server.browsing;

import io.basira.server.platform.errors.CodedRefusal;
import io.basira.shared.StoreId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A store's tracking site (docs/browsing.md): the public {@code siteKey} the snippet names (it identifies the
 * store and grants nothing else), the {@code allowedOrigins} events are accepted from (scheme, host and port,
 * as a browser's {@code Origin} header says them), whether the page must say consent was given before anything
 * is sent ({@code consentRequired}), whether Do-Not-Track and Global Privacy Control are honoured
 * ({@code honourDnt}), and how many months events are kept ({@code retentionMonths}, 1 to 120).
 */
public record BrowsingSite(
        StoreId store,
        String siteKey,
        List<String> allowedOrigins,
        boolean consentRequired,
        boolean honourDnt,
        int retentionMonths) {

    public static final int DEFAULT_RETENTION_MONTHS = 13;
    public static final int MAX_ORIGINS = 20;

    public BrowsingSite {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(siteKey, "siteKey");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (retentionMonths < 1 || retentionMonths > 120) {
            throw new CodedRefusal(
                    "tracking.error.retention",
                    "retention_months must be 1 to 120, not " + retentionMonths,
                    retentionMonths);
        }
    }

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * Origins as typed by a merchant (one per line, or separated by spaces or commas), each read as
     * {@code scheme://host[:port]} in lower case, without a path; a bad one is refused with what it is and why.
     */
    public static List<String> origins(String text) {
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        for (String part : (text == null ? "" : text).split("[\\s,]+")) {
            if (!part.isBlank()) {
                origins.add(origin(part.strip()));
            }
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new CodedRefusal(
                    "tracking.error.too-many-origins",
                    "at most " + MAX_ORIGINS + " allowed origins, not " + origins.size(),
                    MAX_ORIGINS,
                    origins.size());
        }
        return new ArrayList<>(origins);
    }

    private static String origin(String text) {
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (java.net.URISyntaxException e) {
            throw new CodedRefusal(
                    "tracking.error.origin", "'" + text + "' is not an origin such as https://shop.example.com", text);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || "http".equals(scheme))
                || uri.getHost() == null
                || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null
                || text.length() > 200) {
            throw new CodedRefusal(
                    "tracking.error.origin",
                    "'" + text + "' is not an origin such as https://shop.example.com (scheme, host and port only)",
                    text);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
