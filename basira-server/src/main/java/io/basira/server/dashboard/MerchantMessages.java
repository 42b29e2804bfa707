package io.basira.server.dashboard;

import io.basira.campaigns.InvalidCampaign;
import io.basira.campaigns.delivery.TemplateProblem;
import io.basira.groups.GroupInUse;
import io.basira.segment.InvalidRuleException;
import io.basira.segment.RuleError;
import io.basira.segment.ValueType;
import io.basira.segment.json.JsonRuleException;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.server.platform.errors.CodedRefusal;
import io.basira.shared.NotFoundException;
import java.util.List;

/**
 * Refusals as the merchant reads them: in the page's language, with every code, number and piece of rule
 * text isolated ({@link #isolate}: FSI … PDI, Unicode's first-strong isolate) so that a left-to-right
 * fragment inside an Arabic sentence keeps its own order and does not scramble the sentence around it.
 *
 * <p>A rule's refusal ({@link InvalidRuleException}) is said from its {@link RuleError} code:
 * {@code rule.error.<code>} of the bundles, with its place ({@code builder.position}); any other refusal
 * A {@link CodedRefusal} is said from its key and arguments, each isolated; any other refusal keeps the core's
 * English sentence, isolated.
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
        if (e instanceof GroupInUse inUse) {
            return inUse(inUse, text);
        }
        if (e instanceof InvalidCampaign campaign) {
            return campaign(campaign, text);
        }
        if (e instanceof TemplateProblem template) {
            return template(template, text);
        }
        if (e instanceof CodedRefusal coded) {
            Object[] shown =
                    coded.arguments().stream().map(a -> isolate(a, text)).toArray();
            return text.get(coded.key(), shown);
        }
        return isolate(e.getMessage(), text);
    }

    /**
     * A message template refused, from {@code messages.template-error.<code>} with its arguments (a variable, a
     * position, the names known) isolated.
     */
    public static String template(TemplateProblem e, PageText text) {
        Object[] arguments =
                e.arguments().stream().map(a -> (Object) isolate(a, text)).toArray();
        return text.get("messages.template-error." + e.reason().code(), arguments);
    }

    /** A group that others name: which groups' rules, or which policies, coupons and campaigns. */
    static String inUse(GroupInUse e, PageText text) {
        String separator = text.rightToLeft() ? "، " : ", ";
        if (!e.namedBy().isEmpty()) {
            return text.get(
                    "group.delete.named-by",
                    isolate(e.key(), text),
                    String.join(
                            separator,
                            e.namedBy().stream().map(k -> isolate(k, text)).toList()));
        }
        List<String> uses = e.usedBy().stream()
                .map(use -> text.find("group.use." + use.kind())
                        .map(pattern -> text.get("group.use." + use.kind(), isolate(use.name(), text)))
                        .orElseGet(() -> isolate(use, text)))
                .toList();
        return text.get("group.delete.used-by", isolate(e.key(), text), String.join(separator, uses));
    }

    /**
     * A campaign refused, as the builder says it: the field by its label, then why, from
     * {@code campaigns.error.<code>} with the arguments isolated (a number or a group key keeps its direction).
     */
    public static String campaign(InvalidCampaign e, PageText text) {
        Object[] arguments =
                e.arguments().stream().map(a -> (Object) isolate(a, text)).toArray();
        String reason = text.get("campaigns.error." + e.reason().code(), arguments);
        return text.get("campaigns.field." + e.field().replace(", ", "-")) + ": " + reason;
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
