package io.basira.server.importing.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistinctKeysTest {

    @Test
    void a_million_different_keys_are_all_distinct() {
        DistinctKeys keys = new DistinctKeys();
        for (int i = 0; i < 1_000_000; i++) {
            keys.add("ORD-" + i);
        }
        assertThat(keys.allDistinct()).isTrue();
    }

    @Test
    void a_key_given_again_late_is_a_repeat() {
        DistinctKeys keys = new DistinctKeys();
        for (int i = 0; i < 100_000; i++) {
            keys.add("C" + i);
        }
        keys.add("C17");
        assertThat(keys.allDistinct()).isFalse();
        keys.add("C100001");
        assertThat(keys.allDistinct()).isFalse();
    }

    @Test
    void two_part_keys_repeat_only_when_both_parts_do() {
        DistinctKeys keys = new DistinctKeys();
        keys.add("C1", "P12");
        keys.add("C11", "P2");
        keys.add("C1", "P2");
        keys.add("C1", null);
        assertThat(keys.allDistinct()).isTrue();
        keys.add("C1", "P12");
        assertThat(keys.allDistinct()).isFalse();
    }

    @Test
    void a_sealed_set_keeps_its_answer_and_a_later_key_makes_it_may_repeat() {
        DistinctKeys keys = new DistinctKeys();
        keys.add("O1");
        keys.add("O2");
        keys.seal();
        assertThat(keys.allDistinct()).isTrue();
        keys.add("O3");
        assertThat(keys.allDistinct()).isFalse();
    }

    @Test
    void more_keys_than_it_follows_make_the_answer_may_repeat() {
        DistinctKeys keys = new DistinctKeys(100_000);
        for (int i = 0; i < 100_000; i++) {
            keys.add("O" + i);
        }
        assertThat(keys.allDistinct()).isTrue();
        keys.add("O-new");
        assertThat(keys.allDistinct()).isFalse();
    }
}
