package io.basira.server.checkout.api;

import io.basira.checkout.Catalogue;
import io.basira.checkout.Coupon;
import io.basira.checkout.CouponBenefit;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Policy;
import io.basira.checkout.PolicyRule;
import io.basira.checkout.Validity;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of policies, coupons and catalogues: what the API accepts and answers, and what is
 * stored. Reading validates (the core records refuse bad terms); writing gives back the same shape.
 * Money is a string in the major unit ({@code "150.00"}), exact.
 */
public final class CheckoutJson {

    private static final JsonMapper STORED = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private CheckoutJson() {}

    /** A policy from its request; {@code id} is the store's id of it ("new" before it is created). */
    public static Policy policy(String id, PolicyRequest body, Currency currency) {
        Policy policy = guard(
                "",
                () -> new Policy(
                        id,
                        required("name", body.name()),
                        eligible(body.groups()),
                        validity("valid_from", body.validFrom(), "valid_until", body.validUntil()),
                        rule(body, currency)));
        Map<String, Object> stored = json(policy);
        stored.put("id", Long.toString(Long.MAX_VALUE)); // the audit stores it with its id, at most this long
        requireStorable(stored, "policy");
        return policy;
    }

    /** A policy as stored (its definition's JSON, the same shape as its request). */
    public static Policy policy(String id, Map<String, Object> stored, Currency currency) {
        return policy(id, STORED.convertValue(stored, PolicyRequest.class), currency);
    }

    /**
     * Refuses a definition whose stored JSON would not fit its column (the schema's {@code VARCHAR(20000)}
     * of definitions, catalogue and audit), before anything is written.
     */
    private static void requireStorable(Map<String, Object> json, String what) {
        int length = STORED.writeValueAsString(json).length();
        if (length > JdbcCheckoutPolicies.MAX_STORED_LENGTH) {
            throw new IllegalArgumentException(what + " is " + length + " characters long as stored, more than "
                    + JdbcCheckoutPolicies.MAX_STORED_LENGTH + ": name fewer products, groups or codes");
        }
    }

    private static PolicyRule rule(PolicyRequest body, Currency currency) {
        String kind = required("kind", body.kind());
        return guard("", () -> switch (kind) {
            case "hide_payment_methods" ->
                new PolicyRule.HidePaymentMethods(RequestValues.strings("methods", body.methods()));
            case "offer_carriers" -> new PolicyRule.OfferCarriers(RequestValues.strings("carriers", body.carriers()));
            case "hide_carriers" -> new PolicyRule.HideCarriers(RequestValues.strings("carriers", body.carriers()));
            case "free_shipping" -> new PolicyRule.FreeShipping(money("minimum_total", body.minimumTotal(), currency));
            case "percent_off" ->
                new PolicyRule.PercentOff(body.percent(), money("minimum_total", body.minimumTotal(), currency));
            case "amount_off" ->
                new PolicyRule.AmountOff(
                        required("amount", money("amount", body.amount(), currency)),
                        money("minimum_total", body.minimumTotal(), currency));
            case "buy_x_get_y" ->
                new PolicyRule.BuyXGetY(
                        required("buy", RequestValues.whole("buy", body.buy())),
                        required("get", RequestValues.whole("get", body.get())),
                        RequestValues.strings("products", body.products()));
            default ->
                throw new IllegalArgumentException("kind: '" + kind + "' is not one of hide_payment_methods, "
                        + "offer_carriers, hide_carriers, free_shipping, percent_off, amount_off, buy_x_get_y");
        });
    }

