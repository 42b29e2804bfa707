package io.basira.server.privacy;

import io.basira.groups.Group;
import io.basira.groups.ManualList;
import io.basira.shared.StoreId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit entries of group changes, written by the API's and the dashboard's group controllers after the change:
 * a group created, changed (name and rule, before and after) or deleted, and a customer added to or excluded from
 * a group by hand (searchable by that customer).
 */
public final class GroupAudit {

    private final AuditLog log;

    public GroupAudit(AuditLog log) {
        this.log = log;
    }

    /**
     * A definition changed: {@code before} null for a creation, {@code after} null for a deletion.
     */
    public void defined(StoreId store, AuditLog.Actor actor, Group before, Group after) {
        String action = before == null ? "group.create" : after == null ? "group.delete" : "group.update";
        Group named = after == null ? before : after;
        log.record(
                store,
                actor,
                action,
                new AuditLog.Subject("group", named.key(), named.name(), null),
                Changes.between(fields(before), fields(after), log.groupNames(store)));
    }

    /** A customer added to or taken out of a group's additions or exclusions. */
    public void manual(
            StoreId store, AuditLog.Actor actor, String key, String customerId, ManualList list, boolean add) {
        String action = list == ManualList.ADDITIONS
                ? (add ? "group.add" : "group.remove_addition")
                : (add ? "group.exclude" : "group.remove_exclusion");
        log.record(
                store,
                actor,
                action,
                new AuditLog.Subject("group", key, log.groupNames(store).apply(key), customerId),
                List.of(new Changes.Change("customer", null, customerId)));
    }

    private static Map<String, Object> fields(Group group) {
        if (group == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", group.name());
        fields.put("rule", group.ruleText());
        return fields;
    }
}
