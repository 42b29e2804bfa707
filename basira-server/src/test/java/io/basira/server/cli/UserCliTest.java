package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basira user add|list} as a person runs them, on an H2 folder. */
class UserCliTest {

    @TempDir
    Path tmp;

    private List<String> database() {
        return List.of("--data", tmp.resolve("data").toString());
    }

    @Test
    void adding_a_user_prints_a_generated_password_once_and_lists_the_user() {
        assertThat(CliRun.of(database(), "store", "create", "--slug", "shop").exitCode())
                .isZero();
        CliRun added = CliRun.of(
                database(), "user", "add", "--store", "shop", "--email", "Agent@Example.com", "--role", "support");
        assertThat(added.exitCode()).isZero();
        Matcher password =
                Pattern.compile("Password \\(shown once[^)]*\\): (\\S+)").matcher(added.out());
        assertThat(password.find()).as(added.out()).isTrue();
        assertThat(password.group(1)).hasSize(20);
        CliRun listed = CliRun.of(database(), "user", "list", "--store", "shop");
        assertThat(listed.out()).contains("agent@example.com\tsupport").doesNotContain(password.group(1));
    }

    @Test
    void a_taken_address_an_unknown_role_or_store_is_one_line_and_exit_code_2() {
        CliRun.of(database(), "store", "create", "--slug", "shop");
        CliRun.of(database(), "user", "add", "--store", "shop", "--email", "a@b.co", "--role", "owner");
        CliRun again = CliRun.of(database(), "user", "add", "--store", "shop", "--email", "A@B.co");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("a dashboard user 'a@b.co' already exists");
        CliRun role = CliRun.of(database(), "user", "add", "--store", "shop", "--email", "c@b.co", "--role", "boss");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err()).contains("unknown role 'boss'; roles: owner, marketer, support");
        CliRun store = CliRun.of(database(), "user", "add", "--store", "nope", "--email", "d@b.co");
        assertThat(store.exitCode()).isEqualTo(2);
        assertThat(store.err()).contains("there is no store 'nope'");
    }
}
