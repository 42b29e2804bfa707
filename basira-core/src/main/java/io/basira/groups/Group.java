package io.basira.groups;

import io.basira.segment.Condition;
import io.basira.segment.eval.TodayDependence;
import io.basira.segment.text.RuleText;
import io.basira.shared.TextRules;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved group of one store: its key (slug, unique in the store), display name and rule. A group without
 * a rule has manual members only. Manual additions and exclusions are kept apart ({@link ManualMembership}).
 */
public record Group(String key, String name, Condition rule, Instant createdAt, Instant updatedAt) {

    /**
     * The schema's sizes (V3): {@code groups.name}, {@code rule_text}, {@code rule_json} (the last checked by
     * the adapter that writes the JSON, {@link GroupDefinitions#requireStorable}).
     */
    public static final int MAX_NAME_LENGTH = 200;

    public static final int MAX_RULE_TEXT_LENGTH = 8000;
    public static final int MAX_RULE_JSON_LENGTH = 16000;

    public Group {
        GroupKeys.requireValid(key);
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        TextRules.requireLine(name, "name", MAX_NAME_LENGTH);
        if (rule != null) {
            TextRules.requireText(RuleText.print(rule), "rule", MAX_RULE_TEXT_LENGTH);
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
