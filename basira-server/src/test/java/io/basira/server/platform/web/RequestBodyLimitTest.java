package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The filter's own parts; the limits end to end are in {@code RequestLimitsContract}. */
class RequestBodyLimitTest {

    private final RequestBodyLimit limit =
            new RequestBodyLimit(DataSize.ofBytes(64), JsonMapper.builder().build());

    @Test
    void aBodyOfDeclaredLengthReachesTheChainWhole() throws Exception {
        byte[] body = "{\"customer_id\":\"c-1\",\"total\":\"120.50\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(passed(body, true)).isEqualTo(body);
    }

    @Test
    void aBodyWithoutDeclaredLengthReachesTheChainWhole() throws Exception {
        byte[] body = "{\"customer_id\":\"ع-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(passed(body, false)).isEqualTo(body);
    }

    @Test
    void aBodyPastTheLimitWithoutDeclaredLengthIsRefused() throws Exception {
        MockHttpServletRequest request = request(new byte[65], false);
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void bulkPathsAreAKindThenBulk() {
        assertThat(RequestBodyLimit.isBulk("/api/v1/orders/bulk")).isTrue();
        assertThat(RequestBodyLimit.isBulk("/api/v1/customers/bulk/")).isTrue();
    }

    @Test
    void everythingElseIsBoundedByTheLimit() {
        assertThat(RequestBodyLimit.isBulk("/api/v1/checkout/decisions")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v1//bulk")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v1/bulk")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v1/orders/bulk//")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v1/orders/x/bulk")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v1/orders/bulky")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/api/v2/orders/bulk")).isFalse();
        assertThat(RequestBodyLimit.isBulk("/dashboard/api/v1/orders/bulk")).isFalse();
    }

    /** The body the rest of the chain reads, all at once and then nothing more. */
    private byte[] passed(byte[] body, boolean declared) throws Exception {
        AtomicReference<byte[]> read = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
                    throws java.io.IOException {
                var in = ((HttpServletRequest) request).getInputStream();
                read.set(in.readAllBytes());
                assertThat(in.read()).isEqualTo(-1);
                assertThat(in.isFinished()).isTrue();
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request(body, declared), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        return read.get();
    }

    private static MockHttpServletRequest request(byte[] body, boolean declared) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checkout/decisions") {
            @Override
            public long getContentLengthLong() {
                return declared ? super.getContentLengthLong() : -1;
            }

            @Override
            public int getContentLength() {
                return declared ? super.getContentLength() : -1;
            }
        };
        request.setContentType("application/json");
        request.setContent(body);
        if (!declared) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }
}
