package io.basira.checkout;

import io.basira.shared.TextRules;
import java.util.Objects;

/**
 * A merchant's checkout policy: a rule for the customers of eligible groups, within a validity window.
 *
 * @param id the store's identifier of the policy (stable across edits); named in decisions as the reason
 */
public record Policy(String id, String name, EligibleGroups eligible, Validity validity, PolicyRule rule) {

    /** The longest name of a policy (as a group's name). */
    public static final int MAX_NAME_LENGTH = Checkouts.MAX_NAME_LENGTH;

    public Policy {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        TextRules.requireLine(name, "name", Checkouts.MAX_NAME_LENGTH);
        Objects.requireNonNull(eligible, "eligible");
        validity = validity == null ? Validity.always() : validity;
        Objects.requireNonNull(rule, "rule");
    }
}
