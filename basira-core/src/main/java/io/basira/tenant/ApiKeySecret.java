package io.basira.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A store's API key as the client holds it: {@code bsk_<prefix>_<secret>}. Only its SHA-256 hash
 * is ever stored; the plain key is shown once, at creation.
 *
 * <p>The key carries 192 bits from a {@link SecureRandom}, so a fast hash is the right choice
 * (a slow KDF protects low-entropy passwords, not random keys). The prefix is stored in clear so
 * a merchant can tell keys apart in a list.
 */
public record ApiKeySecret(String value) {

    private static final String SCHEME = "bsk_";
    /** Characters of the random prefix: 6 bytes in unpadded Base64. */
    private static final int PREFIX_CHARS = 8;

    public ApiKeySecret {
        if (value == null || !value.startsWith(SCHEME) || value.length() < 20) {
            throw new IllegalArgumentException("not a Basira API key");
        }
    }

    public static ApiKeySecret generate(SecureRandom random) {
        byte[] prefix = new byte[6];
        byte[] secret = new byte[24];
        random.nextBytes(prefix);
        random.nextBytes(secret);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return new ApiKeySecret(SCHEME + encoder.encodeToString(prefix) + "_" + encoder.encodeToString(secret));
    }

    /**
     * The part shown in key lists ({@code bsk_AbCdEfGh}): the scheme and the first {@value #PREFIX_CHARS}
     * characters after it. Counted, not cut at the next {@code _}: the URL-safe alphabet of the random part
     * holds {@code _} too, and cutting there gave short, shared prefixes that an audit search by the key's
     * start did not find.
     */
    public String prefix() {
        return value.substring(0, SCHEME.length() + PREFIX_CHARS);
    }

    /** Lower-case hex SHA-256 of the whole key: what is stored and looked up. */
    public String hash() {
        return hashOf(value);
    }

    public static String hashOf(String presented) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return prefix() + "_…";
    }
}
