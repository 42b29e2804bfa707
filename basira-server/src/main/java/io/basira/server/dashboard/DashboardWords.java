package io.basira.server.dashboard;

import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.shared.Store;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names instead of keys and codes on the merchant's pages (docs/dashboard.md, "Names, not codes"): the store's
 * group names by key (policies, coupons and rules name groups by key) and {@link RuleWords} for a request.
 * Thread-safe; what it makes for a request is not.
 */
@Component
public final class DashboardWords {

    private final MessageSource messages;
    private final GroupInsights groups;

    DashboardWords(MessageSource messages, GroupInsights groups) {
        this.messages = messages;
        this.groups = groups;
    }

    /** The store's group names by key, in key order; a key missing from it is shown as it is. */
    public Map<String, String> groupNames(Store store) {
        Map<String, String> names = new LinkedHashMap<>();
        groups.groupsWithCounts(store).keySet().stream().sorted(java.util.Comparator.comparing(Group::key))
                .forEach(g -> names.put(g.key(), g.name()));
        return names;
    }

    /** The rule words of one request. */
    public RuleWords rules(Store store, Locale locale, DashboardFormats fmt) {
        Map<String, String> names = groupNames(store);
        return new RuleWords(new PageText(messages, locale), fmt, key -> names.getOrDefault(key, key));
    }
}
