package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries about the customer (kind {@code audit}): the audit log's entries naming them, and the
 * checkout audit's before and after where they appear. An erasure keeps the entries (who did what stays
 * known) but replaces the person: their id by the pseudonym, the subject's name and their values in the
 * changes by {@value PayloadKind#ERASED}.
 */
final class AuditKind implements CustomerDataKind {

    private final JdbcTemplate jdbc;
    private final List<PayloadKind> payloads;

    AuditKind(JdbcTemplate jdbc, Payloads payloads) {
        this.jdbc = jdbc;
        this.payloads = List.of(
                new PayloadKind(
                        "audit_changes",
                        "audit_log",
                        "id",
                        "changes",
                        PayloadKind.OnErase.REWRITE,
                        List.of(),
                        jdbc,
                        payloads),
                new PayloadKind(
                        "checkout_before",
                        "checkout_audit",
                        "id",
                        "before_json",
                        PayloadKind.OnErase.REWRITE,
                        List.of(),
                        jdbc,
                        payloads),
                new PayloadKind(
                        "checkout_after",
                        "checkout_audit",
                        "id",
                        "after_json",
                        PayloadKind.OnErase.REWRITE,
                        List.of(),
                        jdbc,
                        payloads));
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<String> tables() {
        return List.of("audit_log", "checkout_audit");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = new ArrayList<>(Rows.query(
                jdbc,
                "SELECT id, at, actor_kind, actor_name, action, "
                        + "subject_kind, subject_id, subject_name, changes FROM audit_log WHERE store_id = ? AND "
                        + "customer_external_id = ? ORDER BY id",
                store.id().value(),
                person.customerId()));
        for (PayloadKind payload : payloads) {
            payload.export(store, person).stream()
                    .filter(row -> !person.customerId().equals(row.get("customer_external_id")))
                    .forEach(rows::add);
        }
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        int changed = jdbc.update(
                "UPDATE audit_log SET customer_external_id = ?, subject_id = ?, subject_name = ? "
                        + "WHERE store_id = ? AND customer_external_id = ?",
                erasure.pseudonym(),
                erasure.pseudonym(),
                PayloadKind.ERASED,
                erasure.store().id().value(),
                erasure.customerId());
        for (PayloadKind payload : payloads) {
            changed += payload.erase(erasure);
        }
        return changed;
    }
}
