package io.basira.server.dashboard;

import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.IsNotNull;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.SegmentField;
import io.basira.segment.Value;
import io.basira.segment.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A rule of the rule language (the core's {@link Condition} tree) in the merchant's words, for the pages that
 * show a rule or why a customer matches it: {@code total_spent > 1000} reads "إجمالي الإنفاق أكثر من ر.س. 1,000.00" /
 * "Total spent more than SAR1,000.00". Field names are the catalogue's labels ({@code segment.field.<name>}), values
 * are formatted by {@link DashboardFormats} for the field's type and unit (money in the store's currency, shares as
 * percentages, dates in the reader's language, relative dates as "90 days ago", choices by their names, groups by
 * their names), and the sentence patterns are the bundles' {@code rule.words.*}.
 *
 * <p>The rule's text form stays available next to it for those who write rules; this is what everyone else
 * reads. Made per request (it holds a {@link DashboardFormats}); not thread-safe.
 */
public final class RuleWords {

    /** The message keys of the labels of a choice field's values, by field name (value code appended). */
    private static final Map<String, String> CHOICE_LABELS = Map.of(
            "gender",
            "gender.",
            "rfm_group",
            "rfm.group.",
            "churn_risk",
            "churn.risk.",
            "regularity",
            "regularity.",
            "customer_type",
            "customer.type.");

    private final PageText text;
    private final DashboardFormats fmt;
    private final Function<String, String> groupNames;

    /** @param groupNames a group's name by its key (the key itself when the group is unknown) */
    public RuleWords(PageText text, DashboardFormats fmt, Function<String, String> groupNames) {
        this.text = text;
        this.fmt = fmt;
        this.groupNames = groupNames;
    }

    /** The whole rule, nested groups of conditions in parentheses. */
    public String rule(Condition rule) {
        return words(rule, false);
    }

    private String words(Condition rule, boolean nested) {
        if (rule instanceof And and) {
            return joined(and.operands(), text.get("rule.words.and"), nested);
        }
        if (rule instanceof Or or) {
            return joined(or.operands(), text.get("rule.words.or"), nested);
        }
        if (rule instanceof Not not) {
            return text.get("rule.words.not", words(not.operand(), true));
        }
        return leaf(rule);
    }

    private String joined(List<Condition> operands, String connective, boolean nested) {
        String joined = operands.stream()
                .map(operand -> words(operand, true))
                .collect(Collectors.joining(" " + connective + " "));
        return nested ? "(" + joined + ")" : joined;
    }

    /** One condition without AND, OR or NOT. */
    public String leaf(Condition leaf) {
        SegmentField field = leaf.field();
        String label = field == null
                ? ""
                : text.get(field.labelKey(), field.labelArguments().toArray());
        if (leaf instanceof Comparison c) {
            String op = c.operator().name().toLowerCase(Locale.ROOT);
            if (c.value() instanceof Value.RelativeDate relative && relative.days() != 0) {
                // "more than 90 days ago", not "before 90 days ago"
                int days = Math.abs(relative.days());
                return text.get(
                        (relative.days() < 0 ? "rule.words.ago." : "rule.words.ahead.") + op,
                        label,
                        text.get("rule.words.days", fmt.number(days), days));
            }
            return text.get((isDate(field) ? "rule.words.date." : "rule.words.") + op, label, value(field, c.value()));
        }
        if (leaf instanceof Between b) {
            return text.get("rule.words.between", label, value(field, b.from()), value(field, b.to()));
        }
        if (leaf instanceof In in) {
            return text.get(
                    "rule.words.in",
                    label,
                    in.values().stream().map(v -> value(field, v)).collect(Collectors.joining(separator())));
        }
        if (leaf instanceof IsNull) {
            return text.get("rule.words.is_null", label);
        }
        if (leaf instanceof IsNotNull) {
            return text.get("rule.words.is_not_null", label);
        }
        if (leaf instanceof HasAnyTag tags && tags.field() != SegmentField.TAGS) { // browsing: other sets
            return tags.tags().size() == 1
                    ? text.get("rule.words.set-has", label, quoted(tags.tags().get(0)))
                    : text.get(
                            "rule.words.set-has-any",
                            label,
                            tags.tags().stream().map(this::quoted).collect(Collectors.joining(separator())));
        }
        if (leaf instanceof HasAnyTag tags) {
            return tags.tags().size() == 1
                    ? text.get("rule.words.tag", quoted(tags.tags().get(0)))
                    : text.get(
                            "rule.words.tags",
                            tags.tags().stream().map(this::quoted).collect(Collectors.joining(separator())));
        }
        if (leaf instanceof InGroup group) {
            return text.get("rule.words.group", groupNames.apply(group.groupKey()));
        }
        throw new IllegalArgumentException("not a leaf: " + leaf);
    }

    /** A literal of the rule, formatted for its field. */
    public String value(SegmentField field, Value value) {
        if (value instanceof Value.RelativeDate relative) {
            return relativeDays(relative.days());
        }
        if (value instanceof Value.DateValue date) {
            return fmt.date(date.value());
        }
        if (value instanceof Value.NumberValue number) {
            return number(field, number.value());
        }
        return choiceOrText(field, ((Value.TextValue) value).value());
    }

    /**
     * The customer's value of a field as {@code RuleExplanation} gives it (plain decimals, ISO dates, sets
     * comma-separated), formatted like the rule's values; {@code null} stays {@code null}.
     */
    public String customerValue(Condition leaf, String value) {
        SegmentField field = leaf.field();
        if (value == null || field == null) {
            return value;
        }
        if (leaf instanceof InGroup) {
            return text.get(value.equals("member") ? "rule.words.member" : "rule.words.not-member");
        }
        try {
            if (isDate(field)) {
                return value.length() > 10 ? fmt.date(Instant.parse(value)) : fmt.date(LocalDate.parse(value));
            }
            if (field.type() == ValueType.INTEGER
                    || field.type() == ValueType.DECIMAL
                    || field.type() == ValueType.MONEY) {
                return number(field, new BigDecimal(value));
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return value;
        }
        if (field.type() == ValueType.TAG_SET) {
            return value.isEmpty() ? text.get("rule.words.no-tags") : value;
        }
        return choiceOrText(field, value);
    }

    private String number(SegmentField field, BigDecimal number) {
        if (field.type() == ValueType.MONEY) {
            return fmt.money(number);
        }
        return switch (field.unit() == null ? "" : field.unit()) {
            case "share" -> fmt.percent(number);
            case "days" -> text.get("rule.words.days", fmt.number(number), number.intValue());
            default -> fmt.number(number);
        };
    }

    private String relativeDays(int days) {
        if (days == 0) {
            return text.get("rule.words.today");
        }
        int count = Math.abs(days);
        return text.get(days < 0 ? "rule.words.days-ago" : "rule.words.days-ahead", fmt.number(count), count);
    }

    private String choiceOrText(SegmentField field, String value) {
        String prefix = CHOICE_LABELS.get(field.fieldName());
        if (prefix != null) {
            return text.find(prefix + value).orElse(value);
        }
        if (field.fieldName().equals("country")) {
            return fmt.country(value);
        }
        return quoted(value);
    }

    private String quoted(String value) {
        return text.rightToLeft() ? "«" + value + "»" : "“" + value + "”";
    }

    private String separator() {
        return text.rightToLeft() ? "، " : ", ";
    }

    private static boolean isDate(SegmentField field) {
        return field != null && (field.type() == ValueType.DATE || field.type() == ValueType.DATE_TIME);
    }
}
