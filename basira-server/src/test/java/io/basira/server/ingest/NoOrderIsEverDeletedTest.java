package io.basira.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code order_lines} has no foreign key to {@code orders} (migration V270): a line's order is checked by every
 * writer of a line before it writes it, and stays because no order is ever deleted, renamed or moved to another
 * store. This test reads the server's and the core's sources and migrations and fails on any statement that would
 * break that: a {@code DELETE} from or {@code TRUNCATE} of {@code orders}, an {@code UPDATE} of an order's
 * {@code external_id} or {@code store_id}, or an erasure kind that deletes orders (erasure moves them to a
 * pseudonym). Whoever needs one of those must delete the order's lines with it (or bring the key back).
 * {@code StreamingImportContract} and {@code PrivacyContract} check the rows themselves after each write path.
 */
class NoOrderIsEverDeletedTest {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("DELETE\\s+FROM\\s+orders\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("TRUNCATE\\s+(TABLE\\s+)?orders\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "UPDATE\\s+orders\\s+SET\\b((?!\\bWHERE\\b)[^;])*?(?<![a-z_])(external_id|store_id)\\s*=",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("TableKind\\([^;]*OnErase\\.DELETE[^;]*\"orders\""));

    @Test
    void the_patterns_find_what_they_forbid_and_not_the_erasures_move() {
        assertThat(forbidden("jdbc.update(\"DELETE FROM orders WHERE store_id = ?\", id);"))
                .isTrue();
        assertThat(forbidden("\"UPDATE orders SET status = ?, external_id = ? WHERE store_id = ?\";"))
                .isTrue();
        assertThat(forbidden("\"UPDATE orders SET customer_external_id = ? WHERE store_id = ?\";"))
                .isFalse();
        assertThat(forbidden("new TableKind(\"orders\", OnErase.DELETE, jdbc, \"orders\");"))
                .isTrue();
        assertThat(forbidden("new TableKind(\"orders\", OnErase.MOVE_TO_PSEUDONYM, jdbc, \"orders\");"))
                .isFalse();
        assertThat(forbidden("\"DELETE FROM order_lines WHERE store_id = ?\";")).isFalse();
    }

    private static boolean forbidden(String text) {
        return FORBIDDEN.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    @Test
    void no_source_deletes_renames_or_moves_an_order() throws IOException {
        Path server = Path.of("").toAbsolutePath();
        Path root = server.getParent();
        List<String> found = new ArrayList<>();
        for (Path tree : List.of(
                server.resolve("src/main"),
                root.resolve("basira-core/src/main"),
                root.resolve("basira-spark/src/main"))) {
            if (!Files.isDirectory(tree)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tree)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                                || f.toString().endsWith(".sql")
                                || f.toString().endsWith(".scala"))
                        .toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8)
                            .replaceAll("\"\\s*\\+\\s*\"", ""); // joins "…" + "…" so a statement reads whole
                    for (Pattern pattern : FORBIDDEN) {
                        Matcher matcher = pattern.matcher(text);
                        while (matcher.find()) {
                            found.add(root.relativize(file) + ": " + matcher.group());
                        }
                    }
                }
            }
        }
        assertThat(found).as("statements that delete, rename or move orders").isEmpty();
        assertThat(Files.isDirectory(server.resolve("src/main/java/io/basira/server")))
                .as("run from the server module")
                .isTrue();
    }
}
