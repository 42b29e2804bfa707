package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths are bulk requests, which {@link RequestBodyLimit} leaves to their own (streaming) limits. */
class RequestBodyLimitPathsTest {

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
}