    public static Map<String, Object> json(Policy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", policy.id());
        json.put("name", policy.name());
        json.put("groups", json(policy.eligible()));
        json.put("valid_from", text(policy.validity().from()));
        json.put("valid_until", text(policy.validity().until()));
        PolicyRule rule = policy.rule();
        if (rule instanceof PolicyRule.HidePaymentMethods hide) {
            json.put("kind", "hide_payment_methods");
            json.put("methods", List.copyOf(hide.methods()).stream().sorted().toList());
        } else if (rule instanceof PolicyRule.OfferCarriers offer) {
            json.put("kind", "offer_carriers");
            json.put("carriers", offer.carriers().stream().sorted().toList());
        } else if (rule instanceof PolicyRule.HideCarriers hide) {
            json.put("kind", "hide_carriers");
            json.put("carriers", hide.carriers().stream().sorted().toList());
        } else if (rule instanceof PolicyRule.FreeShipping free) {
            json.put("kind", "free_shipping");
            json.put("minimum_total", money(free.minimumTotal()));
        } else if (rule instanceof PolicyRule.PercentOff off) {
            json.put("kind", "percent_off");
            json.put("percent", off.percent().toPlainString());
            json.put("minimum_total", money(off.minimumTotal()));
        } else if (rule instanceof PolicyRule.AmountOff off) {
            json.put("kind", "amount_off");
            json.put("amount", money(off.amount()));
            json.put("minimum_total", money(off.minimumTotal()));
        } else if (rule instanceof PolicyRule.BuyXGetY offer) {
            json.put("kind", "buy_x_get_y");
            json.put("buy", offer.buy());
            json.put("get", offer.get());
            json.put("products", offer.products().stream().sorted().toList());
        }
        return json;
    }

    /** A coupon from its terms. */
    public static Coupon coupon(CouponRequest body, Currency currency) {
        String benefit = required("benefit", body.benefit());
        Coupon coupon = guard(
                "",
                () -> new Coupon(
                        required("code", body.code()),
                        switch (benefit) {
                            case "percent_off" -> new CouponBenefit.PercentOff(body.percent());
                            case "amount_off" ->
                                new CouponBenefit.AmountOff(
                                        required("amount", money("amount", body.amount(), currency)));
                            case "free_shipping" -> new CouponBenefit.FreeShipping();
                            default ->
                                throw new IllegalArgumentException("benefit: '" + benefit
                                        + "' is not one of percent_off, amount_off, free_shipping");
                        },
                        money("minimum_total", body.minimumTotal(), currency),
                        money("maximum_discount", body.maximumDiscount(), currency),
                        validity("starts_at", body.startsAt(), "ends_at", body.endsAt()),
                        RequestValues.whole("usage_limit", body.usageLimit()),
                        RequestValues.whole("per_customer_limit", body.perCustomerLimit()),
                        eligible(body.groups())));
        requireStorable(json(coupon), "coupon");
        return coupon;
    }

    /** A coupon as stored (its terms' JSON). */
    public static Coupon coupon(Map<String, Object> stored, Currency currency) {
        return coupon(STORED.convertValue(stored, CouponRequest.class), currency);
    }

