package io.basira.server.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends one signed request (the JDK's {@link HttpClient}) to a URL {@link EndpointAddresses} accepts: POST of the JSON body with {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature}; a connect and a response timeout; redirects not followed
 * (a 3xx is a failed attempt); the answer's body is not read.
 */
public final class WebhookSender {

    /** What came back: the status (null: no answer), its {@code Retry-After}, or what went wrong. */
    public record Answer(Integer statusCode, Optional<String> retryAfter, String error) {}

    private final EndpointAddresses addresses;
    private final HttpClient http;
    private final Duration responseTimeout;

    public WebhookSender(EndpointAddresses addresses, Duration connectTimeout, Duration responseTimeout) {
        this.addresses = addresses;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.responseTimeout = responseTimeout;
    }

    /** Checks the URL's addresses again (a name may resolve elsewhere now), then sends; a refusal is an answer too. */
    public Answer send(String url, String messageId, long timestampSeconds, List<String> secrets, String body) {
        URI checked;
        try {
            checked = addresses.check(url);
        } catch (EndpointAddresses.Refused e) {
            return new Answer(null, Optional.empty(), e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(checked)
                .timeout(responseTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Basira-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", WebhookSigner.signature(secrets, messageId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // not read: an endless body cannot hold the sender
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), null);
        } catch (HttpConnectTimeoutException e) {
            return new Answer(null, Optional.empty(), "connect timeout");
        } catch (HttpTimeoutException e) {
            return new Answer(null, Optional.empty(), "no answer within " + responseTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Answer(null, Optional.empty(), "connection refused");
        } catch (IOException e) {
            return new Answer(
                    null, Optional.empty(), "connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, Optional.empty(), "interrupted");
        }
    }
}
