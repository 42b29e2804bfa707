package io.basira.server.jdbc;

import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** First and last names of a few customers of one store, for lists that link to cards. */
public final class JdbcCustomerNames {

    /** Ids asked for in one query at most. */
    static final int BATCH = 200;

    private final JdbcTemplate jdbc;

    public JdbcCustomerNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** External id to "first last" (stripped; empty when both are empty); unknown ids are absent. */
    public Map<String, String> of(StoreId store, Collection<String> externalIds) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = List.copyOf(externalIds);
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            Object[] args = new Object[batch.size() + 1];
            args[0] = store.value();
            for (int i = 0; i < batch.size(); i++) {
                args[i + 1] = batch.get(i);
            }
            jdbc.query("SELECT external_id, first_name, last_name FROM customers WHERE store_id = ? AND external_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")", rs -> {
                        String first = rs.getString(2);
                        String last = rs.getString(3);
                        names.put(rs.getString(1), ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip());
                    }, args);
        }
        return names;
    }
}
