package io.basira.server.groups.api;

import io.basira.groups.Group;
import io.basira.segment.RuleLimits;
import io.basira.server.platform.web.Given;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A group to create ({@code POST /api/v1/groups}), to change ({@code PUT /api/v1/groups/{key}}) or a rule to
 * count ({@code POST /api/v1/groups/preview}). The rule is {@code rule} (text, docs/rules.md) or {@code rule_json}
 * (the builder's condition tree), not both. On a change a field left out keeps what is; {@code "rule": null}
 * makes the group manual. On create, {@code template} starts from a ready-made group (the other fields
 * override it).
 */
@Schema(name = "GroupRequest", description = "A group's key, name and rule (or a template), or a rule to count")
public record GroupRequest(
        @Schema(
                description =
                        "create: the group's short name (a-z, 0-9, '-', '_'); absent: made from the name; ignored on change",
                example = "vip")
        String key,

        @Schema(
                description = "the group's name; absent: the key (create), unchanged (change)",
                example = "VIP",
                maxLength = Group.MAX_NAME_LENGTH)
        @Text(max = Group.MAX_NAME_LENGTH)
        String name,

        @Schema(
                description = "the rule in text form",
                type = "string",
                implementation = String.class,
                example = "total_spent > 1500 AND order_count >= 3",
                maxLength = RuleLimits.MAX_RULE_LENGTH)
        @Text(max = RuleLimits.MAX_RULE_LENGTH, multiline = true)
        Given rule,

        @Schema(
                description = "the rule as the builder's condition tree (docs/rules.md)",
                type = "object",
                implementation = Object.class)
        Given ruleJson,

        @Schema(description = "create only: a template's key (GET /api/v1/groups/templates)", example = "big-spenders")
        String template) {

    /** Whether the request names a rule (in either form, possibly null). */
    boolean namesRule() {
        return rule != null || ruleJson != null;
    }
}
