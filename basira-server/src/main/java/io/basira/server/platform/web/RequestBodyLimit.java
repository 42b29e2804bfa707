package io.basira.server.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds every request body that is read whole (a JSON record, a group, a rule to preview, the
 * dashboard's rule check, a population CSV…) to {@code basira.api.max-body} (1MB; README, "Limits"): a
 * body declared larger is refused before it is read, and a body sent without its length is read up to
 * the limit and refused once past it, so that no such body bigger than the limit is ever held. Refused
 * with 413 and the limit as a problem. Bodies with limits of their own are not touched: bulk requests
 * ({@code /api/v1/{kind}/bulk}, read as a stream), multipart uploads (written to disk) and form posts
 * (the container's form size limit).
 */
@Component
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    public RequestBodyLimit(@Value("${basira.api.max-body:1MB}") DataSize max, JsonMapper json) {
        this.maxBytes = max.toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null && request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return true;
        }
        if (type != null) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.startsWith("multipart/") || lower.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                return true;
            }
        }
        return isBulk(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Whether {@code path} is {@code /api/v1/{kind}/bulk}, with or without a last slash. */
    static boolean isBulk(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        String rest = path.endsWith("/")
                ? path.substring(prefix.length(), path.length() - 1)
                : path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash > 0
                && rest.indexOf('/', slash + 1) < 0
                && rest.substring(slash + 1).equals("bulk");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        byte[] body = read(request.getInputStream(), request.getContentLengthLong());
        if (body.length > maxBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /**
     * The body, at most {@code maxBytes + 1} bytes of it. A declared length (at most the limit here) is read into an
     * array of that size: the container ends the stream there, and most bodies are a few hundred bytes, which
     * {@code readNBytes(limit)} would read through buffers of its own and copy again.
     */
    private byte[] read(InputStream in, long declared) throws IOException {
        if (declared < 0) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put(
                "detail",
                "nothing was applied: a request body is at most " + maxBytes + " bytes"
                        + " (basira.api.max-body); send many records as NDJSON to a bulk endpoint");
        problem.put("instance", request.getRequestURI());
        problem.put("limit", maxBytes + " bytes");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read (at most the limit), served from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                /** The rest of the body in one copy of its size (the default reads through buffers of its own). */
                @Override
                public byte[] readAllBytes() {
                    return in.readAllBytes();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
