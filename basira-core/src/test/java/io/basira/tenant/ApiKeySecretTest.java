package io.basira.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void the_prefix_is_the_scheme_and_eight_characters_even_when_they_hold_an_underscore() {
        assertThat(new ApiKeySecret("bsk_ab_cdEfG_0123456789abcdefghijklmnopqrstuv").prefix())
                .isEqualTo("bsk_ab_cdEfG");
        Random seeded = new Random(7);
        SecureRandom random = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                seeded.nextBytes(bytes);
            }
        };
        Set<String> prefixes = new HashSet<>();
        int withUnderscore = 0;
        for (int i = 0; i < 2_000; i++) {
            ApiKeySecret key = ApiKeySecret.generate(random);
            assertThat(key.prefix()).hasSize(12).startsWith("bsk_");
            assertThat(key.value()).startsWith(key.prefix() + "_");
            assertThat(key.toString())
                    .isEqualTo(key.prefix() + "_…")
                    .doesNotContain(key.value().substring(13));
            prefixes.add(key.prefix());
            withUnderscore += key.prefix().indexOf('_', 4) >= 0 ? 1 : 0;
        }
        assertThat(withUnderscore).as("the case that was cut short before").isPositive();
        assertThat(prefixes).as("48 random bits apart").hasSize(2_000);
    }

    @Test
    void what_is_not_a_key_is_refused() {
        assertThatThrownBy(() -> new ApiKeySecret("sk_live_0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeySecret("bsk_short")).isInstanceOf(IllegalArgumentException.class);
    }
}
