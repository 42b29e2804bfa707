package io.basira.browsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The visitor hash is stored with every event and link (V280): it must never change, so its values are pinned
 * here; ids that differ in one character land far apart.
 */
class VisitorHashTest {

    @Test
    void the_stored_hash_of_an_id_never_changes() {
        assertThat(VisitorHash.of("visitor-1")).isEqualTo(-279374777104389386L);
        assertThat(VisitorHash.of("visitor-2")).isEqualTo(-7218990635680302961L);
        assertThat(VisitorHash.of("a1b2c3d4e5f6a7b8c9d0e1f2")).isEqualTo(5554489070820036785L);
    }

    @Test
    void ids_that_differ_in_one_character_have_distinct_hashes_spread_over_the_range() {
        Set<Long> hashes = new HashSet<>();
        Set<Long> highBytes = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long hash = VisitorHash.of("visitor-" + i);
            hashes.add(hash);
            highBytes.add(hash >>> 56);
        }
        assertThat(hashes).hasSize(100_000);
        assertThat(highBytes).as("the top byte takes every value").hasSize(256);
    }
}
