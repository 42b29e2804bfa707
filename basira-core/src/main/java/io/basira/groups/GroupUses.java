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
     * The things of the store that name the group, each by its kind and the name a merchant knows it by (e.g.
     * {@code policy 'Free shipping for VIPs'}); empty when nothing does.
     */
    List<Use> of(StoreId store, String groupKey);

    /**
     * One thing aiming at a group: its {@code kind} ({@code policy}, {@code coupon}, {@code campaign}: the dashboard
     * names it in the reader's language) and its name or code as the merchant typed it.
     */
    record Use(String kind, String name) {

        /** In English, as the API's reason says it: {@code policy 'Free shipping for VIPs'}. */
        @Override
        public String toString() {
            return kind + " '" + name + "'";
        }
    }
}
