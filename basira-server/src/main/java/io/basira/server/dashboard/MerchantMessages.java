package io.basira.server.dashboard;

import io.basira.segment.InvalidRuleException;
import io.basira.segment.RuleError;
import io.basira.segment.ValueType;
import io.basira.segment.json.JsonRuleException;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.shared.NotFoundException;
import java.util.List;

/**
 * Refusals as the merchant reads them: in the page's language, with every code, number and piece of rule
 * text isolated ({@link #isolate}: FSI … PDI, Unicode's first-strong isolate) so that a left-to-right
 * fragment inside an Arabic sentence keeps its own order and does not scramble the sentence around it.
 *
 * <p>A rule's refusal ({@link InvalidRuleException}) is said from its {@link RuleError} code:
 * {@code rule.error.<code>} of the bundles, with its place ({@code builder.position}); any other refusal
 * keeps the core's English sentence, isolated.
 */
public final class MerchantMessages {

    /** First strong isolate and pop directional isolate. */
    static final char FSI = '\u2068';

    static final char PDI = '\u2069';

    private MerchantMessages() {}

    /** {@code value} isolated from the text around it. */
    public static String isolate(Object value) {
        return FSI + String.valueOf(value) + PDI;
    }

    /**
     * {@code value} isolated where it could be scrambled: always on a right-to-left page; on a left-to-right one
     * only when it holds right-to-left letters (an Arabic city in a rule), so English text stays plain.
     */
    public static String isolate(Object value, PageText text) {
        String shown = String.valueOf(value);
        return text.rightToLeft() || shown.codePoints().anyMatch(MerchantMessages::rightToLeft)
                ? isolate(shown)
                : shown;
    }

    private static boolean rightToLeft(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** What went wrong, in the page's language. */
    public static String of(RuntimeException e, PageText text) {
        if (e instanceof InvalidRuleException rule) {
            return rule(rule, text);
        }
        return isolate(e.getMessage(), text);
    }

    /** {@code place: reason} of a rule's refusal. */
    static String rule(InvalidRuleException e, PageText text) {
        String reason = reason(e.error(), e.arguments(), text);
        if (e instanceof RuleSyntaxException syntax) {
            return text.get("builder.position", isolate(syntax.line(), text), isolate(syntax.column(), text)) + ": "
                    + reason;
        }
        if (e instanceof JsonRuleException json) {
            return text.get("rule.error.at-path", isolate(json.path(), text)) + ": " + reason;
        }
        return reason;
    }

    /** The reason alone, without the place. */
    static String reason(RuleError error, List<Object> arguments, PageText text) {
        Object[] shown = new Object[arguments.size()];
        for (int i = 0; i < shown.length; i++) {
            Object argument = arguments.get(i);
            if (argument == RuleError.END_OF_RULE) {
                shown[i] = text.get("rule.end");
            } else if (argument instanceof ValueType type) {
                shown[i] = text.rightToLeft() ? type.labelAr() : type.labelEn();
            } else {
                shown[i] = isolate(argument, text);
            }
        }
        return text.get("rule.error." + error.code(), shown);
    }

    /** A manual change naming a customer the store does not have, or another refusal as {@link #of}. */
    public static String manualChange(RuntimeException e, String customerId, PageText text) {
        if (e instanceof NotFoundException) {
            return text.get("group.manual.not-found", isolate(customerId, text));
        }
        return of(e, text);
    }
}
