package io.basira.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PayloadsTest {

    final Payloads payloads = new Payloads(JsonMapper.builder().build());

    @Test
    void a_payload_mentions_a_person_by_a_whole_value_ignoring_case() {
        String body = "{\"customer\":{\"id\":115,\"email\":\"Layla@Example.com\"},\"count\":1}";
        assertThat(payloads.mentions(body, List.of("layla@example.com"), false)).isTrue();
        assertThat(payloads.mentions(body, List.of("115"), true))
                .as("a platform's numeric id")
                .isTrue();
        assertThat(payloads.mentions(body, List.of("115"), false))
                .as("numbers only when asked")
                .isFalse();
        assertThat(payloads.mentions(body, List.of("11"), true))
                .as("never a part of a value")
                .isFalse();
        assertThat(payloads.mentions("not json 115", List.of("115"), true)).isFalse();
    }

    @Test
    void rewriting_replaces_text_values_and_leaves_numbers_and_other_values() {
        String event = "{\"store\":5,\"customer_ids\":[\"5\",\"C9\"],\"name\":\"Sara\"}";
        assertThat(payloads.replace(event, Map.of("5", "erased-ab", "sara", "[erased]")))
                .isEqualTo("{\"store\":5,\"customer_ids\":[\"erased-ab\",\"C9\"],\"name\":\"[erased]\"}");
        assertThat(payloads.replace(event, Map.of("C1", "x")))
                .as("nothing to replace")
                .isNull();
    }
}
