package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet the dashboard serves parses without a warning or an error, and closes every block it
 * opens. A browser closes an unclosed block at the end of the file without a word, so a missing brace
 * once put the analytics styles inside a phone-only {@code @media} block: on a desktop the tabs were a
 * bulleted list. The parser reports syntax errors; the brace count catches what it forgives.
 */
class StylesheetsTest {

    private static final Path STYLESHEETS = Path.of("src/main/resources/static");

    @Test
    void every_stylesheet_parses_cleanly_and_closes_its_blocks() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(STYLESHEETS)) {
            sheets = files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            String css = Files.readString(sheet, StandardCharsets.UTF_8);
            assertThat(problems(css)).as(sheet.toString()).isEmpty();
            assertThat(unclosedBlocks(css))
                    .as("%s: blocks opened and not closed (or closed and not opened)", sheet)
                    .isEmpty();
        }
    }

    @Test
    void the_check_finds_an_unclosed_media_block_and_a_syntax_error() throws IOException {
        assertThat(unclosedBlocks("@media (max-width: 700px) {\n  .a { color: red; }\n.b { color: blue; }\n"))
                .containsExactly("line 1: '{' never closed");
        assertThat(unclosedBlocks(".a { content: \"}\"; } /* { */")).isEmpty();
        assertThat(problems(".a { color: red;; } .b { width: 10px }")).isEmpty();
        assertThat(problems(".a { color: red } .b { width: ( }")).isNotEmpty();
    }

    private static List<String> problems(String css) throws IOException {
        List<String> problems = new ArrayList<>();
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) {
                problems.add("line " + e.getLineNumber() + ": warning: " + e.getMessage());
            }

            @Override
            public void error(CSSParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(CSSParseException e) {
                problems.add("line " + e.getLineNumber() + ": fatal: " + e.getMessage());
            }
        });
        try (InputSource source = new InputSource(new StringReader(css))) {
            parser.parseStyleSheet(source, null);
        }
        return problems;
    }

    /** The braces of rules and blocks, outside comments and strings, that do not pair up. */
    static List<String> unclosedBlocks(String css) {
        List<String> problems = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? css.length() : end + 1;
                line += (int)
                        css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < css.length() && css.charAt(end) != c && css.charAt(end) != '\n') {
                    end += css.charAt(end) == '\\' ? 2 : 1;
                }
                i = end;
            } else if (c == '{') {
                open.add(line);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    problems.add("line " + line + ": '}' closes nothing");
                } else {
                    open.remove(open.size() - 1);
                }
            }
        }
        open.forEach(at -> problems.add("line " + at + ": '{' never closed"));
        return problems;
    }
}
