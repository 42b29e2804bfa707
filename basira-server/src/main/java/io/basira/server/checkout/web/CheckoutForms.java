package io.basira.server.checkout.web;

import io.basira.server.checkout.api.CouponRequest;
import io.basira.server.checkout.api.PolicyRequest;
import io.basira.server.dashboard.FormValueException;
import io.basira.shared.Numerals;
import java.math.BigDecimal;
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
 * The policy and coupon forms of the dashboard, read into the typed requests the checkout API takes
 * ({@link PolicyRequest}, {@link CouponRequest}), which both hand to the same application service
 * ({@code CheckoutSetup}), so validation stays in one place. Dates are typed as local date-times of the
 * store's time zone ({@code datetime-local}) and sent as ISO instants.
 *
 * <p>Blank fields are left out (absent = open, unlimited or everyone); fields that do not belong to the
 * chosen kind or benefit are left out too, so a form that shows every field still saves cleanly. A number
 * that is not one is refused here ({@link IllegalArgumentException}, naming the field).
 */
public final class CheckoutForms {

    /** The policy kinds, in the order the form offers them. */
    static final List<String> KINDS = List.of(
            "free_shipping",
            "percent_off",
            "amount_off",
            "buy_x_get_y",
            "hide_payment_methods",
            "offer_carriers",
            "hide_carriers");

    static final List<String> BENEFITS = List.of("percent_off", "amount_off", "free_shipping");

    private CheckoutForms() {}

    /** The request of a policy form; {@code form} is the request's parameters. */
    public static PolicyRequest policy(Map<String, String[]> form, ZoneId zone) {
        String kind = one(form, "kind");
        String k = kind == null ? "" : kind;
        boolean offers = k.equals("free_shipping") || k.equals("percent_off") || k.equals("amount_off");
        return new PolicyRequest(
                one(form, "name"),
                kind,
                groups(form),
                instant(form, "valid_from", zone),
                instant(form, "valid_until", zone),
                k.equals("hide_payment_methods") ? many(form, "methods") : null,
                k.equals("offer_carriers") || k.equals("hide_carriers") ? many(form, "carriers") : null,
                offers ? decimal(form, "minimum_total") : null,
                k.equals("percent_off") ? decimal(form, "percent") : null,
                k.equals("amount_off") ? decimal(form, "amount") : null,
                k.equals("buy_x_get_y") ? whole(form, "buy") : null,
                k.equals("buy_x_get_y") ? whole(form, "get") : null,
                k.equals("buy_x_get_y") ? list(one(form, "products")) : null);
    }

    /** The request of a coupon form. */
    public static CouponRequest coupon(Map<String, String[]> form, ZoneId zone) {
        String benefit = one(form, "benefit");
        return new CouponRequest(
                one(form, "code"),
                benefit,
                "percent_off".equals(benefit) ? decimal(form, "percent") : null,
                "amount_off".equals(benefit) ? decimal(form, "amount") : null,
                decimal(form, "minimum_total"),
                decimal(form, "maximum_discount"),
                instant(form, "starts_at", zone),
                instant(form, "ends_at", zone),
                whole(form, "usage_limit"),
                whole(form, "per_customer_limit"),
                groups(form));
    }

