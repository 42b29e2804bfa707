package io.basira.browsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowsingEventTest {

    private static final Instant NOW = Instant.parse("2024-06-15T09:00:00Z");

    @Test
    void a_product_view_keeps_its_product_and_drops_a_customer_id_it_may_not_carry() {
        BrowsingEvent event = new BrowsingEvent(
                EventKind.PRODUCT, "v-12345678", "s_12345678", NOW, "/p/1", "P1", "shoes", null, "C1");
        assertThat(event.productId()).isEqualTo("P1");
        assertThat(event.customerId()).isNull();
    }

    @Test
    void each_refusal_names_its_reason_and_field() {
        assertRefused(EventKind.PAGE, "short", "s_12345678", null, null, Refusal.BAD_ID, "'visitor'");
        assertRefused(EventKind.PAGE, "v-12345678", "s 12345678", null, null, Refusal.BAD_ID, "'session'");
        assertRefused(EventKind.PRODUCT, "v-12345678", "s_12345678", null, null, Refusal.MISSING_FIELD, "'product'");
        assertRefused(EventKind.SEARCH, "v-12345678", "s_12345678", null, null, Refusal.MISSING_FIELD, "'query'");
        assertRefused(EventKind.IDENTIFY, "v-12345678", "s_12345678", null, " ", Refusal.MISSING_FIELD, "'customer'");
        assertRefused(EventKind.PAGE, "v-12345678", "s_12345678", "/a\nb", null, Refusal.BAD_TEXT, "'path'");
        assertRefused(null, "v-12345678", "s_12345678", null, null, Refusal.UNKNOWN_KIND, "page, product, cart");
    }

    private static void assertRefused(
            EventKind kind,
            String visitor,
            String session,
            String path,
            String customer,
            Refusal reason,
            String message) {
        assertThatThrownBy(() -> new BrowsingEvent(kind, visitor, session, NOW, path, null, null, null, customer))
                .isInstanceOfSatisfying(
                        RefusedEvent.class, e -> assertThat(e.refusal()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Test
    void a_visitor_returns_from_two_sessions() {
        assertThat(new BrowsingStats(NOW, 1, 1, 0, 1).returning()).isFalse();
        assertThat(new BrowsingStats(NOW, 0, 0, 0, 2).returning()).isTrue();
    }
}
