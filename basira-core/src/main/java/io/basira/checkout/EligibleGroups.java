package io.basira.checkout;

import io.basira.shared.TextRules;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * Who a policy or coupon is aimed at, by group keys: customers in at least one of {@code anyOf}
 * (no restriction when empty) and in none of {@code noneOf}. Both empty means everyone, anonymous
 * visitors included.
 */
public record EligibleGroups(Set<String> anyOf, Set<String> noneOf) {

    private static final int MAX_KEY_LENGTH = 63;
    private static final EligibleGroups EVERYONE = new EligibleGroups(Set.of(), Set.of());

    public EligibleGroups {
        anyOf = Set.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
        noneOf = Set.copyOf(Objects.requireNonNull(noneOf, "noneOf"));
        requireKeys(anyOf, "groups.any_of");
        requireKeys(noneOf, "groups.none_of");
        if (!Collections.disjoint(anyOf, noneOf)) {
            throw new IllegalArgumentException("groups " + anyOf + " and excluded groups " + noneOf + " overlap");
        }
    }

    public static EligibleGroups everyone() {
        return EVERYONE;
    }

    public static EligibleGroups anyOf(String... groups) {
        return new EligibleGroups(Set.of(groups), Set.of());
    }

    public static EligibleGroups noneOf(String... groups) {
        return new EligibleGroups(Set.of(), Set.of(groups));
    }

    /** Whether a customer in exactly {@code groups} is aimed at. */
    public boolean includes(Set<String> groups) {
        if (!anyOf.isEmpty() && Collections.disjoint(anyOf, groups)) {
            return false;
        }
        return Collections.disjoint(noneOf, groups);
    }

    /** Group keys are at most 63 characters (the rule language's keys); a side names at most 100 groups. */
    private static void requireKeys(Set<String> keys, String field) {
        if (keys.size() > Checkouts.MAX_LISTED) {
            throw new IllegalArgumentException(
                    field + " names " + keys.size() + " groups, at most " + Checkouts.MAX_LISTED);
        }
        keys.forEach(key -> TextRules.requireLine(key, field, MAX_KEY_LENGTH));
    }
}
