package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks specification defines them, against its published example. */
class WebhookSignatureTest {

    // the example of the specification (standard-webhooks, spec/standard-webhooks.md) and its libraries' tests
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void the_signer_reproduces_the_specifications_example() {
        assertThat(WebhookSigner.signature(List.of(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void the_independent_verifier_accepts_the_example_and_refuses_any_change() {
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_BODY, SPEC_SIGNATURE))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, SPEC_ID, "1614265331", SPEC_BODY, SPEC_SIGNATURE))
                .isFalse();
        assertThat(StandardWebhooksVerifier.verifies(
                        SPEC_SECRET, SPEC_ID, "1614265330", "{\"test\": 2432232315}", SPEC_SIGNATURE))
                .isFalse();
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, "msg_other", "1614265330", SPEC_BODY, SPEC_SIGNATURE))
                .isFalse();
    }

    @Test
    void during_a_rotation_both_secrets_sign_and_either_verifies() {
        String fresh = WebhookSecret.generate();
        String header = WebhookSigner.signature(List.of(fresh, SPEC_SECRET), "msg_1", 1700000000, "{\"a\":1}");
        assertThat(header.split(" ")).hasSize(2).allMatch(entry -> entry.startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verifies(fresh, "msg_1", "1700000000", "{\"a\":1}", header))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, "msg_1", "1700000000", "{\"a\":1}", header))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(
                        WebhookSecret.generate(), "msg_1", "1700000000", "{\"a\":1}", header))
                .isFalse();
    }

    @Test
    void a_generated_secret_is_whsec_and_32_random_bytes() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }
}
