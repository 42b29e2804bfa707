package io.basira.segment.text;

import io.basira.fields.BuiltInFields;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;

/**
 * The text form of a segment rule: {@code total_spent > 1500 OR order_count > 10}. The language is
 * described in docs/rules.md. Stateless and thread-safe.
 */
public final class RuleText {

    private RuleText() {}

    /**
     * Reads a rule over the core's fields ({@link BuiltInFields}).
     *
     * @throws RuleSyntaxException with the line, column and reason when the text is not a valid rule,
     *     including unknown fields and values that do not fit a field's type
     */
    public static Condition parse(String text) {
        return parse(text, BuiltInFields.catalogue());
    }

    /** As {@link #parse(String)}, with the fields of {@code fields}. */
    public static Condition parse(String text, FieldCatalogue fields) {
        if (text == null) {
            throw new RuleSyntaxException(1, 1, "the rule is empty: write a condition such as total_spent > 1500");
        }
        return new RuleParser(text, fields).rule();
    }

    /** The canonical text of {@code condition}; {@code parse(print(c))} equals {@code c}. */
    public static String print(Condition condition) {
        return RulePrinter.print(condition);
    }
}