    /** A policy request as the editor shows it again (the API's field names). */
    static Map<String, Object> fields(PolicyRequest policy) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", policy.name());
        fields.put("kind", policy.kind());
        fields.put("methods", policy.methods());
        fields.put("carriers", policy.carriers());
        fields.put("minimum_total", plain(policy.minimumTotal()));
        fields.put("percent", plain(policy.percent()));
        fields.put("amount", plain(policy.amount()));
        fields.put("buy", plain(policy.buy()));
        fields.put("get", plain(policy.get()));
        fields.put("products", policy.products());
        fields.put("groups", groups(policy.groups()));
        fields.put("valid_from", policy.validFrom());
        fields.put("valid_until", policy.validUntil());
        return fields;
    }

    /** A coupon request as the editor shows it again. */
    static Map<String, Object> fields(CouponRequest coupon) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", coupon.code());
        fields.put("benefit", coupon.benefit());
        fields.put("percent", plain(coupon.percent()));
        fields.put("amount", plain(coupon.amount()));
        fields.put("minimum_total", plain(coupon.minimumTotal()));
        fields.put("maximum_discount", plain(coupon.maximumDiscount()));
        fields.put("usage_limit", plain(coupon.usageLimit()));
        fields.put("per_customer_limit", plain(coupon.perCustomerLimit()));
        fields.put("groups", groups(coupon.groups()));
        fields.put("starts_at", coupon.startsAt());
        fields.put("ends_at", coupon.endsAt());
        return fields;
    }

    /**
     * A date-time of the API ({@code 2026-03-01T07:00:00Z}, {@code 2026-03-01T10:00+03:00}) as the form's
     * local date-time in {@code zone}; "" for null or anything else.
     */
    /** How a date-time field shows its value: {@code 2026-03-01 09:00} (year first, as typed; docs/dashboard.md). */
    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", java.util.Locale.ROOT);

    /**
     * A date-time field's text: {@code 2026-03-01 09:00}, {@code 2026-03-01T09:00} (the format of the former
     * {@code datetime-local} inputs and of scripts), with seconds or not, or a plain date (its start); Arabic-Indic
     * and Persian digits read as ASCII ones.
     *
     * @throws DateTimeParseException when it is none of these
     */
    static LocalDateTime localDateTime(String typed) {
        String text = Numerals.asciiDigits(typed.strip());
        if (text.length() == 10) {
            return java.time.LocalDate.parse(text).atStartOfDay();
        }
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11).strip();
        }
        return LocalDateTime.parse(text);
    }

    public static String local(Object dateTime, ZoneId zone) {
        if (dateTime == null) {
            return "";
        }
        try {
            return OffsetDateTime.parse(dateTime.toString())
                    .atZoneSameInstant(zone)
                    .toLocalDateTime()
                    .truncatedTo(ChronoUnit.MINUTES)
                    .format(SHOWN);
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** The comma-separated form of a list ({@code products}). */
    static String joined(Object list) {
        return list instanceof List<?> items
                ? String.join(", ", items.stream().map(String::valueOf).toList())
                : "";
    }

    public static String one(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    private static List<String> many(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null
                ? List.of()
                : Arrays.stream(values)
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            Arrays.stream(text.split("[,،\\s]+"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(items::add);
        }
        return items;
    }

    private static PolicyRequest.EligibleGroupsRequest groups(Map<String, String[]> form) {
        return new PolicyRequest.EligibleGroupsRequest(many(form, "any_of"), many(form, "none_of"));
    }

    private static Map<String, Object> groups(PolicyRequest.EligibleGroupsRequest groups) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("any_of", groups == null || groups.anyOf() == null ? List.of() : groups.anyOf());
        fields.put("none_of", groups == null || groups.noneOf() == null ? List.of() : groups.noneOf());
        return fields;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public static BigDecimal decimal(Map<String, String[]> form, String name) {
        String value = one(form, name);
        if (value == null) {
            return null;
        }
        String ascii = Numerals.toAscii(value);
        if (ascii == null) {
            throw FormValueException.notDecimal(name, value);
        }
        return new BigDecimal(ascii);
    }

    public static BigDecimal whole(Map<String, String[]> form, String name) {
        String value = one(form, name);
        if (value == null) {
            return null;
        }
        Long whole = Numerals.whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (whole == null) {
            throw FormValueException.notWhole(name, value);
        }
        return BigDecimal.valueOf(whole);
    }

    public static String instant(Map<String, String[]> form, String name, ZoneId zone) {
        String value = one(form, name);
        if (value == null) {
            return null;
        }
        try {
            return localDateTime(value).atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            throw FormValueException.notDateTime(name, value);
        }
    }
}
