package io.basira.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.sources.SourceSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources' secrets at rest: sealed, opened only with the same key, the key made once in the data folder. */
class SecretBoxTest {

    @TempDir
    Path data;

    @Test
    void a_sealed_secret_opens_with_its_key_only_and_never_reads_as_the_secret() {
        SecretBox box = SecretBox.of("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null);
        String sealed = box.seal("whsec_secret");
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_secret").isNotEqualTo(box.seal("whsec_secret"));
        assertThat(box.open(sealed)).isEqualTo("whsec_secret");
        SecretBox other = SecretBox.of("HwECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", null);
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("was the key changed");
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void without_a_configured_key_one_is_made_in_the_data_folder_and_reused() throws Exception {
        String sealed = SecretBox.of("", data).seal("s");
        assertThat(Files.readString(data.resolve(SecretBox.FILE_NAME)).strip()).hasSize(44);
        assertThat(SecretBox.of(null, data).open(sealed)).isEqualTo("s");
    }

    @Test
    void the_previous_secret_is_valid_until_the_end_of_the_rotation_window_only() {
        Instant until = Instant.parse("2024-06-02T09:00:00Z");
        SourceSecrets secrets = new SourceSecrets("new", "old", until);
        assertThat(secrets.validAt(until.minusSeconds(1))).containsExactly("new", "old");
        assertThat(secrets.validAt(until)).containsExactly("new");
        assertThat(secrets.toString()).doesNotContain("new").doesNotContain("old");
    }
}
