package io.basira.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys made from names, so that nobody types a slug (issue 14, item 7); Arabic names welcome. */
class GroupKeysTest {

    @Test
    void an_arabic_name_gives_a_readable_latin_key() {
        assertThat(GroupKeys.fromName("كبار العملاء", key -> false)).isEqualTo("kbar-almla");
        assertThat(GroupKeys.fromName("عرض ٣٠٪", key -> false)).isEqualTo("rd-30");
    }

    @Test
    void a_latin_name_keeps_its_letters_and_digits_in_lower_case_without_accents() {
        assertThat(GroupKeys.fromName("VIP Customers 2026!", key -> false)).isEqualTo("vip-customers-2026");
        assertThat(GroupKeys.fromName("Café élite", key -> false)).isEqualTo("cafe-elite");
    }

    @Test
    void a_taken_key_gets_the_first_free_number() {
        Set<String> taken = Set.of("vip", "vip-2");
        assertThat(GroupKeys.fromName("VIP", taken::contains)).isEqualTo("vip-3");
    }

    @Test
    void a_name_without_letters_or_digits_still_gives_a_valid_key_and_long_names_are_cut() {
        assertThat(GroupKeys.fromName("★ ★", key -> false)).isEqualTo("group");
        assertThat(GroupKeys.fromName("a".repeat(100), key -> false)).hasSize(GroupKeys.MAX_MADE);
        assertThat(GroupKeys.fromName("ab ".repeat(30), key -> false))
                .doesNotEndWith("-")
                .hasSizeLessThanOrEqualTo(40);
    }
}
