package io.basira.server.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

class ThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void a_key_gets_its_attempts_then_one_more_each_share_of_the_period() {
        Throttle throttle = new Throttle(new Throttle.Limit(5, Duration.ofMinutes(15)), 100, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAcquire("a")).isEmpty();
        }
        assertThat(throttle.tryAcquire("a")).hasValue(Duration.ofMinutes(3));
        assertThat(throttle.tryAcquire("b")).as("keys are counted apart").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.check("a")).hasValue(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.check("a")).isEmpty();
        assertThat(throttle.tryAcquire("a")).isEmpty();
        assertThat(throttle.tryAcquire("a")).isPresent();
    }

    @Test
    void check_does_not_use_an_attempt_spend_and_forget_do() {
        Throttle throttle = new Throttle(new Throttle.Limit(2, Duration.ofMinutes(10)), 100, clock);
        throttle.check("a");
        throttle.check("a");
        throttle.spend("a");
        assertThat(throttle.check("a")).isEmpty();
        throttle.spend("a");
        assertThat(throttle.check("a")).isPresent();
        throttle.forget("a");
        assertThat(throttle.check("a")).isEmpty();
    }

    @Test
    void at_most_max_keys_are_remembered() {
        Throttle throttle = new Throttle(new Throttle.Limit(1, Duration.ofHours(1)), 2, clock);
        throttle.spend("a");
        throttle.spend("b");
        throttle.spend("c");
        assertThat(throttle.check("a"))
                .as("the least recently used key was forgotten")
                .isEmpty();
        assertThat(throttle.check("c")).isPresent();
    }

    @Test
    void a_limit_needs_attempts_and_a_period() {
        assertThatThrownBy(() -> new Throttle.Limit(0, Duration.ofMinutes(1))).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Throttle.Limit(1, Duration.ZERO)).hasMessageContaining("positive period");
    }

    @Test
    void a_public_door_answers_429_with_retry_after_once_an_address_is_over_its_limit() throws Exception {
        Throttle throttle = new Throttle(new Throttle.Limit(2, Duration.ofMinutes(1)), 100, clock);
        ThrottledByAddress filter = new ThrottledByAddress(
                throttle, PathPatternRequestMatcher.withDefaults().matcher("/hooks/**"));
        assertThat(call(filter, "/hooks/orders", "10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/hooks/orders", "10.0.0.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, "/hooks/orders", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("too many requests from this address");
        assertThat(call(filter, "/hooks/orders", "10.0.0.2").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/other", "10.0.0.1").getStatus())
                .as("other doors are not throttled")
                .isEqualTo(200);
    }

    private static MockHttpServletResponse call(ThrottledByAddress filter, String path, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
