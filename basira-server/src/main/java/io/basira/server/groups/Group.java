package io.basira.server.groups;

import io.basira.segment.Condition;
import io.basira.segment.eval.TodayDependence;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import java.time.Instant;
import io.basira.shared.TextRules;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saved group of one store: its key (slug, unique in the store), display name and rule. A group without
 * a rule has manual members only. Manual additions and exclusions are kept apart ({@link ManualMembership}).
 */
public record Group(String key, String name, Condition rule, Instant createdAt, Instant updatedAt) {

    /** The schema's sizes (V3): {@code groups.name}, {@code rule_text}, {@code rule_json}. */
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_RULE_TEXT_LENGTH = 8000;
    public static final int MAX_RULE_JSON_LENGTH = 16000;
    private static final JsonMapper STORED = JsonMapper.builder().build();

    public Group {
        GroupKeys.requireValid(key);
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        TextRules.requireLine(name, "name", MAX_NAME_LENGTH);
        if (rule != null) {
            requireStorable(rule);
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

    /** The rule's text and JSON, as stored, fit their columns and hold only text a database keeps as given. */
    private static void requireStorable(Condition rule) {
        TextRules.requireText(RuleText.print(rule), "rule", MAX_RULE_TEXT_LENGTH);
        int jsonLength = STORED.writeValueAsString(JsonConditions.toJson(rule)).length();
        if (jsonLength > MAX_RULE_JSON_LENGTH) {
            throw new IllegalArgumentException("rule_json is " + jsonLength + " characters long as stored, more than "
                    + MAX_RULE_JSON_LENGTH);
        }
    }
}
