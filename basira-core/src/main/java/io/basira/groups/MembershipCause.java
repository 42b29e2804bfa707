package io.basira.groups;

import java.util.Locale;

/** What moved a customer into or out of a group; kept with every history entry (docs/groups.md). */
public enum MembershipCause {
    /** The group was created or its rule changed (also a group it names). */
    RULE_CHANGE,
    /** A write through the API changed the customer's card or attributes. */
    ORDER,
    /** A manual addition or exclusion, or its removal. */
    MANUAL,
    /** The store's local date changed and the rule uses relative dates or age, birthday, days since. */
    MIDNIGHT,
    /** A CSV import, or data found changed when the store's groups were loaded. */
    IMPORT,
    /** The store's analytics card fields were refreshed (on demand or at the store's midnight). */
    ANALYTICS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
