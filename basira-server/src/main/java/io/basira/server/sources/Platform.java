package io.basira.server.sources;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The platforms a source can be: each signs and shapes its webhooks its own way (docs/connect.md). */
public enum Platform {
    SALLA,
    ZID,
    SHOPIFY,
    /** Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) carrying Basira's canonical records. */
    STANDARD;

    /** The name in URLs and the API ({@code salla}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the platforms */
    public static Platform fromCode(String code) {
        for (Platform platform : values()) {
            if (platform.code().equals(code)) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + code + "', expected one of " + codes());
    }

    public static String codes() {
        return Arrays.stream(values()).map(Platform::code).collect(Collectors.joining(", "));
    }
}
