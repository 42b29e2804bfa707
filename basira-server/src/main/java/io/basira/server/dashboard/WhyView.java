package io.basira.server.dashboard;

import io.basira.groups.GroupInsights;
import java.util.List;
import java.util.Locale;

/**
 * Why a customer is (or is not) in a group, as the dashboard shows it: every leaf condition of the rule
 * in the order written, in words ({@link RuleWords}), whether it held, and the customer's value formatted for
 * the field ({@code null}: no value, which makes a comparison unknown), plus the manual lists. The rule's text
 * form ({@code text}) is kept for those who write rules.
 */
public record WhyView(
        String key,
        String name,
        String rule,
        boolean member,
        boolean byRule,
        boolean added,
        boolean excluded,
        List<Condition> conditions) {

    /** One leaf condition: its words, its text, whether it held, and the customer's value it was tested on. */
    public record Condition(String words, String text, boolean held, String truth, String value) {}

    public static WhyView of(GroupInsights.Why why, RuleWords words) {
        return new WhyView(
                why.group().key(),
                why.group().name(),
                why.group().ruleText(),
                why.member(),
                why.byRule(),
                why.added(),
                why.excluded(),
                why.conditions().stream()
                        .map(l -> new Condition(
                                words.leaf(l.condition()),
                                l.text(),
                                l.held(),
                                l.truth().name().toLowerCase(Locale.ROOT),
                                words.customerValue(l.condition(), l.value())))
                        .toList());
    }
}
