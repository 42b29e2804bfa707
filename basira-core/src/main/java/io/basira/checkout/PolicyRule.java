package io.basira.checkout;

import io.basira.commerce.ColumnLengths;
import io.basira.shared.Money;
import io.basira.shared.TextRules;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/** What a checkout policy does for the customers it is aimed at. */
public sealed interface PolicyRule {

    /** Removes these payment methods from those offered. */
    record HidePaymentMethods(Set<String> methods) implements PolicyRule {
        public HidePaymentMethods {
            methods = Codes.requireSome(methods, "methods");
        }
    }

    /** Adds these carriers (of the catalogue) to those offered. */
    record OfferCarriers(Set<String> carriers) implements PolicyRule {
        public OfferCarriers {
            carriers = Codes.requireSome(carriers, "carriers");
        }
    }

    /** Removes these carriers from those offered; a hidden carrier stays hidden even when another policy offers it. */
    record HideCarriers(Set<String> carriers) implements PolicyRule {
        public HideCarriers {
            carriers = Codes.requireSome(carriers, "carriers");
        }
    }

    /** Free shipping, when the cart subtotal is at least {@code minimumTotal} (null: any cart). */
    record FreeShipping(Money minimumTotal) implements PolicyRule {
        public FreeShipping {
            Amounts.requireNotNegative(minimumTotal, "minimum_total");
        }
    }

    /** An automatic offer: {@code percent} (0 exclusive to 100 inclusive) off a subtotal of at least {@code minimumTotal}. */
    record PercentOff(BigDecimal percent, Money minimumTotal) implements PolicyRule, CartOffer {
        public PercentOff {
            Amounts.requirePercent(percent);
            Amounts.requireNotNegative(minimumTotal, "minimum_total");
        }
    }

    /** An automatic offer: a fixed amount off a subtotal of at least {@code minimumTotal}. */
    record AmountOff(Money amount, Money minimumTotal) implements PolicyRule, CartOffer {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            if (amount.minor() <= 0) {
                throw new IllegalArgumentException("amount " + amount.toPlainString() + " is not positive");
            }
            Amounts.requireNotNegative(minimumTotal, "minimum_total");
        }
    }

    /**
     * An automatic offer on items: of every {@code buy + get} units of a line, {@code get} are free.
     * Applies to the lines of {@code products} (empty: every product).
     */
    record BuyXGetY(int buy, int get, Set<String> products) implements PolicyRule {
        public BuyXGetY {
            if (buy < 1 || get < 1) {
                throw new IllegalArgumentException("buy and get must be at least 1, got buy " + buy + " get " + get);
            }
            products = Set.copyOf(Objects.requireNonNull(products, "products"));
            if (products.size() > Checkouts.MAX_LISTED) {
                throw new IllegalArgumentException(
                        "products names " + products.size() + " products, at most " + Checkouts.MAX_LISTED);
            }
            products.forEach(product -> TextRules.requireLine(product, "products", ColumnLengths.ID));
        }

        public boolean appliesTo(String productId) {
            return products.isEmpty() || products.contains(productId);
        }
    }

    /** The cart-level offers, of which at most one applies (the largest). */
    sealed interface CartOffer permits PercentOff, AmountOff {
        Money minimumTotal();
    }
}
