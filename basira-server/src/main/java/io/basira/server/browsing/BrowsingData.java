package io.basira.server.browsing;

import io.basira.server.browsing.jdbc.JdbcBrowsing;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's browsing as a kind of the privacy registry (docs/privacy.md): their events (those of every visitor
 * linked to them), the visitor links and the aggregates, exported row by row with what each row is; an erasure
 * deletes them all ({@link JdbcBrowsing#erase}). Events are pruned by the store's own browsing retention
 * (docs/browsing.md), not by the privacy retention settings.
 */
final class BrowsingData implements CustomerDataKind {

    private final JdbcBrowsing browsing;

    BrowsingData(JdbcBrowsing browsing) {
        this.browsing = browsing;
    }

    @Override
    public String name() {
        return "browsing";
    }

    @Override
    public List<String> tables() {
        return List.of("browsing_events", "browsing_visitors", "browsing_customers");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        Map<String, Object> export = browsing.export(store.id(), person.customerId());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (export.get("aggregates") instanceof Map<?, ?> aggregates) {
            rows.add(row("aggregates", aggregates));
        }
        if (export.get("visitors") instanceof List<?> visitors) {
            visitors.forEach(visitor -> rows.add(row("visitor", Map.of("visitor_id", visitor))));
        }
        if (export.get("events") instanceof List<?> events) {
            events.forEach(event -> rows.add(row("event", (Map<?, ?>) event)));
        }
        return rows;
    }

    private static Map<String, Object> row(String what, Map<?, ?> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", what);
        values.forEach((key, value) -> row.put(String.valueOf(key), value));
        return row;
    }

    @Override
    public int erase(Erasure erasure) {
        return browsing.erase(erasure.store().id(), erasure.customerId());
    }
}