    public static Map<String, Object> json(Coupon coupon) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", coupon.code());
        CouponBenefit benefit = coupon.benefit();
        if (benefit instanceof CouponBenefit.PercentOff off) {
            json.put("benefit", "percent_off");
            json.put("percent", off.percent().toPlainString());
        } else if (benefit instanceof CouponBenefit.AmountOff off) {
            json.put("benefit", "amount_off");
            json.put("amount", money(off.amount()));
        } else {
            json.put("benefit", "free_shipping");
        }
        json.put("minimum_total", money(coupon.minimumTotal()));
        json.put("maximum_discount", money(coupon.maximumDiscount()));
        json.put("starts_at", text(coupon.validity().from()));
        json.put("ends_at", text(coupon.validity().until()));
        json.put("usage_limit", coupon.usageLimit());
        json.put("per_customer_limit", coupon.perCustomerLimit());
        json.put("groups", json(coupon.eligible()));
        return json;
    }

    /** A catalogue from its request. */
    public static Catalogue catalogue(CatalogueRequest body) {
        List<Catalogue.PaymentMethod> methods = new ArrayList<>();
        List<CatalogueRequest.PaymentMethod> listedMethods =
                body.paymentMethods() == null ? List.of() : body.paymentMethods();
        for (int i = 0; i < listedMethods.size(); i++) {
            CatalogueRequest.PaymentMethod method = required("payment_methods[" + i + "]", listedMethods.get(i));
            String where = "payment_methods[" + i + "]";
            methods.add(guard(
                    where,
                    () -> new Catalogue.PaymentMethod(
                            required(where + ".code", method.code()), method.name(), method.nameAr())));
        }
        List<Catalogue.Carrier> carriers = new ArrayList<>();
        List<CatalogueRequest.Carrier> listedCarriers = body.carriers() == null ? List.of() : body.carriers();
        for (int i = 0; i < listedCarriers.size(); i++) {
            CatalogueRequest.Carrier carrier = required("carriers[" + i + "]", listedCarriers.get(i));
            String where = "carriers[" + i + "]";
            carriers.add(guard(
                    where,
                    () -> new Catalogue.Carrier(
                            required(where + ".code", carrier.code()),
                            carrier.name(),
                            carrier.nameAr(),
                            carrier.offeredToEveryone() == null || carrier.offeredToEveryone())));
        }
        Catalogue catalogue = guard("", () -> new Catalogue(methods, carriers));
        requireStorable(json(catalogue), "catalogue");
        return catalogue;
    }

    /** A catalogue as stored. */
    public static Catalogue catalogue(Map<String, Object> stored) {
        return catalogue(STORED.convertValue(stored, CatalogueRequest.class));
    }

    public static Map<String, Object> json(Catalogue catalogue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "payment_methods",
                catalogue.paymentMethods().stream()
                        .map(m -> {
                            Map<String, Object> method = new LinkedHashMap<>();
                            method.put("code", m.code());
                            method.put("name", m.name());
                            if (m.nameAr() != null) {
                                method.put("name_ar", m.nameAr());
                            }
                            return method;
                        })
                        .toList());
        json.put(
                "carriers",
                catalogue.carriers().stream()
                        .map(c -> {
                            Map<String, Object> carrier = new LinkedHashMap<>();
                            carrier.put("code", c.code());
                            carrier.put("name", c.name());
                            if (c.nameAr() != null) {
                                carrier.put("name_ar", c.nameAr());
                            }
                            carrier.put("offered_to_everyone", c.offeredToEveryone());
                            return carrier;
                        })
                        .toList());
        return json;
    }

    private static EligibleGroups eligible(PolicyRequest.EligibleGroupsRequest groups) {
        if (groups == null) {
            return EligibleGroups.everyone();
        }
        return guard(
                "groups: ",
                () -> new EligibleGroups(
                        RequestValues.strings("groups.any_of", groups.anyOf()),
                        RequestValues.strings("groups.none_of", groups.noneOf())));
    }

    private static Map<String, Object> json(EligibleGroups eligible) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("any_of", eligible.anyOf().stream().sorted().toList());
        json.put("none_of", eligible.noneOf().stream().sorted().toList());
        return json;
    }

    private static Validity validity(String fromName, String from, String untilName, String until) {
        return guard(
                "", () -> new Validity(RequestValues.instant(fromName, from), RequestValues.instant(untilName, until)));
    }

    private static <T> T required(String field, T value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    private static Money money(String field, BigDecimal value, Currency currency) {
        return RequestValues.money(field, value, currency);
    }

    /** A stored definition (policy, coupon, catalogue) as a JSON object. */
    public static Map<String, Object> stored(JsonMapper json, String text) {
        return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    }

    static String money(Money money) {
        return money == null ? null : money.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Runs a construction, prefixing a refusal that does not name its field yet with {@code where}. */
    private static <T> T guard(String where, java.util.function.Supplier<T> making) {
        try {
            return making.get();
        } catch (NullPointerException e) {
            throw new IllegalArgumentException(where + e.getMessage() + ": is required");
        } catch (IllegalArgumentException e) {
            throw e;
        }
    }
}
