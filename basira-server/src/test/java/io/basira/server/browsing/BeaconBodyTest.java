package io.basira.server.browsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.server.browsing.api.BeaconDoor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The beacon's body read without a tree: what is accepted and refused, and the site key of a query string. */
class BeaconBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    private static BeaconBody read(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return BeaconBody.read(JSON, padded, bytes.length, NOW);
    }

    @Test
    void keys_come_in_any_order_and_unknown_keys_and_nested_values_are_skipped() {
        BeaconBody body = read("{\"e\":[{\"x\":{\"deep\":[1,2]},\"pr\":123,\"t\":\"product\",\"ca\":\"shoes\","
                + "\"p\":[\"no\"]}],\"extra\":{\"a\":[{}]},\"s\":\"session-1\",\"v\":\"visitor-1\"}");
        assertThat(body.rejected()).isEmpty();
        assertThat(body.events())
                .containsExactly(new BrowsingEvent(
                        EventKind.PRODUCT, "visitor-1", "session-1", NOW, null, "123", "shoes", null, null));
    }

    @Test
    void each_bad_event_is_refused_with_its_index_and_reason() {
        BeaconBody body = read("{\"v\":\"visitor-1\",\"s\":\"session-1\",\"e\":[{\"t\":\"page\",\"p\":\"/\"},"
                + "{\"t\":\"product\"},{\"t\":\"teleport\"},7]}");
        assertThat(body.events()).hasSize(1);
        assertThat(body.rejected())
                .extracting(r -> r.get("index") + " " + r.get("reason"))
                .containsExactly("1 missing_field", "2 unknown_kind", "3 unknown_kind");
    }

    @Test
    void a_body_that_is_not_json_or_has_no_event_list_or_too_many_events_is_refused_whole() {
        assertThat(read("not json").rejected())
                .extracting(r -> r.get("detail"))
                .containsExactly("the body is not JSON");
        assertThat(read("{\"v\":\"visitor-1\",\"e\":[{\"t\":\"page\"}").rejected())
                .extracting(r -> r.get("reason"))
                .containsExactly("bad_body");
        assertThat(read("{\"v\":\"visitor-1\",\"e\":{\"t\":\"page\"}}").rejected())
                .extracting(r -> r.get("detail"))
                .containsExactly("the body needs 'e', an array of at most 50 events");
        assertThat(read("[]").rejected()).extracting(r -> r.get("reason")).containsExactly("bad_body");
        assertThat(read("").rejected()).extracting(r -> r.get("reason")).containsExactly("bad_body");
        String fifty = "{\"t\":\"page\"},".repeat(50);
        assertThat(read("{\"v\":\"visitor-1\",\"s\":\"session-1\",\"e\":[" + fifty.substring(0, fifty.length() - 1)
                                + "]}")
                        .events())
                .hasSize(50);
        BeaconBody tooMany = read("{\"v\":\"visitor-1\",\"s\":\"session-1\",\"e\":[" + fifty + "{\"t\":\"page\"}]}");
        assertThat(tooMany.events()).isEmpty();
        assertThat(tooMany.rejected()).hasSize(1);
        assertThat(BeaconBody.tooLong(32768).rejected())
                .extracting(r -> r.get("detail"))
                .containsExactly("a body is at most 32768 bytes");
    }

    @Test
    void the_site_key_is_the_first_k_of_the_query_string() {
        assertThat(BeaconDoor.siteKey("k=bs_abc")).isEqualTo("bs_abc");
        assertThat(BeaconDoor.siteKey("x=1&k=bs_abc&k=bs_other")).isEqualTo("bs_abc");
        assertThat(BeaconDoor.siteKey("kk=1&k=bs%5Fabc")).isEqualTo("bs_abc");
        assertThat(BeaconDoor.siteKey("k=")).isNull();
        assertThat(BeaconDoor.siteKey("x=k=1")).isNull();
        assertThat(BeaconDoor.siteKey(null)).isNull();
    }
}
