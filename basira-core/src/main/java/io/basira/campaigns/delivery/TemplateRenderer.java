package io.basira.campaigns.delivery;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The template syntax, small on purpose (docs/campaigns.md, "Templates"): {@code {{name}}} is a value of
 * {@link MessageValues}; {@code {{#items}}…{{/items}}} repeats its inside once per cart item, where
 * {@code {{item.name}}}, {@code {{item.url}}}, {@code {{item.quantity}}} and {@code {{item.price}}} are that item's;
 * {@code {{#name}}…{{/name}}} of any other value shows its inside only when the value is not empty. An unknown name
 * or an unclosed block is an error that says where. Every value goes through the escaper (HTML-escaped for
 * e-mail, as is for SMS), so a customer's name can never add markup.
 *
 * <p>Why not a template library: the merchant writes these texts, so they must not reach expressions, method
 * calls or includes (Thymeleaf's or Mustache's full syntax would); and the core stays free of dependencies.
 */
public final class TemplateRenderer {

    private TemplateRenderer() {}

    /** Escapes text for HTML: {@code & < > " '}. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String render(String template, MessageValues values, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        render(template, 0, template.length(), values, null, escape, out);
        return out.toString();
    }

    /** Checks the syntax and names without values: the error a render would throw, in English, or null. */
    public static String problem(String template) {
        TemplateProblem problem = check(template);
        return problem == null ? null : problem.getMessage();
    }

    /** Checks the syntax and names without values: the refusal a render would throw, or null. */
    public static TemplateProblem check(String template) {
        try {
            render(
                    template,
                    MessageValues.of(
                            null, null, io.basira.campaigns.MessageVariables.NONE, null, java.time.ZoneOffset.UTC),
                    s -> s);
            return null;
        } catch (TemplateProblem e) {
            return e;
        }
    }

    private static void render(
            String t,
            int from,
            int to,
            MessageValues values,
            Map<String, String> item,
            UnaryOperator<String> escape,
            StringBuilder out) {
        int at = from;
        while (at < to) {
            int open = t.indexOf("{{", at);
            if (open < 0 || open >= to) {
                out.append(t, at, to);
                return;
            }
            out.append(t, at, open);
            int close = t.indexOf("}}", open + 2);
            if (close < 0 || close + 2 > to) {
                throw new TemplateProblem(
                        TemplateProblem.Reason.NOT_CLOSED,
                        "'{{' at character " + (open + 1) + " is not closed by '}}'",
                        open + 1);
            }
            String tag = t.substring(open + 2, close).strip();
            if (tag.startsWith("#")) {
                String name = tag.substring(1).strip();
                String end = "{{/" + name + "}}";
                int endAt = t.indexOf(end, close + 2);
                if (endAt < 0 || endAt > to) {
                    throw new TemplateProblem(
                            TemplateProblem.Reason.BLOCK_NOT_CLOSED,
                            "block {{#" + name + "}} at character " + (open + 1) + " has no " + end,
                            name,
                            open + 1);
                }
                if (name.equals("items")) {
                    if (item != null) {
                        throw new TemplateProblem(
                                TemplateProblem.Reason.NESTED_ITEMS,
                                "{{#items}} at character " + (open + 1) + " is inside another",
                                open + 1);
                    }
                    for (Map<String, String> each : values.items()) {
                        render(t, close + 2, endAt, values, each, escape, out);
                    }
                    if (values.items().isEmpty()) {
                        // still check the inside's names
                        render(t, close + 2, endAt, values, emptyItem(), s -> s, new StringBuilder());
                    }
                } else {
                    String value = value(name, values, item, open);
                    StringBuilder inside = new StringBuilder();
                    render(t, close + 2, endAt, values, item, escape, inside);
                    if (!value.isEmpty()) {
                        out.append(inside);
                    }
                }
                at = endAt + end.length();
            } else if (tag.startsWith("/")) {
                throw new TemplateProblem(
                        TemplateProblem.Reason.CLOSES_NO_BLOCK,
                        tag + " at character " + (open + 1) + " closes no block",
                        tag,
                        open + 1);
            } else {
                out.append(escape.apply(value(tag, values, item, open)));
                at = close + 2;
            }
        }
    }

    private static Map<String, String> emptyItem() {
        Map<String, String> empty = new java.util.HashMap<>();
        MessageValues.ITEM_NAMES.forEach(n -> empty.put(n, ""));
        return empty;
    }

    private static String value(String name, MessageValues values, Map<String, String> item, int at) {
        if (name.startsWith("item.")) {
            if (item == null) {
                throw new TemplateProblem(
                        TemplateProblem.Reason.OUTSIDE_ITEMS,
                        "{{" + name + "}} at character " + (at + 1) + " is outside {{#items}}…{{/items}}",
                        name,
                        at + 1);
            }
            String value = item.get(name);
            if (value == null) {
                String known = String.join(", ", new java.util.TreeSet<>(MessageValues.ITEM_NAMES));
                throw new TemplateProblem(
                        TemplateProblem.Reason.UNKNOWN_ITEM_VARIABLE,
                        "unknown variable {{" + name + "}} at character " + (at + 1) + "; an item has [" + known + "]",
                        name,
                        at + 1,
                        known);
            }
            return value;
        }
        String value = values.values().get(name);
        if (value == null) {
            String known = String.join(", ", new java.util.TreeSet<>(MessageValues.NAMES));
            throw new TemplateProblem(
                    TemplateProblem.Reason.UNKNOWN_VARIABLE,
                    "unknown variable {{" + name + "}} at character " + (at + 1) + "; known: [" + known
                            + "] and {{#items}}",
                    name,
                    at + 1,
                    known);
        }
        return value;
    }
}
