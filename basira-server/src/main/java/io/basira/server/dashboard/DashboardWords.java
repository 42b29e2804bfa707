package io.basira.server.dashboard;

import io.basira.checkout.Catalogue;
import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.shared.Store;
import java.util.Comparator;
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
    private final StoreCatalogues checkout;

    DashboardWords(MessageSource messages, GroupInsights groups, StoreCatalogues checkout) {
        this.messages = messages;
        this.groups = groups;
        this.checkout = checkout;
    }

    /** The store's group names by key, in key order; a key missing from it is shown as it is. */
    public Map<String, String> groupNames(Store store) {
        Map<String, String> names = new LinkedHashMap<>();
        groups.groupsWithCounts(store).keySet().stream()
                .sorted(Comparator.comparing(Group::key))
                .forEach(g -> names.put(g.key(), g.name()));
        return names;
    }

    /** The names of the store's groups, and of its catalogue's payment methods and carriers, in one request's language. */
    public DisplayNames names(Store store, Locale locale) {
        return names(store, checkout.catalogue(store), locale);
    }

    /** The names of groups, payment methods and carriers for one request's language. */
    public DisplayNames names(Store store, Catalogue catalogue, Locale locale) {
        return DisplayNames.of(groupNames(store), catalogue, new PageText(messages, locale));
    }

    /** The rule words of one request. */
    public RuleWords rules(Store store, Locale locale, DashboardFormats fmt) {
        Map<String, String> names = groupNames(store);
        return new RuleWords(new PageText(messages, locale), fmt, key -> names.getOrDefault(key, key));
    }
}
