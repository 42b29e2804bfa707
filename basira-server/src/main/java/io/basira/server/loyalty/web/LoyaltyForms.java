package io.basira.server.loyalty.web;

import io.basira.loyalty.InvalidProgramException;
import io.basira.server.checkout.web.CheckoutForms;
import io.basira.server.checkout.web.FormChecks;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.loyalty.api.ProgramBody;
import io.basira.server.loyalty.api.ProgramBody.TierBody;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loyalty program form of the dashboard (docs/loyalty.md, "Dashboard"), read into the request record the API
 * takes ({@link ProgramBody}), which both hand to the same service ({@code LoyaltyService.saveProgram}): the same
 * constraints ({@link FormChecks}) and the same checks of the core, so validation stays in one place. Field
 * names are the API's ({@code earn_points}, {@code tiers[0].name}); the start is a local date-time of the store's
 * time zone. Numbers may be typed in Arabic-Indic digits. A tier row without a name is left out, so the form can
 * offer empty rows; at most 20 tiers.
 */
final class LoyaltyForms {

    /** Empty tier rows the form offers after the program's tiers. */
    static final int SPARE_TIERS = 2;

    static final int MAX_TIERS = 20;

    private LoyaltyForms() {}

    /** The request of a program form ({@code form}: the request's parameters). */
    static ProgramBody program(Map<String, String[]> form, ZoneId zone) {
        List<TierBody> tiers = new ArrayList<>();
        for (int i = 0; i < MAX_TIERS + SPARE_TIERS; i++) {
            String p = "tiers[" + i + "].";
            String name = CheckoutForms.one(form, p + "name");
            if (name == null) {
                continue;
            }
            tiers.add(new TierBody(
                    name,
                    orZero(CheckoutForms.decimal(form, p + "threshold")),
                    CheckoutForms.decimal(form, p + "multiplier"),
                    checked(form, p + "free_shipping"),
                    checked(form, p + "early_access")));
        }
        return new ProgramBody(
                checked(form, "enabled"),
                startsAt(CheckoutForms.instant(form, "starts_at", zone)),
                asLong(CheckoutForms.whole(form, "earn_points")),
                CheckoutForms.decimal(form, "earn_per"),
                asInt(CheckoutForms.whole(form, "pending_days")),
                asLong(CheckoutForms.whole(form, "review_points")),
                asLong(CheckoutForms.whole(form, "birthday_points")),
                asLong(CheckoutForms.whole(form, "signup_points")),
                CheckoutForms.one(form, "tier_basis"),
                tiers,
                asInt(CheckoutForms.whole(form, "expiry_months")),
                asInt(CheckoutForms.whole(form, "expiry_warning_days")),
                asLong(CheckoutForms.whole(form, "redeem_points")),
                CheckoutForms.decimal(form, "redeem_value"),
                asLong(CheckoutForms.whole(form, "free_shipping_points")),
                asLong(CheckoutForms.whole(form, "free_product_points")),
                CheckoutForms.one(form, "free_product_id"),
                CheckoutForms.one(form, "expiry_kind"));
    }

    /**
     * "Orders from" left empty: every order counts, the program's start at the epoch (as a program never set up has
     * it). The form shows that start as an empty field, so saving the form unchanged keeps it unset.
     */
    private static String startsAt(String typed) {
        return typed == null ? java.time.Instant.EPOCH.toString() : typed;
    }

    /** Whether a program's start is the epoch: no start set (shown empty, not as 01/01/1970 03:00). */
    private static boolean isUnset(String startsAt) {
        if (startsAt == null) {
            return true;
        }
        try {
            return java.time.OffsetDateTime.parse(startsAt).toInstant().equals(java.time.Instant.EPOCH);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The form's values of a program (as the page shows them), by field name. */
    static Map<String, String> fields(ProgramBody p, ZoneId zone) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("enabled", Boolean.TRUE.equals(p.enabled()) ? "on" : null);
        f.put("starts_at", isUnset(p.startsAt()) ? "" : CheckoutForms.local(p.startsAt(), zone));
        f.put("earn_points", text(p.earnPoints()));
        f.put("earn_per", plain(p.earnPer()));
        f.put("pending_days", text(p.pendingDays()));
        f.put("review_points", text(p.reviewPoints()));
        f.put("birthday_points", text(p.birthdayPoints()));
        f.put("signup_points", text(p.signupPoints()));
        f.put("tier_basis", p.tierBasis());
        f.put("expiry_kind", p.expiryKind());
        f.put("expiry_months", text(p.expiryMonths()));
        f.put("expiry_warning_days", text(p.expiryWarningDays()));
        f.put("redeem_points", text(p.redeemPoints()));
        f.put("redeem_value", plain(p.redeemValue()));
        f.put("free_shipping_points", text(p.freeShippingPoints()));
        f.put("free_product_points", text(p.freeProductPoints()));
        f.put("free_product_id", p.freeProductId());
        List<TierBody> tiers = p.tiers() == null ? List.of() : p.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            TierBody t = tiers.get(i);
            String prefix = "tiers[" + i + "].";
            f.put(prefix + "name", t.name());
            f.put(prefix + "threshold", plain(t.threshold()));
            f.put(prefix + "multiplier", plain(t.multiplier()));
            f.put(prefix + "free_shipping", Boolean.TRUE.equals(t.freeShipping()) ? "on" : null);
            f.put(prefix + "early_access", Boolean.TRUE.equals(t.earlyAccess()) ? "on" : null);
        }
        return f;
    }

    /** The values as sent (shown again after a refusal). */
    static Map<String, String> fields(Map<String, String[]> form) {
        Map<String, String> f = new LinkedHashMap<>();
        form.forEach((name, values) -> f.put(name, values.length == 0 ? null : values[0]));
        return f;
    }

    /** How many tier rows to show: every row with a name, then {@link #SPARE_TIERS} empty ones. */
    static int tierRows(Map<String, String> fields) {
        int last = -1;
        for (int i = 0; i < MAX_TIERS + SPARE_TIERS; i++) {
            String name = fields.get("tiers[" + i + "].name");
            if (name != null && !name.isBlank()) {
                last = i;
            }
        }
        return Math.min(MAX_TIERS + SPARE_TIERS, last + 1 + SPARE_TIERS);
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    /**
     * A refusal of the core's checks in the reader's language: the field's label and the reason of its code
     * ({@code loyalty.invalid.<code>}); the numbers of a range are taken from the English sentence's range.
     */
    static String message(InvalidProgramException e, PageText text) {
        List<Object> args = e.arguments();
        Object[] shown;
        if (e.code().equals("range")) {
            Matcher numbers = NUMBER.matcher(String.valueOf(args.get(1)));
            List<String> found = new ArrayList<>();
            while (numbers.find()) {
                found.add(numbers.group());
            }
            shown = new Object[] {
                iso(args.get(0), text), iso(found.get(0), text), iso(found.get(found.size() - 1), text)
            };
        } else {
            shown = args.stream().map(a -> iso(a, text)).toArray();
        }
        return FormChecks.label(e.field(), text) + ": " + text.get("loyalty.invalid." + e.code(), shown);
    }

    private static String iso(Object value, PageText text) {
        return MerchantMessages.isolate(value, text);
    }

    private static boolean checked(Map<String, String[]> form, String name) {
        return CheckoutForms.one(form, name) != null;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Long asLong(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }

    private static Integer asInt(BigDecimal value) {
        return value == null ? null : value.intValueExact();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
