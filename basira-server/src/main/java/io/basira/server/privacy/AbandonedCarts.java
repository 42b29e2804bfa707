package io.basira.server.privacy;

import io.basira.shared.Store;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention of abandoned carts: an abandoned cart last changed before the cut-off goes (open, recovered
 * and converted carts stay: they are the store's running business). Its customer's card is folded again by
 * the caller ({@code abandoned_carts} counts what is kept).
 */
final class AbandonedCarts implements CustomerDataKind.Retention {

    private final JdbcTemplate jdbc;

    AbandonedCarts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int prune(Store store, Instant before, Set<String> touched) {
        OffsetDateTime cutOff = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        String old = " FROM carts WHERE store_id = ? AND status = 'abandoned' AND COALESCE(updated_at, created_at) < ?";
        touched.addAll(jdbc.queryForList(
                "SELECT DISTINCT customer_external_id" + old + " AND customer_external_id IS NOT NULL",
                String.class,
                store.id().value(),
                cutOff));
        return jdbc.update("DELETE" + old, store.id().value(), cutOff);
    }
}
