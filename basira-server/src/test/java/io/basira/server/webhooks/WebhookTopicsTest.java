package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.events.MembershipChanged;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** How domain events become messages: stable ids and order, chunks of 1,000 customers, one registry of types. */
class WebhookTopicsTest {

    static final StoreId STORE = new StoreId(7);
    static final Instant AT = Instant.parse("2024-06-01T09:00:00.123456789Z");

    static ReceivedEvent received(long id, DomainEvent event) {
        return new ReceivedEvent(id, "origin", AT, event, true);
    }

    @Test
    void a_membership_change_is_one_message_per_group_and_direction_with_ids_sorted_and_stable() {
        Set<String> many = IntStream.range(0, 2500)
                .mapToObj(i -> String.format("C%05d", i))
                .collect(Collectors.toSet());
        MembershipChanged changed = new MembershipChanged(
                STORE, "import", Map.of("vip", many, "new", Set.of("B", "A")), Map.of("dormant", Set.of("Z")));
        List<WebhookMessage> messages = new GroupWebhooks().messages(received(42, changed));
        assertThat(messages)
                .extracting(WebhookMessage::id)
                .containsExactly(
                        "msg_42_group.entered_0",
                        "msg_42_group.entered_1",
                        "msg_42_group.entered_2",
                        "msg_42_group.entered_3",
                        "msg_42_group.left_0");
        assertThat(messages.get(0).data())
                .containsEntry("group", "new")
                .containsEntry("customer_ids", List.of("A", "B"))
                .containsEntry("cause", "import");
        assertThat(messages.subList(1, 4))
                .extracting(m -> ((List<?>) m.data().get("customer_ids")).size())
                .containsExactly(1000, 1000, 500);
        assertThat(((List<?>) messages.get(1).data().get("customer_ids")).get(0))
                .isEqualTo("C00000");
        assertThat(messages.get(4).type()).isEqualTo("group.left");
        assertThat(new GroupWebhooks().messages(received(42, changed))).isEqualTo(messages);
    }

    @Test
    void a_card_change_names_its_customers_and_a_whole_store_change_says_so() {
        List<WebhookMessage> some = new CardWebhooks().messages(received(5, CardsChanged.of(STORE, Set.of("b", "a"))));
        assertThat(some).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("msg_5_card.changed_0");
            assertThat(m.data())
                    .containsEntry("customer_ids", List.of("a", "b"))
                    .containsEntry("whole_store", false);
        });
        List<WebhookMessage> all = new CardWebhooks().messages(received(6, CardsChanged.wholeStore(STORE)));
        assertThat(all)
                .singleElement()
                .satisfies(m -> assertThat(m.data())
                        .containsEntry("whole_store", true)
                        .containsEntry("customer_ids", List.of()));
    }

    @Test
    void the_payload_is_type_timestamp_in_milliseconds_and_data_in_the_topics_order() {
        WebhookMessage message = new GroupWebhooks()
                .messages(received(1, new MembershipChanged(STORE, "order", Map.of("vip", Set.of("C1")), Map.of())))
                .get(0);
        assertThat(new WebhookPayloads(JsonMapper.builder().build()).body(message))
                .isEqualTo("{\"type\":\"group.entered\","
                        + "\"timestamp\":\"2024-06-01T09:00:00.123Z\",\"data\":{\"group\":\"vip\",\"customer_ids\":[\"C1\"],"
                        + "\"cause\":\"order\"}}");
    }

    @Test
    void the_catalogue_lists_every_topics_types_and_refuses_a_type_registered_twice() {
        WebhookCatalogue catalogue = new WebhookCatalogue(List.of(new GroupWebhooks(), new CardWebhooks()));
        assertThat(catalogue.eventTypes()).containsExactly("group.entered", "group.left", "card.changed");
        assertThat(catalogue.domainEvents()).containsExactlyInAnyOrder(MembershipChanged.class, CardsChanged.class);
        assertThat(catalogue.offers(WebhookCatalogue.TEST)).isFalse();
        assertThatThrownBy(() -> new WebhookCatalogue(List.of(new CardWebhooks(), new CardWebhooks())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("card.changed");
    }
}
