package io.basira.server.checkout;

import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Policy;
import io.basira.groups.GroupUses;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkout's policies and coupons that name a group, as included or as excluded: deleting that group
 * would widen or narrow who gets them without a word, so the groups refuse it ({@link GroupUses}). Read
 * from the database, not the decisions' one-second cache, so a policy saved a moment ago counts.
 */
final class CheckoutGroupUses implements GroupUses {

    private final JdbcCheckoutPolicies policies;
    private final JdbcCoupons coupons;

    CheckoutGroupUses(JdbcCheckoutPolicies policies, JdbcCoupons coupons) {
        this.policies = policies;
        this.coupons = coupons;
    }

    @Override
    public List<Use> of(StoreId store, String groupKey) {
        List<Use> uses = new ArrayList<>();
        for (Policy policy : policies.fresh(store).policies()) {
            if (names(policy.eligible(), groupKey)) {
                uses.add(new Use("policy", policy.name()));
            }
        }
        for (JdbcCoupons.Listed listed : coupons.list(store)) {
            if (names(listed.coupon().eligible(), groupKey)) {
                uses.add(new Use("coupon", listed.coupon().code()));
            }
        }
        return uses;
    }

    private static boolean names(EligibleGroups eligible, String groupKey) {
        return eligible.anyOf().contains(groupKey) || eligible.noneOf().contains(groupKey);
    }
}
