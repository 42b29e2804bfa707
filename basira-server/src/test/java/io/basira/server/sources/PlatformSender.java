package io.basira.server.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Sends webhooks to a running server signed as each platform signs them (or not, or badly, for the tests). */
final class PlatformSender {

    /** A response: status and body. */
    record Response(int status, String body) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    PlatformSender(int port) {
        this.port = port;
    }

    static String fixture(String name) {
        try (var in = PlatformSender.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The headers the platform sends with {@code body}, signed with {@code secret}. */
    static Map<String, String> signed(String platform, String secret, String body, String topic, Instant now) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        switch (platform) {
            case "salla" -> {
                headers.put("X-Salla-Security-Strategy", "Signature");
                headers.put(
                        "X-Salla-Signature",
                        HexFormat.of()
                                .formatHex(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), bytes)));
            }
            case "shopify" -> {
                headers.put("X-Shopify-Topic", topic);
                headers.put(
                        "X-Shopify-Hmac-Sha256",
                        Base64.getEncoder()
                                .encodeToString(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), bytes)));
                headers.put("X-Shopify-Event-Id", UUID.nameUUIDFromBytes(bytes).toString());
                headers.put("X-Shopify-Shop-Domain", "example.myshopify.com");
            }
            case "zid" ->
                headers.put(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            case "standard" -> {
                String id = "msg_" + UUID.nameUUIDFromBytes(bytes);
                long seconds = now.getEpochSecond();
                byte[] key = StandardSignature.keyOf(secret);
                String content = id + "." + seconds + "." + body;
                headers.put("webhook-id", id);
                headers.put("webhook-timestamp", Long.toString(seconds));
                headers.put(
                        "webhook-signature",
                        "v1,"
                                + Base64.getEncoder()
                                        .encodeToString(
                                                Signatures.hmacSha256(key, content.getBytes(StandardCharsets.UTF_8))));
            }
            default -> throw new IllegalArgumentException(platform);
        }
        return headers;
    }

    Response post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
