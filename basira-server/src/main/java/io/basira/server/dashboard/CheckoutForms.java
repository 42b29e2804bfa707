package io.basira.server.dashboard;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy and coupon forms of the dashboard, translated to and from the JSON the checkout API
 * accepts (docs/checkout.md), so that validation stays in one place (the API's reader). Dates are typed
 * as local date-times of the store's time zone ({@code datetime-local}) and sent as ISO instants.
 *
 * <p>Blank fields are left out (absent = open, unlimited or everyone); fields that do not belong to the
 * chosen kind or benefit are left out too, so a form that shows every field still saves cleanly.
 */
final class CheckoutForms {

    /** The policy kinds, in the order the form offers them. */
    static final List<String> KINDS = List.of("free_shipping", "percent_off", "amount_off", "buy_x_get_y",
            "hide_payment_methods", "offer_carriers", "hide_carriers");
    static final List<String> BENEFITS = List.of("percent_off", "amount_off", "free_shipping");

    private CheckoutForms() {}

    /** The API body of a policy form; {@code form} is the request's parameters. */
    static Map<String, Object> policy(Map<String, String[]> form, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        String kind = one(form, "kind");
        body.put("name", one(form, "name"));
        body.put("kind", kind);
        switch (kind == null ? "" : kind) {
            case "hide_payment_methods" -> body.put("methods", many(form, "methods"));
            case "offer_carriers", "hide_carriers" -> body.put("carriers", many(form, "carriers"));
            case "free_shipping" -> putIfGiven(body, form, "minimum_total");
            case "percent_off" -> {
                putIfGiven(body, form, "percent");
                putIfGiven(body, form, "minimum_total");
            }
            case "amount_off" -> {
                putIfGiven(body, form, "amount");
                putIfGiven(body, form, "minimum_total");
            }
            case "buy_x_get_y" -> {
                putInteger(body, form, "buy");
                putInteger(body, form, "get");
                body.put("products", list(one(form, "products")));
            }
            default -> { }
        }
        body.put("groups", Map.of("any_of", many(form, "any_of"), "none_of", many(form, "none_of")));
        putInstant(body, form, "valid_from", zone);
        putInstant(body, form, "valid_until", zone);
        return body;
    }

    /** The API body of a coupon form. */
    static Map<String, Object> coupon(Map<String, String[]> form, ZoneId zone) {
        Map<String, Object> body = new LinkedHashMap<>();
        String benefit = one(form, "benefit");
        body.put("code", one(form, "code"));
        body.put("benefit", benefit);
        if ("percent_off".equals(benefit)) {
            putIfGiven(body, form, "percent");
        } else if ("amount_off".equals(benefit)) {
            putIfGiven(body, form, "amount");
        }
        putIfGiven(body, form, "minimum_total");
        putIfGiven(body, form, "maximum_discount");
        putInteger(body, form, "usage_limit");
        putInteger(body, form, "per_customer_limit");
        body.put("groups", Map.of("any_of", many(form, "any_of"), "none_of", many(form, "none_of")));
        putInstant(body, form, "starts_at", zone);
        putInstant(body, form, "ends_at", zone);
        return body;
    }

    /**
     * A date-time of the API ({@code 2026-03-01T07:00:00Z}, {@code 2026-03-01T10:00+03:00}) as the form's
     * local date-time in {@code zone}; "" for null or anything else.
     */
    static String local(Object dateTime, ZoneId zone) {
        if (dateTime == null) {
            return "";
        }
        try {
            return OffsetDateTime.parse(dateTime.toString()).atZoneSameInstant(zone).toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** The comma-separated form of a list ({@code products}). */
    static String joined(Object list) {
        return list instanceof List<?> items ? String.join(", ", items.stream().map(String::valueOf).toList()) : "";
    }

    static String one(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static List<String> many(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null ? List.of() : Arrays.stream(values).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            Arrays.stream(text.split("[,،\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private static void putIfGiven(Map<String, Object> body, Map<String, String[]> form, String name) {
        String value = one(form, name);
        if (value != null) {
            body.put(name, value);
        }
    }

    private static void putInteger(Map<String, Object> body, Map<String, String[]> form, String name) {
        String value = one(form, name);
        if (value == null) {
            return;
        }
        try {
            body.put(name, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a whole number");
        }
    }

    private static void putInstant(Map<String, Object> body, Map<String, String[]> form, String name, ZoneId zone) {
        String value = one(form, name);
        if (value == null) {
            return;
        }
        try {
            body.put(name, LocalDateTime.parse(value).atZone(zone).toOffsetDateTime().toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a date and time (2026-03-01T09:00)");
        }
    }
}
