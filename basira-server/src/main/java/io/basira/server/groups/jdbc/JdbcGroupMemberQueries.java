package io.basira.server.groups.jdbc;

import io.basira.card.CustomerSnapshot;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Read side of a group's members (their cards, paged and sorted) and of its membership history. */
public final class JdbcGroupMemberQueries {

    /** One entry of a group's history. */
    public record HistoryEntry(long id, String customerId, String movement, Instant at, String cause) {}

    private static final String MEMBERS = " FROM customers WHERE store_id = ? AND external_id IN "
            + "(SELECT customer_external_id FROM group_members WHERE store_id = ? AND group_key = ?)";

    private final JdbcTemplate jdbc;

    public JdbcGroupMemberQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the group's members' cards, sorted as a customer list is. */
    public JdbcCustomerQueries.Page page(
            StoreId store, String groupKey, CustomerSort sort, boolean descending, int page, int size) {
        long total =
                jdbc.queryForObject("SELECT COUNT(*)" + MEMBERS, Long.class, store.value(), store.value(), groupKey);
        List<CustomerSnapshot> items = jdbc.query(
                "SELECT " + JdbcCustomerQueries.COLUMNS + MEMBERS + " ORDER BY " + sort.orderBy(descending)
                        + " LIMIT ? OFFSET ?",
                JdbcCustomerQueries::map,
                store.value(),
                store.value(),
                groupKey,
                size,
                (long) page * size);
        return new JdbcCustomerQueries.Page(items, total, page, size);
    }

    /** Streams the group's members in customer-id order. */
    public void forEach(StoreId store, String groupKey, Consumer<CustomerSnapshot> sink) {
        jdbc.query(
                "SELECT " + JdbcCustomerQueries.COLUMNS + MEMBERS + " ORDER BY external_id",
                rs -> {
                    sink.accept(JdbcCustomerQueries.map(rs, 0));
                },
                store.value(),
                store.value(),
                groupKey);
    }

    /** The group's history, newest first; {@code customerId} null for every customer. */
    public List<HistoryEntry> history(StoreId store, String groupKey, String customerId, int page, int size) {
        String filter = customerId == null ? "" : " AND customer_external_id = ?";
        List<Object> args = new java.util.ArrayList<>(List.of(store.value(), groupKey));
        if (customerId != null) {
            args.add(customerId);
        }
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(
                "SELECT id, customer_external_id, movement, happened_at, cause FROM group_history "
                        + "WHERE store_id = ? AND group_key = ?" + filter + " ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, row) -> new HistoryEntry(
                        rs.getLong("id"),
                        rs.getString("customer_external_id"),
                        rs.getString("movement"),
                        Sql.instant(rs, "happened_at"),
                        rs.getString("cause")),
                args.toArray());
    }
}
