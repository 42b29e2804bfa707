package io.basira.server.browsing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The snippet's source ({@code browsing/t.js} on the classpath), read once; its config is filled in per site. */
public final class Snippet {

    private Snippet() {}

    public static String script() {
        try (InputStream in = Snippet.class.getResourceAsStream("/browsing/t.js")) {
            if (in == null) {
                throw new IllegalStateException("browsing/t.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line a merchant pastes into their theme. */
    public static String line(String baseUrl, String siteKey) {
        return "<script async src=\"" + baseUrl + "/t.js?k=" + siteKey + "\"></script>";
    }
}
