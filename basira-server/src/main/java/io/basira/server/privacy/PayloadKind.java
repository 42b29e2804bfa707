package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A kind held in JSON payloads of a table that has no customer column (webhook bodies received, webhook
 * messages sent, domain events, audit changes): a row is about the person when its payload holds their id,
 * e-mail or phone as a value ({@link Payloads#mentions}). Exported with the payload parsed; erased by deleting
 * the row, or by rewriting the payload: the id becomes the pseudonym, the other traces {@value #ERASED}.
 */
public final class PayloadKind implements CustomerDataKind {

    /** What replaces an erased value in a payload that is kept. */
    public static final String ERASED = "[erased]";

    /** What an erasure does to a row about the person. */
    public enum OnErase {
        DELETE_ROW,
        REWRITE
    }

    private final String name;
    private final String table;
    private final String idColumn;
    private final String payloadColumn;
    private final OnErase onErase;
    private final List<String> alsoCovers;
    private final JdbcTemplate jdbc;
    private final Payloads payloads;
    private final boolean numbers;

    /**
     * @param alsoCovers tables that hang off {@code table} (deleted with its rows) and are covered by this kind
     */
    PayloadKind(
            String name,
            String table,
            String idColumn,
            String payloadColumn,
            OnErase onErase,
            List<String> alsoCovers,
            JdbcTemplate jdbc,
            Payloads payloads) {
        this(name, table, idColumn, payloadColumn, onErase, alsoCovers, jdbc, payloads, false);
    }

    /** @param numbers whether a number equal to the id is a mention (a platform's bodies write ids as numbers) */
    PayloadKind(
            String name,
            String table,
            String idColumn,
            String payloadColumn,
            OnErase onErase,
            List<String> alsoCovers,
            JdbcTemplate jdbc,
            Payloads payloads,
            boolean numbers) {
        this.numbers = numbers;
        this.name = name;
        this.table = table;
        this.idColumn = idColumn;
        this.payloadColumn = payloadColumn;
        this.onErase = onErase;
        this.alsoCovers = alsoCovers;
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> tables() {
        List<String> tables = new ArrayList<>(List.of(table));
        tables.addAll(alsoCovers);
        return tables;
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : about(store, person)) {
            Map<String, Object> exported = new LinkedHashMap<>(row);
            exported.remove("store_id");
            exported.put(payloadColumn, payloads.readable((String) row.get(payloadColumn)));
            rows.add(exported);
        }
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        int changed = 0;
        Map<String, String> replacements = new LinkedHashMap<>();
        erasure.person().traces().forEach(trace -> replacements.put(trace, ERASED));
        replacements.put(erasure.customerId(), erasure.pseudonym());
        for (Map<String, Object> row : about(erasure.store(), erasure.person())) {
            Object id = row.get(idColumn.toLowerCase(java.util.Locale.ROOT));
            if (onErase == OnErase.DELETE_ROW) {
                changed += jdbc.update("DELETE FROM " + table + " WHERE " + idColumn + " = ?", id);
            } else {
                String rewritten = payloads.replace((String) row.get(payloadColumn), replacements);
                if (rewritten != null) {
                    changed += jdbc.update(
                            "UPDATE " + table + " SET " + payloadColumn + " = ? WHERE " + idColumn + " = ?",
                            rewritten,
                            id);
                }
            }
        }
        return changed;
    }

    /** The store's rows whose payload holds one of the person's keys. */
    private List<Map<String, Object>> about(Store store, Person person) {
        List<Object> args = new ArrayList<>(List.of(store.id().value()));
        String contains = Rows.containsAny(payloadColumn, person.keys(), args);
        return Rows.query(
                        jdbc,
                        "SELECT * FROM " + table + " WHERE store_id = ? AND " + contains + " ORDER BY " + idColumn,
                        args.toArray())
                .stream()
                .filter(row -> payloads.mentions((String) row.get(payloadColumn), person.keys(), numbers))
                .toList();
    }
}
