package io.basira.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "سارة|ساره",
                "ساره|ساره",
                "مُنى|مني",
                "أحمد|احمد",
                "إيمان|ايمان",
                "آمنة|امنه",
                "ٱلله|الله",
                "سـارة|ساره",
                "مؤمن|مومن",
                "هيئة|هييه",
                "مُحَمَّدٌ|محمد",
                "'  Sara   AL  Ahmadi '|sara al ahmadi",
                "٠٥٢٩|0529",
                "\u200Fسارة\u200F|ساره",
            })
    void arabic_letter_variants_marks_case_and_digits_fold_away(String text, String folded) {
        assertThat(SearchText.fold(text)).isEqualTo(folded);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+966529202449",
                "00966529202449",
                "0529202449",
                "966529202449",
                "+966 52 920 2449",
                "٠٥٢٩٢٠٢٤٤٩",
                "(052) 920-2449",
                "529202449",
                "+٩٦٦٥٢٩٢٠٢٤٤٩"
            })
    void a_phone_number_written_any_usual_way_has_one_key(String phone) {
        assertThat(SearchText.phoneKey(phone)).isEqualTo("529202449");
    }

    @Test
    void other_countries_of_the_gulf_lose_their_own_prefix() {
        assertThat(SearchText.phoneKey("+971501234567")).isEqualTo("501234567");
        assertThat(SearchText.phoneKey("0501234567")).isEqualTo("501234567");
        assertThat(SearchText.phoneKey("+96599887766")).isEqualTo("99887766");
        assertThat(SearchText.phoneKey("+4930123456")).isEqualTo("4930123456");
    }

    @Test
    void a_search_reads_as_a_phone_only_with_enough_digits_and_nothing_else() {
        assertThat(SearchText.typedPhone("0529")).isNull();
        assertThat(SearchText.typedPhone("sara 0529202449")).isNull();
        assertThat(SearchText.typedPhone("0529202449")).isEqualTo("529202449");
        assertThat(SearchText.phoneKey("")).isNull();
        assertThat(SearchText.phoneKey(null)).isNull();
    }

    @Test
    void a_customers_search_text_holds_each_part_on_its_own_line() {
        assertThat(SearchText.ofCustomer("C-1", "سارة", "الأحمدي", "Sara@Example.SA", "+966529202449"))
                .isEqualTo("ساره الاحمدي\nc-1\nsara@example.sa\n+966529202449\n529202449");
        assertThat(SearchText.ofCustomer("C-2", null, null, null, null)).isEqualTo("\nc-2");
    }
}
