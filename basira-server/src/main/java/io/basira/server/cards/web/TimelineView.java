package io.basira.server.cards.web;

import io.basira.server.cards.jdbc.JdbcTimeline;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DisplayNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a customer's timeline as the card page shows it. Labels are message keys:
 * {@code timeline.kind.<kind>} and {@code timeline.detail.<name>}; a detail whose value is itself
 * translated (an order or cart status, what a review rates) carries a {@code valueKey} instead of a value.
 */
public record TimelineView(String kind, String id, String when, List<Detail> details) {

    public record Detail(String name, String value, String valueKey) {

        public String label() {
            return "timeline.detail." + name;
        }
    }

    private static final Set<String> MONEY = Set.of("total", "discount_total");

    public String kindLabel() {
        return "timeline.kind." + kind;
    }

    public static List<TimelineView> of(List<JdbcTimeline.Entry> entries, DashboardFormats fmt, DisplayNames names) {
        return entries.stream()
                .map(e -> new TimelineView(e.kind(), e.id(), fmt.dateTime(e.at()), details(e, fmt, names)))
                .toList();
    }

    private static List<Detail> details(JdbcTimeline.Entry entry, DashboardFormats fmt, DisplayNames names) {
        List<Detail> details = new ArrayList<>();
        for (Map.Entry<String, String> d : entry.details().entrySet()) {
            String name = d.getKey();
            String value = d.getValue();
            if (name.equals("status")) {
                details.add(new Detail(name, null, entry.kind() + ".status." + value));
            } else if (name.equals("of")) {
                details.add(new Detail(name, null, "review.of." + value));
            } else if (MONEY.contains(name)) {
                details.add(new Detail(name, fmt.moneyText(value), null));
            } else if (name.equals("payment_method")) {
                details.add(new Detail(name, names.method(value), null));
            } else if (name.equals("shipping_method")) {
                details.add(new Detail(name, names.carrier(value), null));
            } else if (name.equals("items_count") || name.equals("rating")) {
                details.add(new Detail(name, fmt.number(Long.parseLong(value)), null));
            } else {
                details.add(new Detail(name, value, null));
            }
        }
        return details;
    }
}
