package io.basira.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void text_up_to_the_limit_passes_and_one_more_character_is_refused_with_both_lengths() {
        assertThat(TextRules.lineProblem("a".repeat(200), 200)).isNull();
        assertThat(TextRules.lineProblem("a".repeat(201), 200)).isEqualTo("is longer than 200 characters (it has 201)");
        assertThat(TextRules.lineProblem(null, 1)).isNull();
    }

    @Test
    void arabic_text_and_paired_surrogates_are_plain_text() {
        assertThat(TextRules.lineProblem("سارة القحطاني", 200)).isNull();
        assertThat(TextRules.lineProblem("gift \uD83C\uDF81 box", 200)).isNull();
    }

    @Test
    void an_emoji_counts_as_two_characters_so_every_accepted_value_fits_both_databases() {
        assertThat(TextRules.lineProblem("\uD83C\uDF81".repeat(100), 200)).isNull();
        assertThat(TextRules.lineProblem("\uD83C\uDF81".repeat(100) + "a", 200)).startsWith("is longer than 200");
    }

    @Test
    void nul_and_other_control_characters_are_refused_with_their_position() {
        assertThat(TextRules.lineProblem("Sa\u0000ra", 200))
                .isEqualTo("contains the control character U+0000 at character 3");
        assertThat(TextRules.lineProblem("a\u001Bb", 200))
                .isEqualTo("contains the control character U+001B at character 2");
        assertThat(TextRules.lineProblem("a\u007Fb", 200))
                .isEqualTo("contains the control character U+007F at character 2");
        assertThat(TextRules.lineProblem("a\tb", 200))
                .isEqualTo("contains the control character U+0009 at character 2");
        assertThat(TextRules.lineProblem("a\nb", 200))
                .isEqualTo("contains the control character U+000A at character 2");
    }

    @Test
    void multi_line_text_allows_tab_and_line_breaks_but_not_nul() {
        assertThat(TextRules.textProblem("a\tb\r\nc", 200)).isNull();
        assertThat(TextRules.textProblem("a\u0000b", 200))
                .isEqualTo("contains the control character U+0000 at character 2");
    }

    @Test
    void an_unpaired_surrogate_is_refused_so_it_can_never_be_rewritten_into_another_id() {
        assertThat(TextRules.lineProblem("PGS\uD800X", 128))
                .isEqualTo("contains an unpaired surrogate U+D800 at character 4 (not valid Unicode)");
        assertThat(TextRules.lineProblem("PGS\uDC00", 128))
                .isEqualTo("contains an unpaired surrogate U+DC00 at character 4 (not valid Unicode)");
        assertThat(TextRules.lineProblem("\uD800", 128))
                .startsWith("contains an unpaired surrogate U+D800 at character 1");
    }

    @Test
    void require_puts_the_field_in_front_of_the_reason() {
        assertThatThrownBy(() -> TextRules.requireLine("x".repeat(65), "code", 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code is longer than 64 characters (it has 65)");
        assertThat(TextRules.requireText("a\nb", "rule", 10)).isEqualTo("a\nb");
    }
}
