package io.basira.segment;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule fields that take a number in their name, made on first use: {@code viewed_products_45d} is the member
 * of the family {@code viewed_products_<n>d} for n = 45 (docs/rules.md, "Fields with a number of days"). The
 * parser and the JSON reader resolve such a name through the {@link FieldCatalogue} like any other field, so a
 * rule on a member is an ordinary condition that both engines evaluate. One member per n (the same instance
 * each time, so conditions compare equal); members a feature also registers as fields of their own (listed,
 * exported) are those very fields.
 *
 * @param key the family's name without the number ({@code viewed_products}): the builder's control and the
 *     label {@code segment.family.<key>} of the message bundles
 * @param minimum the smallest n
 * @param maximum the largest n
 */
public record FieldFamily(
        String key, int minimum, int maximum, IntFunction<SegmentField> maker, Map<Integer, SegmentField> members) {

    public FieldFamily {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(maker, "maker");
        if (minimum < 1 || maximum < minimum) {
            throw new IllegalArgumentException("a family takes n from 1 up: " + minimum + "-" + maximum);
        }
        members = new ConcurrentHashMap<>(members);
    }

    /** A family whose members are made by {@code maker}; {@code registered} are members made already. */
    public static FieldFamily of(
            String key,
            int minimum,
            int maximum,
            IntFunction<SegmentField> maker,
            Map<Integer, SegmentField> registered) {
        return new FieldFamily(key, minimum, maximum, maker, registered);
    }

    /** The name of the member for {@code n}: {@code viewed_products_45d}. */
    public String name(int n) {
        return key + "_" + n + "d";
    }

    /** The member named {@code name} (lower case), or empty when the name is not the family's or n is out of range. */
    public Optional<SegmentField> field(String name) {
        int n = number(name);
        if (n < minimum || n > maximum) {
            return Optional.empty();
        }
        return Optional.of(members.computeIfAbsent(n, maker::apply));
    }

    /** Why {@code name} is not a member although it looks like one ({@code viewed_products_999d}), if so. */
    public Optional<String> outOfRange(String name) {
        int n = number(name);
        if (n == -1 || (n >= minimum && n <= maximum)) {
            return Optional.empty();
        }
        return Optional.of(key + "_<n>d takes n from " + minimum + " to " + maximum + " days, not '" + name + "'");
    }

    /** The n of a name of the family, -2 for a number too long, -1 when the name is not of the family. */
    private int number(String name) {
        Matcher m = pattern().matcher(name);
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1);
        return digits.length() > 6 ? -2 : Integer.parseInt(digits);
    }

    private Pattern pattern() {
        return Pattern.compile(Pattern.quote(key) + "_([0-9]+)d");
    }
}
