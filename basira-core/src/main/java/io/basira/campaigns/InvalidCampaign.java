package io.basira.campaigns;

import io.basira.shared.TextRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A campaign definition refused: the {@code field} (as the API names it: {@code control_percent}), a {@link Reason}
 * and its arguments, so the dashboard says it in the reader's language ({@code campaigns.error.<code>}); the message
 * is the English sentence the API and the command line give.
 */
public final class InvalidCampaign extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why, with the arguments each reason carries. */
    public enum Reason {
        /** A required value is empty. */
        REQUIRED(0),
        /** value, lowest, highest */
        OUT_OF_RANGE(3),
        /** most, given */
        TOO_MANY_GROUPS(2),
        /** One-off and group-entry campaigns need a group. */
        NEEDS_GROUP(0),
        /** Neither an Arabic nor an English message. */
        NEEDS_MESSAGE(0),
        /** value, the accepted codes */
        UNKNOWN_CHOICE(2),
        /** value */
        NOT_DATE_TIME(1),
        /** the campaign's kind */
        KIND_CHANGED(1),
        /** group key */
        UNKNOWN_GROUP(1),
        /** longest, length */
        TOO_LONG(2),
        /** code point, position */
        CONTROL_CHARACTER(2),
        /** code point, position */
        UNPAIRED_SURROGATE(2);

        private final int arguments;

        Reason(int arguments) {
            this.arguments = arguments;
        }

        /** The code of the bundles and of the API's problem ({@code out_of_range}). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public int arguments() {
            return arguments;
        }
    }

    private final String field;
    private final Reason reason;
    private final List<String> arguments;

    public InvalidCampaign(String field, Reason reason, String english, Object... arguments) {
        super(english);
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
        if (this.arguments.size() != reason.arguments()) {
            throw new IllegalArgumentException(reason + " takes " + reason.arguments() + " arguments");
        }
    }

    /** {@code value} unchanged when it is acceptable single-line text of at most {@code longest} characters. */
    static String requireLine(String value, String field, int longest) {
        TextRules.Refusal refusal = TextRules.lineRefusal(value, longest);
        if (refusal == null) {
            return value;
        }
        String english = field + " " + refusal.reason();
        throw switch (refusal.kind()) {
            case TOO_LONG -> new InvalidCampaign(field, Reason.TOO_LONG, english, longest, refusal.length());
            case CONTROL_CHARACTER ->
                new InvalidCampaign(field, Reason.CONTROL_CHARACTER, english, refusal.codePoint(), refusal.position());
            case UNPAIRED_SURROGATE ->
                new InvalidCampaign(field, Reason.UNPAIRED_SURROGATE, english, refusal.codePoint(), refusal.position());
        };
    }

    /** {@code value} unchanged when it is from {@code lowest} to {@code highest}; {@code english} says why not. */
    static int requireRange(long value, long lowest, long highest, String field, String english) {
        if (value < lowest || value > highest) {
            throw new InvalidCampaign(field, Reason.OUT_OF_RANGE, english, value, lowest, highest);
        }
        return (int) value;
    }

    /** The field as the API names it ({@code control_percent}; {@code body_ar, body_en} for the message). */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    public List<String> arguments() {
        return arguments;
    }
}
