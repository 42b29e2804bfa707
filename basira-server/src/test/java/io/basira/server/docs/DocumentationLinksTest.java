package io.basira.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the documents stand alone: every relative link of {@code README.md}, {@code ARCHITECTURE.md}
 * and {@code docs/**.md} names a file or folder inside the repository (a document that was never committed, or a
 * path that climbs out of the repository, is a dead link for everyone who cloned it).
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void every_relative_link_of_the_documentation_resolves_to_a_file_in_the_repository() throws IOException {
        List<Path> documents = documents();
        assertThat(documents).as("README.md and docs/ are found from " + ROOT).hasSizeGreaterThan(5);
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher m = LINK.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || target.startsWith("#")) {
                    continue; // https:, mailto:, a section of the same page
                }
                String file = target.replaceFirst("#.*$", "");
                Path resolved = document.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT) || file.startsWith("/")) {
                    broken.add(ROOT.relativize(document) + ": " + target + " points outside the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " does not exist");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void the_check_sees_a_link_outside_the_repository() {
        Path document = ROOT.resolve("README.md");
        Path outside = document.getParent().resolve("../shared/docs/PRODUCT.md").normalize();
        assertThat(outside.startsWith(ROOT)).isFalse();
        assertThat(LINK.matcher("see [the product](../shared/docs/PRODUCT.md \"title\").")
                        .find())
                .isTrue();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (String name : new String[] {"README.md", "ARCHITECTURE.md"}) {
            if (Files.exists(ROOT.resolve(name))) {
                documents.add(ROOT.resolve(name));
            }
        }
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }
}
