package io.basira.server.groups.api;

import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import io.basira.server.platform.web.Given;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the groups API (docs/groups.md): a group, a why, and the rule in a request. */
final class GroupJson {

    private GroupJson() {}

    static Map<String, Object> of(Group group, int memberCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", group.key());
        json.put("name", group.name());
        json.put("rule", group.ruleText());
        json.put("rule_json", group.rule() == null ? null : JsonConditions.toJson(group.rule()));
        json.put("depends_on_today", group.dependsOnToday());
        json.put("member_count", memberCount);
        json.put("created_at", group.createdAt().toString());
        json.put("updated_at", group.updatedAt().toString());
        return json;
    }

    static Map<String, Object> why(GroupInsights.Why why) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer_id", why.customerId());
        json.put("group", why.group().key());
        json.put("rule", why.group().ruleText());
        json.put("member", why.member());
        json.put("matches_rule", why.byRule());
        json.put("added_manually", why.added());
        json.put("excluded_manually", why.excluded());
        List<Map<String, Object>> conditions = why.conditions().stream()
                .map(leaf -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("condition", leaf.text());
                    c.put("held", leaf.held());
                    c.put("truth", leaf.truth().name().toLowerCase(java.util.Locale.ROOT));
                    c.put("value", leaf.value());
                    return c;
                })
                .toList();
        json.put("conditions", conditions);
        return json;
    }

    /**
     * The rule of a request body: {@code "rule"} in text form or {@code "rule_json"} as a condition tree.
     *
     * @param fields the fields the rule may name (the server's catalogue)
     * @param required whether a body without either is refused (else: null, a manual-only group)
     * @throws IllegalArgumentException with the positioned message of the parser or the JSON reader
     */
    static Condition rule(GroupRequest body, FieldCatalogue fields, boolean required) {
        Object text = Given.valueOf(body.rule());
        Object json = Given.valueOf(body.ruleJson());
        if (text != null && json != null) {
            throw new IllegalArgumentException(
                    "give the rule as 'rule' (text) or 'rule_json' (a condition tree), not both");
        }
        if (text != null) {
            if (!(text instanceof String rule)) {
                throw new IllegalArgumentException("'rule' must be the rule's text, e.g. \"total_spent > 1500\"");
            }
            return RuleText.parse(rule, fields);
        }
        if (json != null) {
            return JsonConditions.fromJson(json, fields);
        }
        if (required) {
            throw new IllegalArgumentException("a rule is required: 'rule' (text) or 'rule_json' (a condition tree)");
        }
        return null;
    }
}
