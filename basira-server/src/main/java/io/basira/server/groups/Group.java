package io.basira.server.groups;

import io.basira.segment.Condition;
import io.basira.segment.eval.TodayDependence;
import io.basira.segment.text.RuleText;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved group of one store: its key (slug, unique in the store), display name and rule. A group without
 * a rule has manual members only. Manual additions and exclusions are kept apart ({@link ManualMembership}).
 */
public record Group(String key, String name, Condition rule, Instant createdAt, Instant updatedAt) {

    public Group {
        GroupKeys.requireValid(key);
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a group's name must be 1-200 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }


    /** The canonical rule text, or null for a manual-only group. */
    public String ruleText() {
        return rule == null ? null : RuleText.print(rule);
    }

    /** Whether membership can change with the date alone (re-evaluated at the store's midnight). */
    public boolean dependsOnToday() {
        return rule != null && TodayDependence.dependsOnToday(rule);
    }

    public Group withDefinition(String newName, Condition newRule, Instant at) {
        return new Group(key, newName, newRule, createdAt, at);
    }
}
