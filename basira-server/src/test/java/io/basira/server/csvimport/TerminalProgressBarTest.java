package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressBarTest {

    @Test
    void the_bar_is_redrawn_in_place_only_when_the_percentage_changes_and_ends_with_a_newline() {
        StringWriter out = new StringWriter();
        TerminalProgressBar bar = new TerminalProgressBar(new PrintWriter(out));

        bar.advanced("orders.csv", 0, 1000);
        bar.advanced("orders.csv", 1, 1000);
        bar.advanced("orders.csv", 500, 1000);
        bar.advanced("orders.csv", 1000, 1000);

        String[] draws = out.toString().split("\r", -1);
        assertThat(draws).hasSize(4); // "" before the first \r, then 0 %, 50 %, 100 %
        assertThat(draws[2]).contains("[###############---------------]").contains(" 50%");
        assertThat(draws[3]).contains(" 100%").endsWith(System.lineSeparator());
    }

    @Test
    void an_empty_file_is_drawn_as_done() {
        assertThat(TerminalProgressBar.line("wishlist.csv", 100, 0, 0)).contains("100%");
    }
}
