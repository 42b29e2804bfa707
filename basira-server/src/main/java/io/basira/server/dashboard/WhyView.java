package io.basira.server.dashboard;

import io.basira.groups.GroupInsights;
import java.util.List;

/**
 * Why a customer is (or is not) in a group, as the dashboard shows it: every leaf condition of the rule
 * in the order written, whether it held, and the customer's value ({@code null}: no value, which makes a
 * comparison unknown), plus the manual lists. Values are the engine's (money in major units, dates ISO).
 */
public record WhyView(String key, String name, String rule, boolean member, boolean byRule, boolean added, boolean excluded,
        List<Condition> conditions) {

    /** One leaf condition: its text, whether it held, and the value it was tested on. */
    public record Condition(String text, boolean held, String truth, String value) {}

    static WhyView of(GroupInsights.Why why) {
        return new WhyView(why.group().key(), why.group().name(), why.group().ruleText(), why.member(), why.byRule(),
                why.added(), why.excluded(), why.conditions().stream()
                        .map(l -> new Condition(l.text(), l.held(), l.truth().name().toLowerCase(java.util.Locale.ROOT),
                                l.value()))
                        .toList());
    }
}
