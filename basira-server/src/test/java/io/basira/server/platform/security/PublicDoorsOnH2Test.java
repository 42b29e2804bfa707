package io.basira.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every public door ({@link PublicDoor}: platform webhooks, the tracking beacon, the survey page, the one-click
 * unsubscribe, the SMS replies) is throttled per client address by its own settings, here 2 an hour: the third request from one
 * address gets 429 with {@code Retry-After} before the door's handler runs, another address still gets through, and
 * no door sets a session cookie. Addresses come as {@code X-Forwarded-For} from this host (a trusted proxy).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.webhooks.address-attempts=2",
            "basira.webhooks.address-period=1h",
            "basira.browsing.address-requests=2",
            "basira.browsing.address-period=1h",
            "basira.campaigns.survey-requests=2",
            "basira.campaigns.survey-period=1h",
            "basira.messages.unsubscribe-requests=2",
            "basira.messages.unsubscribe-period=1h",
            "basira.messages.inbound-requests=2",
            "basira.messages.inbound-period=1h"
        })
class PublicDoorsOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_unsubscribe_door_answers_429_with_retry_after_on_the_third_request_from_one_address() throws Exception {
        assertThrottled("POST", "/u/forged.token", "198.51.100.1", 404);
    }

    @Test
    void the_inbound_sms_door_is_throttled() throws Exception {
        assertThrottled("POST", "/sms/inbound/1.forged", "198.51.100.5", 404);
    }

    @Test
    void the_survey_door_is_throttled() throws Exception {
        assertThrottled("GET", "/survey/no-such-token", "198.51.100.2", 404);
    }

    @Test
    void the_platform_webhook_door_is_throttled() throws Exception {
        assertThrottled("POST", "/webhooks/salla/999999", "198.51.100.3", -1);
    }

    @Test
    void the_beacon_door_is_throttled() throws Exception {
        assertThrottled("POST", "/b/collect", "198.51.100.4", -1);
    }

    /** Two requests pass to the handler (answering {@code handled}, or anything but 429 when -1), the third is 429. */
    private void assertThrottled(String method, String path, String address, int handled) throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> passed = send(method, path, address);
            if (handled > 0) {
                assertThat(passed.statusCode())
                        .as("%s %s #%d", method, path, i + 1)
                        .isEqualTo(handled);
            } else {
                assertThat(passed.statusCode())
                        .as("%s %s #%d", method, path, i + 1)
                        .isNotEqualTo(429);
            }
            assertThat(passed.headers().firstValue("Set-Cookie"))
                    .as("no session")
                    .isEmpty();
        }
        HttpResponse<String> refused = send(method, path, address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1800L));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("too many requests from this address: at most 2 per 3600 s");
        assertThat(send(method, path, address + "0").statusCode())
                .as("another address")
                .isNotEqualTo(429);
    }

    private HttpResponse<String> send(String method, String path, String address) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address)
                .header("Content-Type", "application/json");
        request.method(
                method,
                method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
