package io.basira.segment;

/**
 * How large a rule read from outside may be (docs/rules.md), in both forms. A rule is held in memory
 * while it is evaluated and, once saved, for as long as its group exists, so these bounds keep one
 * request from making the server hold megabytes; they are far above any rule a merchant writes.
 */
public final class RuleLimits {

    /** Characters of a rule's text form (for the JSON form: of the text form it stands for). */
    public static final int MAX_RULE_LENGTH = 10_000;

    /**
     * Characters of one text literal (a city, a tag, a group key...): the longest text a customer's field
     * can hold is the tags list, 2,000 characters in all, so a longer literal could never match.
     */
    public static final int MAX_LITERAL_LENGTH = 2_000;

    private RuleLimits() {}

    /** The reason given for a literal over {@link #MAX_LITERAL_LENGTH}. */
    public static String literalTooLong(int length) {
        return "a text value is at most " + MAX_LITERAL_LENGTH
                + " characters (no stored value is longer); this one has " + length;
    }

    /** The reason given for a rule over {@link #MAX_RULE_LENGTH}. */
    public static String ruleTooLong() {
        return "a rule is at most " + MAX_RULE_LENGTH + " characters; split a longer one into groups that name "
                + "each other (group = 'key')";
    }
}
