package io.basira.server.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript: keeps cookies, does not follow redirects, reads CSRF tokens from forms. */
public final class DashboardClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String[] always;
    /** The session's CSRF header name and token, read from the first page {@link #postJson} needed. */
    private String[] csrfHeader;

    /** @param always header names and values sent with every request ({@code X-Forwarded-For}, …) */
    public DashboardClient(int port, String... always) {
        this.port = port;
        this.always = always;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = builder(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A multipart form POST with text fields and one file, as a browser sends an upload form. */
    public HttpResponse<String> postMultipart(
            String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "basira-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(fileField)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n")
                .append(content)
                .append("\r\n")
                .append("--")
                .append(boundary)
                .append("--\r\n");
        return send(builder(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build());
    }

    /** A JSON POST as the page's script sends it, with the CSRF header the page at {@code page} carries. */
    public HttpResponse<String> postJson(String page, String path, String json) {
        String[] csrf = csrfHeader(page);
        return send(builder(path)
                .header("Content-Type", "application/json")
                .header(csrf[0], csrf[1])
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /**
     * A request as a page's script sends it: {@code method} on {@code path} with the session's CSRF header (read from
     * the meta tags of the page at {@code page}) and an empty form body.
     */
    HttpResponse<String> withCsrfHeader(String page, String method, String path) {
        String[] csrf = csrfHeader(page);
        return send(builder(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(csrf[0], csrf[1])
                .method(method, HttpRequest.BodyPublishers.ofString(""))
                .build());
    }

    /** The CSRF token of the first form on the page at {@code path}. */
    public String csrfTokenOf(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path);
        }
        return m.group(1);
    }

    private String[] csrfHeader(String page) {
        if (csrfHeader == null) {
            String html = get(page).body();
            Matcher header =
                    Pattern.compile("name=\"csrf-header\" content=\"([^\"]+)\"").matcher(html);
            Matcher token =
                    Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            if (!header.find() || !token.find()) {
                throw new AssertionError("no CSRF meta tags on " + page);
            }
            csrfHeader = new String[] {header.group(1), token.group(1)};
        }
        return csrfHeader;
    }

    /** Signs in through the form. @return the response to the form's POST (a redirect) */
    public HttpResponse<String> signIn(String email, String password) {
        return postForm("/login", Map.of("email", email, "password", password, "_csrf", csrfTokenOf("/login")));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .map(c -> c.getValue())
                .orElse(null);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        return always.length == 0 ? request : request.headers(always);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
