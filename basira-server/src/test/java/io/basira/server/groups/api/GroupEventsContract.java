package io.basira.server.groups.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.events.DomainEvents;
import io.basira.events.GroupsRedefined;
import io.basira.events.MembershipChanged;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.server.support.RecordedEvents;
import io.basira.shared.StoreId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Through the API, the group engine publishes to the application's {@link DomainEvents}, inside the
 * transaction that stores the change: a saved rule its definition and entries, a write the customers
 * that moved (cause {@code order}), a manual change its list and movement; nothing when nothing moved.
 */
@Import(RecordedEvents.Configuration.class)
abstract class GroupEventsContract extends ApiTestBase {

    @Autowired
    RecordedEvents recorder;

    @Test
    void rule_changes_writes_and_manual_changes_publish_what_moved_in_their_transaction() {
        Api api = newStore("events");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", customer("C2", "B"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1500", "2024-05-01T10:00:00+03:00"));
        StoreId store = stores.findBySlug(
                        json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow()
                .id();

        assertThat(api.postJson("/api/v1/groups", "{\"key\":\"vip\",\"name\":\"VIP\",\"rule\":\"total_spent >= 1000\"}")
                        .status())
                .isEqualTo(201);
        assertThat(groupEvents(store))
                .containsExactly(
                        new GroupsRedefined(store, Set.of("vip")),
                        new MembershipChanged(store, "rule_change", Map.of("vip", Set.of("C1")), Map.of()));

        assertThat(api.postJson("/api/v1/orders", order("O2", "C2", "completed", "1200", "2024-05-02T10:00:00+03:00"))
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/orders", order("O2", "C2", "completed", "1200", "2024-05-02T10:00:00+03:00"))
                        .status())
                .isEqualTo(200); // the same order again moves nobody
        assertThat(api.postJson("/api/v1/groups/vip/exclusions/C1", "").status())
                .isLessThan(300);

        assertThat(groupEvents(store))
                .hasSize(5)
                .endsWith(
                        new MembershipChanged(store, "order", Map.of("vip", Set.of("C2")), Map.of()),
                        new GroupsRedefined(store, Set.of("vip")),
                        new MembershipChanged(store, "manual", Map.of(), Map.of("vip", Set.of("C1"))));
    }

    /** The events of the groups (the writes' own events, also recorded, are another contract's). */
    private java.util.List<io.basira.events.DomainEvent> groupEvents(StoreId store) {
        return recorder.of(store).stream()
                .filter(e -> e instanceof GroupsRedefined || e instanceof MembershipChanged)
                .toList();
    }
}
