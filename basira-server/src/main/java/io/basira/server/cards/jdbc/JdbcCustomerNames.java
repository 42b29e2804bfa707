package io.basira.server.cards.jdbc;

import io.basira.server.platform.jdbc.Sql;
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
        for (List<String> batch : Sql.chunks(externalIds, BATCH)) {
            List<Object> args = new java.util.ArrayList<>(batch.size() + 1);
            args.add(store.value());
            args.addAll(batch);
            jdbc.query(
                    "SELECT external_id, first_name, last_name FROM customers WHERE store_id = ? AND external_id IN ("
                            + Sql.marks(batch.size()) + ")",
                    rs -> {
                        String first = rs.getString(2);
                        String last = rs.getString(3);
                        names.put(
                                rs.getString(1),
                                ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip());
                    },
                    args.toArray());
        }
        return names;
    }
}
