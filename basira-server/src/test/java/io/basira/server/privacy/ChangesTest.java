package io.basira.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void a_policy_change_reads_field_by_field_with_group_names_not_keys() {
        Map<String, Object> before =
                Map.of("id", "4", "name", "Free shipping", "groups", Map.of("any_of", List.of("vip")));
        Map<String, Object> after =
                Map.of("id", "4", "name", "Free shipping", "groups", Map.of("any_of", List.of("happy", "vip")));
        assertThat(Changes.between(before, after, key -> key.equals("happy") ? "Happy customers" : "VIP"))
                .containsExactly(new Changes.Change("groups.any_of", "VIP", "Happy customers, VIP"));
    }

    @Test
    void a_creation_lists_every_field_and_a_deletion_every_field_it_had() {
        assertThat(Changes.between(null, Map.of("days", 30), k -> k))
                .containsExactly(new Changes.Change("days", null, "30"));
        assertThat(Changes.between(Map.of("name", "Buyers"), null, k -> k))
                .containsExactly(new Changes.Change("name", "Buyers", null));
        assertThat(Changes.between(Map.of("name", "Same"), Map.of("name", "Same"), k -> k))
                .isEmpty();
    }
}
