package io.basira.server.jdbc;

import io.basira.commerce.Cart;
import io.basira.commerce.Order;
import io.basira.commerce.Review;
import io.basira.ingest.CommerceReads;
import io.basira.ingest.RecordBatch;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Existence and ownership checks by external id, in chunks of {@link Sql#IN_CHUNK}. */
public final class JdbcCommerceReads implements CommerceReads {

    private final JdbcTemplate jdbc;

    public JdbcCommerceReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> missingCustomers(StoreId store, Collection<String> customerIds) {
        return missing("customers", store, customerIds);
    }

    @Override
    public Set<String> missingOrders(StoreId store, Collection<String> orderIds) {
        return missing("orders", store, orderIds);
    }

    @Override
    public Set<String> currentCustomers(StoreId store, RecordBatch batch) {
        Set<String> owners = new LinkedHashSet<>();
        owners(store, "orders", batch.orders().stream().map(Order::externalId).toList(), owners);
        owners(store, "carts", batch.carts().stream().map(Cart::externalId).toList(), owners);
        owners(store, "reviews", batch.reviews().stream().map(Review::externalId).toList(), owners);
        return owners;
    }

    private void owners(StoreId store, String table, List<String> ids, Set<String> owners) {
        for (List<String> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(store.value());
            args.addAll(chunk);
            jdbc.query("SELECT customer_external_id FROM " + table + " WHERE store_id = ? AND external_id IN ("
                    + Sql.marks(chunk.size()) + ") AND customer_external_id IS NOT NULL", rs -> {
                        owners.add(rs.getString(1));
                    }, args.toArray());
        }
    }

    private Set<String> missing(String table, StoreId store, Collection<String> ids) {
        Set<String> missing = new LinkedHashSet<>(ids);
        for (List<String> chunk : Sql.chunks(ids, Sql.IN_CHUNK)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(store.value());
            args.addAll(chunk);
            jdbc.query("SELECT external_id FROM " + table + " WHERE store_id = ? AND external_id IN ("
                    + Sql.marks(chunk.size()) + ")", rs -> {
                        missing.remove(rs.getString(1));
                    }, args.toArray());
        }
        return missing;
    }
}
