package io.basira.server.checkout;

import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Catalogue;
import io.basira.checkout.Coupon;
import io.basira.checkout.CouponBenefit;
import io.basira.checkout.Policy;
import io.basira.checkout.PolicyRule;
import io.basira.checkout.Validity;
import io.basira.shared.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of policies, coupons and catalogues: what the API accepts and answers, and what is
 * stored. Reading validates (the core records refuse bad terms); writing gives back the same shape.
 * Money is a string in the major unit ({@code "150.00"}), exact.
 */
final class CheckoutJson {

    private static final JsonMapper STORED = JsonMapper.builder().build();

    private CheckoutJson() {}

    static Policy policy(String id, Map<String, Object> body, Currency currency) {
        JsonFields json = new JsonFields(body, "");
        Policy policy = guard("", () -> new Policy(id, json.requiredString("name"), eligible(json),
                validity(json, "valid_from", "valid_until"), rule(json, currency)));
        Map<String, Object> stored = json(policy);
        stored.put("id", Long.toString(Long.MAX_VALUE)); // the audit stores it with its id, at most this long
        requireStorable(stored, "policy");
        return policy;
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

    private static PolicyRule rule(JsonFields json, Currency currency) {
        String kind = json.requiredString("kind");
        return guard("", () -> switch (kind) {
            case "hide_payment_methods" -> new PolicyRule.HidePaymentMethods(json.strings("methods"));
            case "offer_carriers" -> new PolicyRule.OfferCarriers(json.strings("carriers"));
            case "hide_carriers" -> new PolicyRule.HideCarriers(json.strings("carriers"));
            case "free_shipping" -> new PolicyRule.FreeShipping(json.money("minimum_total", currency));
            case "percent_off" -> new PolicyRule.PercentOff(json.decimal("percent"), json.money("minimum_total", currency));
            case "amount_off" -> new PolicyRule.AmountOff(required(json.money("amount", currency), json, "amount"),
                    json.money("minimum_total", currency));
            case "buy_x_get_y" -> new PolicyRule.BuyXGetY(required(json.integer("buy"), json, "buy"),
                    required(json.integer("get"), json, "get"), json.strings("products"));
            default -> throw new IllegalArgumentException("kind: '" + kind + "' is not one of hide_payment_methods, "
                    + "offer_carriers, hide_carriers, free_shipping, percent_off, amount_off, buy_x_get_y");
        });
    }

    static Map<String, Object> json(Policy policy) {
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

    static Coupon coupon(Map<String, Object> body, Currency currency) {
        JsonFields json = new JsonFields(body, "");
        String benefit = json.requiredString("benefit");
        Coupon coupon = guard("", () -> new Coupon(json.requiredString("code"), switch (benefit) {
            case "percent_off" -> new CouponBenefit.PercentOff(json.decimal("percent"));
            case "amount_off" -> new CouponBenefit.AmountOff(required(json.money("amount", currency), json, "amount"));
            case "free_shipping" -> new CouponBenefit.FreeShipping();
            default -> throw new IllegalArgumentException(
                    "benefit: '" + benefit + "' is not one of percent_off, amount_off, free_shipping");
        }, json.money("minimum_total", currency), json.money("maximum_discount", currency),
                validity(json, "starts_at", "ends_at"), json.integer("usage_limit"), json.integer("per_customer_limit"),
                eligible(json)));
        requireStorable(json(coupon), "coupon");
        return coupon;
    }

    static Map<String, Object> json(Coupon coupon) {
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

    static Catalogue catalogue(Map<String, Object> body) {
        JsonFields json = new JsonFields(body, "");
        List<Catalogue.PaymentMethod> methods = new ArrayList<>();
        List<Object> listed = json.list("payment_methods");
        for (int i = 0; i < listed.size(); i++) {
            JsonFields method = new JsonFields(JsonFields.asMap(listed.get(i), "payment_methods[" + i + "]"),
                    "payment_methods[" + i + "]");
            methods.add(guard(method.where(""), () -> new Catalogue.PaymentMethod(method.requiredString("code"),
                    method.string("name"))));
        }
        List<Catalogue.Carrier> carriers = new ArrayList<>();
        listed = json.list("carriers");
        for (int i = 0; i < listed.size(); i++) {
            JsonFields carrier = new JsonFields(JsonFields.asMap(listed.get(i), "carriers[" + i + "]"), "carriers[" + i + "]");
            carriers.add(guard(carrier.where(""), () -> new Catalogue.Carrier(carrier.requiredString("code"),
                    carrier.string("name"), carrier.bool("offered_to_everyone", true))));
        }
        Catalogue catalogue = guard("", () -> new Catalogue(methods, carriers));
        requireStorable(json(catalogue), "catalogue");
        return catalogue;
    }

    static Map<String, Object> json(Catalogue catalogue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("payment_methods", catalogue.paymentMethods().stream()
                .map(m -> Map.<String, Object>of("code", m.code(), "name", m.name())).toList());
        json.put("carriers", catalogue.carriers().stream().map(c -> Map.<String, Object>of("code", c.code(),
                "name", c.name(), "offered_to_everyone", c.offeredToEveryone())).toList());
        return json;
    }

    private static EligibleGroups eligible(JsonFields json) {
        if (!json.has("groups")) {
            return EligibleGroups.everyone();
        }
        JsonFields groups = json.object("groups");
        return guard("groups: ", () -> new EligibleGroups(groups.strings("any_of"), groups.strings("none_of")));
    }

    private static Map<String, Object> json(EligibleGroups eligible) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("any_of", eligible.anyOf().stream().sorted().toList());
        json.put("none_of", eligible.noneOf().stream().sorted().toList());
        return json;
    }

    private static Validity validity(JsonFields json, String from, String until) {
        return guard("", () -> new Validity(json.instant(from), json.instant(until)));
    }

    private static <T> T required(T value, JsonFields json, String field) {
        if (value == null) {
            throw new IllegalArgumentException(json.where(field) + ": is required");
        }
        return value;
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
