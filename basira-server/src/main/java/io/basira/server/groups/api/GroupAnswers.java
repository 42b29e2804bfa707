package io.basira.server.groups.api;

import io.basira.server.cards.api.CustomerAnswers;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The groups API's answers as the OpenAPI description names them; the controllers write them as maps
 * ({@link GroupJson}), these records describe the same fields.
 */
final class GroupAnswers {

    private GroupAnswers() {}

    @Schema(name = "Group", description = "A group with its rule in both forms and its member count now")
    record GroupAnswer(
            @Schema(example = "vip") String key,
            @Schema(example = "VIP") String name,

            @Schema(description = "the rule's text; null: a manual group", example = "total_spent > 1500")
            String rule,

            @Schema(description = "the rule as a condition tree (docs/rules.md)")
            Object ruleJson,

            @Schema(description = "whether membership moves with the date (re-evaluated at the store's midnight)")
            boolean dependsOnToday,

            int memberCount,
            @Schema(format = "date-time") String createdAt,
            @Schema(format = "date-time") String updatedAt) {}

    @Schema(name = "GroupList")
    record GroupList(List<GroupAnswer> items) {}

    @Schema(name = "RulePreview", description = "How many customers a rule has now, nothing saved")
    record Preview(
            @Schema(description = "the rule as printed", example = "total_spent > 1500")
            String rule,

            int count) {}

    @Schema(name = "WhyCondition")
    record WhyCondition(
            @Schema(example = "total_spent > 1500") String condition,
            boolean held,

            @Schema(allowableValues = {"true", "false", "unknown"})
            String truth,

            @Schema(description = "the customer's value of the condition's field")
            Object value) {}

    @Schema(name = "Why", description = "Why a customer is or is not a member: the rule, each condition, manual lists")
    record Why(
            String customerId,
            String group,
            String rule,
            boolean member,
            boolean matchesRule,
            boolean addedManually,
            boolean excludedManually,
            List<WhyCondition> conditions) {}

    @Schema(
            name = "ManualChange",
            description = "A manual addition or exclusion made or undone, and membership after it")
    record ManualChange(String group, String customerId, boolean member) {}

    @Schema(name = "MembersPage")
    record MembersPage(List<CustomerAnswers.Card> items, int page, int size, long total) {}

    @Schema(name = "Movement", description = "A customer entering or leaving the group")
    record Movement(
            String customerId,
            @Schema(allowableValues = {"entered", "left"}) String change,
            @Schema(format = "date-time") String at,

            @Schema(description = "what moved it (docs/groups.md)")
            String cause) {}

    @Schema(name = "HistoryPage")
    record HistoryPage(List<Movement> items, int page, int size) {}

    @Schema(name = "SegmentField", description = "A field the rule language offers (docs/rules.md)")
    record Field(
            @Schema(example = "total_spent") String name,
            @Schema(example = "money") String type,
            String labelAr,
            String labelEn,
            boolean nullable,
            List<String> allowedValues,
            List<String> operators) {}

    @Schema(name = "SegmentOperator")
    record Operator(
            @Schema(example = "gte") String code,
            @Schema(example = ">=") String symbol,
            String labelAr,
            String labelEn,
            List<String> appliesTo) {}

    @Schema(name = "GroupTemplate", description = "A ready-made group")
    record Template(
            String key,
            String nameAr,
            String nameEn,
            String descriptionAr,
            String descriptionEn,
            String rule,
            Object ruleJson) {}
}
