package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basira source add|list|rotate|remove} as a merchant runs them, on an H2 folder. */
class SourceCliTest {

    @TempDir
    Path tmp;

    private List<String> database() {
        return List.of("--data", tmp.resolve("data").toString());
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void adding_a_source_ends_with_its_webhook_path_and_keeps_the_secret_sealed_with_the_data_folders_key() {
        assertThat(CliRun.of(database(), "store", "create", "--slug", "shop").exitCode())
                .isZero();
        CliRun added =
                CliRun.of(database(), "source", "add", "--store", "shop", "--platform", "salla", "--secret", "s3cret");
        assertThat(added.exitCode()).as(added.err()).isZero();
        String path = lastLine(added.out());
        assertThat(path).matches("/webhooks/salla/src_[a-z0-9]{20}");
        assertThat(added.out()).doesNotContain("s3cret");
        assertThat(Files.exists(tmp.resolve("data").resolve("secrets.key"))).isTrue();
        CliRun zid = CliRun.of(database(), "source", "add", "--store", "shop", "--platform", "zid");
        assertThat(zid.out()).contains("Secret (shown once, give it to zid): basira:");
        assertThat(lastLine(zid.out())).startsWith("/webhooks/zid/src_");
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertThat(CliRun.of(database(), "source", "list", "--store", "shop").out())
                .contains(id + "\tsalla\t" + path)
                .doesNotContain("s3cret");
        CliRun rotated = CliRun.of(database(), "source", "rotate", "--store", "shop", "--id", id, "--secret", "n3w");
        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.out()).contains("previous secret is accepted until");
        assertThat(lastLine(rotated.out())).isEqualTo(path);
        assertThat(CliRun.of(database(), "source", "remove", "--store", "shop", "--id", id)
                        .exitCode())
                .isZero();
        assertThat(CliRun.of(database(), "source", "remove", "--store", "shop", "--id", id)
                        .exitCode())
                .isEqualTo(1);
    }

    @Test
    void a_salla_source_without_its_secret_is_refused_with_a_sentence() {
        CliRun.of(database(), "store", "create", "--slug", "shop");
        CliRun refused = CliRun.of(database(), "source", "add", "--store", "shop", "--platform", "salla");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("a Salla source needs its secret");
    }
}
