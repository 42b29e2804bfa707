package io.basira.campaigns.delivery;

import io.basira.campaigns.ItemLink;
import io.basira.campaigns.MessageVariables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a template may name (docs/campaigns.md, "Templates"): {@code first_name}, {@code store_name},
 * {@code coupon_code}, {@code coupon_expires}, {@code points}, {@code points_expire}, {@code survey_url},
 * {@code unsubscribe_url}, and the list {@code items} whose entries have {@code item.name}, {@code item.url},
 * {@code item.quantity}, {@code item.price}. Dates are the store's local dates ({@code 2026-12-31}); absent
 * values are empty.
 */
public record MessageValues(Map<String, String> values, List<Map<String, String>> items) {

    public static final Set<String> NAMES = Set.of(
            "first_name",
            "store_name",
            "coupon_code",
            "coupon_expires",
            "points",
            "points_expire",
            "survey_url",
            "unsubscribe_url");
    public static final Set<String> ITEM_NAMES = Set.of("item.name", "item.url", "item.quantity", "item.price");

    public MessageValues {
        values = Map.copyOf(values);
        items = List.copyOf(items);
    }

    public static MessageValues of(
            String firstName, String storeName, MessageVariables variables, String unsubscribeUrl, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("first_name", nonNull(firstName));
        values.put("store_name", nonNull(storeName));
        values.put("coupon_code", nonNull(variables.couponCode()));
        values.put("coupon_expires", date(variables.couponExpiresAt(), zone));
        values.put(
                "points", variables.points() == null ? "" : variables.points().toString());
        values.put("points_expire", date(variables.pointsExpireAt(), zone));
        values.put("survey_url", nonNull(variables.surveyUrl()));
        values.put("unsubscribe_url", nonNull(unsubscribeUrl));
        List<Map<String, String>> items = new ArrayList<>();
        for (ItemLink item : variables.items()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("item.name", item.name());
            row.put("item.url", nonNull(item.url()));
            row.put("item.quantity", Long.toString(item.quantity()));
            row.put(
                    "item.price",
                    item.price() == null
                            ? ""
                            : item.price().toPlainString() + " "
                                    + item.price().currency().getCurrencyCode());
            items.add(row);
        }
        return new MessageValues(values, items);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String date(Instant at, ZoneId zone) {
        return at == null ? "" : at.atZone(zone).toLocalDate().toString();
    }
}
