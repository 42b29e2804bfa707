package io.basira.groups;

import java.util.List;

/**
 * A group that cannot be deleted because something names it: the rules of other groups ({@code namedBy}, their
 * keys), or policies, coupons, campaigns ({@code usedBy}). The message is the English sentence the API gives; the
 * dashboard says it in the reader's language from the parts.
 */
public final class GroupInUse extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<String> namedBy;
    private final transient List<GroupUses.Use> usedBy;

    public GroupInUse(String key, List<String> namedBy, List<GroupUses.Use> usedBy, String english) {
        super(english);
        this.key = key;
        this.namedBy = List.copyOf(namedBy);
        this.usedBy = List.copyOf(usedBy);
    }

    public String key() {
        return key;
    }

    /** The keys of the groups whose rules name this one. */
    public List<String> namedBy() {
        return namedBy;
    }

    /** What else aims at it. */
    public List<GroupUses.Use> usedBy() {
        return usedBy;
    }
}
