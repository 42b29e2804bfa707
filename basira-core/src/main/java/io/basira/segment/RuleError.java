package io.basira.segment;

import java.util.List;
import java.util.function.Function;

/**
 * Every way a rule can be refused, as a code and its arguments, so that an interface can say it in the reader's
 * language (the server's bundles hold {@code rule.error.<code>} in Arabic and English; the core holds no
 * bundle). {@link #english} is the English sentence the API, the command line and the exceptions' messages
 * carry. An argument is text ({@code 'AND'}, a field's name), a number, a {@link ValueType} (written with its
 * label) or {@link #END_OF_RULE}.
 */
public enum RuleError {
    EMPTY("the rule is empty: write a condition such as total_spent > 1500"),
    EXPECTED_END("expected AND, OR or the end of the rule, found {0}"),
    TOO_DEEP("the rule is nested more than {0} levels deep"),
    UNCLOSED_PARENTHESIS("expected ')' to close the '(' at line {0}, column {1}, found {2}"),
    EXPECTED_CONDITION("expected a condition, found {0}"),
    EXPECTED_CONDITION_AFTER("expected a condition after '{0}', found {1}"),
    UNKNOWN_FIELD("unknown field '{0}'"),
    UNKNOWN_FIELD_NEAREST("unknown field '{0}'; did you mean '{1}'?"),
    DAYS_OUT_OF_RANGE("{0}_<n>d takes n from {1} to {2} days, not '{3}'"),
    EXPECTED_BETWEEN_AND("expected AND between the two bounds of BETWEEN, found {0}"),
    EXPECTED_OPERATOR("expected an operator (=, !=, >, >=, <, <=, BETWEEN, IN, IS NULL) after '{0}', found {1}"),
    EXPECTED_NULL("expected NULL after {0}, found {1}"),
    EXPECTED_IN_LIST("expected '(' after IN, found {0}"),
    EXPECTED_IN_SEPARATOR("expected ',' or ')' in the IN list, found {0}"),
    EXPECTED_VALUE("expected a value after '{0}', found {1}"),
    EXPECTED_VALUE_QUOTED("expected a value after '{0}', found {1} (text goes in single quotes: '{2}')"),
    RULE_TOO_LONG("a rule is at most {0} characters; split a longer one into groups that name each other"
            + " (group = 'key'); this one has {1}"),
    TEXT_TOO_LONG("a text value is at most {0} characters (no stored value is longer); this one has {1}"),
    UNEXPECTED_CHARACTER("unexpected character '{0}'"),
    UNTERMINATED_TEXT("unterminated string: add a closing '"),
    NOT_A_NUMBER("'{0}' is not a number: thousands are separated by ٬ in groups of three digits"),
    OPERATOR_NOT_FOR_TYPE("operator {0} does not apply to {1} ({2}); use {3}"),
    TAKES_TEXT("{0} takes text in quotes, not {1}"),
    EMPTY_TAG("a tag cannot be empty"),
    GROUP_KEY("group key '{0}' must be 1-63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit"),
    TAKES_NUMBER("{0} takes a number ({1}), not {2}"),
    TAKES_WHOLE_NUMBER("{0} takes a whole number, not {1}"),
    INVALID_DATE("{0} is not a valid date"),
    TAKES_DATE("{0} takes a date ('2024-03-01') or a relative date (today, -90d, +7d), not {1}"),
    ONE_OF("{0} is one of {1}, not {2}"),
    RELATIVE_DATE_TOO_FAR("a relative date is at most {0} days from today, not {1}"),
    VALUE_COUNT("{0} does not take {1} value(s)"),
    /** A reason the core has no code for (a field's own check); its one argument is the English reason. */
    OTHER("{0}");

    /** The argument that stands for the end of the rule where a token was expected. */
    public static final Object END_OF_RULE = new Object() {
        @Override
        public String toString() {
            return "the end of the rule";
        }
    };

    private final String english;

    RuleError(String english) {
        this.english = english;
    }

    /** The bundle key's last part: {@code unknown-field}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The English sentence with its arguments. */
    public String english(List<?> arguments) {
        return format(
                english,
                arguments,
                argument -> argument instanceof ValueType type ? type.labelEn() : String.valueOf(argument));
    }

    /** {@code pattern} with each {@code {n}} replaced by the n-th argument as {@code text} writes it. */
    public static String format(String pattern, List<?> arguments, Function<Object, String> text) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < arguments.size() ? text.apply(arguments.get(n)) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
