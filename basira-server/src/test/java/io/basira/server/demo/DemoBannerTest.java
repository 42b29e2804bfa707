package io.basira.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo key and password are printed on the start that creates them only; later starts say where they are kept. */
class DemoBannerTest {

    private static final Path KEY_FILE = Path.of("/srv/basira/data/demo-api-key.txt");
    private static final Path USER_FILE = Path.of("/srv/basira/data/demo-user.txt");

    @Test
    void the_first_start_prints_the_new_key_and_password() {
        String banner = DemoStoreBootstrap.banner("http://localhost:8080", "bsk_new", KEY_FILE, "pass-word", USER_FILE);
        assertThat(banner).contains("API key: bsk_new", "with password pass-word", "Bearer bsk_new");
    }

    @Test
    void a_later_start_names_the_files_and_prints_no_secret() {
        String banner = DemoStoreBootstrap.banner("http://localhost:8080", null, KEY_FILE, null, USER_FILE);
        assertThat(banner)
                .contains("API key: kept in " + KEY_FILE, "the password kept in " + USER_FILE)
                .doesNotContain("bsk_", "Bearer");
    }
}
