package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.events.WebhookReceived;
import io.basira.shared.StoreId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    /** The server's naming (spring.jackson.property-naming-strategy). */
    private final EventCodec codec = new EventCodec(JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build());

    @Test
    void a_webhook_received_naming_a_group_commits_rows_reads_back_the_same() {
        WebhookReceived event = new WebhookReceived(new StoreId(3), List.of(7L, 8L, 12L));

        String payload = codec.write(event);

        assertThat(payload).contains("\"inbox_ids\":[7,8,12]");
        assertThat(codec.read("webhook_received", payload)).isEqualTo(event);
    }

    @Test
    void a_webhook_received_recorded_before_group_events_still_reads_as_its_one_row() {
        String recordedByAnOlderServer = "{\"store\":{\"value\":3},\"inbox_id\":7}";

        assertThat(codec.read("webhook_received", recordedByAnOlderServer))
                .isEqualTo(new WebhookReceived(new StoreId(3), 7L));
    }
}
