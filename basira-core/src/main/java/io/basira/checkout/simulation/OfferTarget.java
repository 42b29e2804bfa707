package io.basira.checkout.simulation;

import io.basira.checkout.EligibleGroups;
import io.basira.segment.Condition;
import java.util.Objects;

/** Who an offer is aimed at: a policy's or coupon's groups, or a rule (a campaign's audience). */
public sealed interface OfferTarget {

    /** Customers in any of {@code anyOf} and none of {@code noneOf}, exactly as checkout decides it. */
    record Groups(EligibleGroups eligible) implements OfferTarget {
        public Groups {
            Objects.requireNonNull(eligible, "eligible");
        }
    }

    /** Customers a rule matches now (it may name groups, which must exist). */
    record Rule(Condition rule) implements OfferTarget {
        public Rule {
            Objects.requireNonNull(rule, "rule");
        }
    }
}
