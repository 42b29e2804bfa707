package io.basira.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A tiny HTTP client for the API tests: real requests to the running server, one API key. */
public final class Api {

    /** A response: status and body text. */
    public record Response(int status, String body, String contentType) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    public Api(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    /** The API key this client sends (a test that builds its own request, e.g. with Accept-Language). */
    public String key() {
        return key;
    }

    public Api withKey(String otherKey) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A POST whose body is sent in chunks, without a Content-Length (as a stream of unknown length). */
    public Response postChunked(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    public Response putJson(String path, String json) {
        return send("PUT", path, json);
    }

    /** Any method with a JSON body (PUT, PATCH …). */
    public Response send(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST of raw bytes (for bodies that are not valid text). */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** A multipart/form-data upload of named text files. */
    public Response upload(String path, java.util.Map<String, String> files) {
        return upload(path, files, null);
    }

    /** As {@link #upload(String, java.util.Map)}, asking for answers in {@code language} (Accept-Language). */
    public Response upload(String path, java.util.Map<String, String> files, String language) {
        String boundary = "basira-test-boundary";
        StringBuilder body = new StringBuilder();
        files.forEach((name, content) -> body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
