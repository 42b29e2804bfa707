package io.basira.checkout;

import io.basira.shared.TextRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A store's own payment methods and carriers, in the order the storefront shows them. Every payment
 * method is offered unless a policy hides it; a carrier is offered to everyone when
 * {@code offeredToEveryone}, otherwise only to the customers a policy offers it to.
 */
public record Catalogue(List<PaymentMethod> paymentMethods, List<Carrier> carriers) {

    /**
     * A payment method: its code (cod, bank_transfer, mada …), its display name (English, or the store's only
     * name) and its Arabic name ({@code null}: the display name in Arabic too).
     */
    public record PaymentMethod(String code, String name, String nameAr) {
        public PaymentMethod {
            code = Codes.requireCode(code, "payment method");
            name = name == null || name.isBlank()
                    ? code
                    : TextRules.requireLine(name, "name", Checkouts.MAX_NAME_LENGTH);
            nameAr = arabicName(nameAr);
        }

        public PaymentMethod(String code, String name) {
            this(code, name, null);
        }

        /** The name to show in Arabic ({@code arabic}) or English. */
        public String name(boolean arabic) {
            return arabic && nameAr != null ? nameAr : name;
        }
    }

    /** A shipping carrier, named like a {@link PaymentMethod}. */
    public record Carrier(String code, String name, String nameAr, boolean offeredToEveryone) {
        public Carrier {
            code = Codes.requireCode(code, "carrier");
            name = name == null || name.isBlank()
                    ? code
                    : TextRules.requireLine(name, "name", Checkouts.MAX_NAME_LENGTH);
            nameAr = arabicName(nameAr);
        }

        public Carrier(String code, String name, boolean offeredToEveryone) {
            this(code, name, null, offeredToEveryone);
        }

        /** The name to show in Arabic ({@code arabic}) or English. */
        public String name(boolean arabic) {
            return arabic && nameAr != null ? nameAr : name;
        }
    }

    private static String arabicName(String nameAr) {
        return nameAr == null || nameAr.isBlank()
                ? null
                : TextRules.requireLine(nameAr, "name_ar", Checkouts.MAX_NAME_LENGTH);
    }

    public Catalogue {
        paymentMethods = List.copyOf(paymentMethods);
        carriers = List.copyOf(carriers);
        requireUnique(paymentMethods.stream().map(PaymentMethod::code).toList(), "payment method");
        requireUnique(carriers.stream().map(Carrier::code).toList(), "carrier");
    }

    /** The catalogue of a store that has not set its own: the methods common in Saudi Arabia, two carriers for everyone. */
    public static Catalogue standard() {
        return new Catalogue(
                List.of(
                        new PaymentMethod("cod", "Cash on delivery", "الدفع عند الاستلام"),
                        new PaymentMethod("bank_transfer", "Bank transfer", "تحويل بنكي"),
                        new PaymentMethod("credit_card", "Credit card", "بطاقة ائتمان"),
                        new PaymentMethod("mada", "mada", "مدى"),
                        new PaymentMethod("apple_pay", "Apple Pay", "آبل باي"),
                        new PaymentMethod("stc_pay", "STC Pay", "إس تي سي باي"),
                        new PaymentMethod("tabby", "Tabby", "تابي"),
                        new PaymentMethod("tamara", "Tamara", "تمارا")),
                List.of(
                        new Carrier("smsa", "SMSA Express", "سمسا إكسبريس", true),
                        new Carrier("aramex", "Aramex", "أرامكس", true),
                        new Carrier("spl", "Saudi Post (SPL)", "البريد السعودي (سبل)", false),
                        new Carrier("same_day", "Same-day courier", "توصيل في اليوم نفسه", false)));
    }

    public boolean hasCarrier(String code) {
        return carriers.stream().anyMatch(c -> c.code().equals(code));
    }

    public boolean hasPaymentMethod(String code) {
        return paymentMethods.stream().anyMatch(m -> m.code().equals(code));
    }

    /** Codes that policies name but this catalogue does not have (to warn the merchant). */
    public List<String> unknownCodes(Policy policy) {
        List<String> unknown = new ArrayList<>();
        PolicyRule rule = policy.rule();
        if (rule instanceof PolicyRule.HidePaymentMethods hide) {
            hide.methods().stream()
                    .filter(m -> !hasPaymentMethod(m))
                    .forEach(m -> unknown.add("payment method '" + m + "'"));
        } else if (rule instanceof PolicyRule.OfferCarriers offer) {
            offer.carriers().stream().filter(c -> !hasCarrier(c)).forEach(c -> unknown.add("carrier '" + c + "'"));
        } else if (rule instanceof PolicyRule.HideCarriers hide) {
            hide.carriers().stream().filter(c -> !hasCarrier(c)).forEach(c -> unknown.add("carrier '" + c + "'"));
        }
        return unknown;
    }

    private static void requireUnique(List<String> codes, String what) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(Objects.requireNonNull(code))) {
                throw new IllegalArgumentException(what + " '" + code + "' is listed twice");
            }
        }
    }
}
