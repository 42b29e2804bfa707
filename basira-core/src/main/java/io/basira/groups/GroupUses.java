package io.basira.groups;

import io.basira.shared.StoreId;
import java.util.List;

/**
 * Port: what, outside the groups, aims at a group — a checkout policy, a coupon, later a campaign or a
 * loyalty perk. Each feature that names groups registers one, so that a group in use is never deleted
 * under it (its audience would silently become everyone, or no one). Thread-safe.
 */
@FunctionalInterface
public interface GroupUses {

    /**
     * The things of the store that name the group, each said the way a merchant knows it (e.g.
     * {@code policy 'Free shipping for VIPs'}); empty when nothing does.
     */
    List<String> of(StoreId store, String groupKey);
}
