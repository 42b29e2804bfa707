package io.basira.server.platform.security;

import io.basira.server.platform.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the sources' secrets for the database: AES-256-GCM with a random 96-bit nonce per secret, stored
 * as {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). The key is {@code basira.secrets.key} (base64 of 32
 * bytes); unset, it is the file {@code secrets.key} of the data folder, created (owner-only) on first use.
 * A sealed secret that was altered, or sealed with another key, does not open. Thread-safe.
 */
public final class SecretBox {

    static final String FILE_NAME = "secrets.key";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 32 bytes */
    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("basira.secrets.key must be base64 of 32 bytes, it has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From the configured base64 key, else the data folder's key file (made when missing). */
    public static SecretBox of(String configuredKey, Path dataFolder) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new SecretBox(decode(configuredKey.strip()));
        }
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return new SecretBox(
                        decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnly.write(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            return new SecretBox(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("basira.secrets.key is not base64 (of 32 bytes)");
        }
    }

    /**
     * A key for {@code purpose} (a keyed hash, such as the privacy tombstones'), derived from this box's key:
     * HMAC-SHA256 of the purpose. The same key and purpose give the same bytes in every process.
     */
    public byte[] derivedKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalStateException when the value was altered or sealed with another key */
    public String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a source's secret does not open with this basira.secrets.key" + " (was the key changed?)");
        }
    }
}
