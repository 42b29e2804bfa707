package io.basira.server.csvimport;

import io.basira.commerce.CartLine;
import io.basira.shared.Money;
import io.basira.shared.Numerals;
import io.basira.shared.Store;
import io.basira.shared.UnitPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of a cart from named fields (an element of a cart's {@code items} in the REST API and the standard
 * webhook): {@code product_id} (required), {@code quantity} (required, a positive whole number), {@code name},
 * {@code unit_price} (the store's currency, up to six decimals) and {@code url} (an absolute http or https link).
 * Digits may be Arabic-Indic, as in an import's cells.
 */
public final class CartLineFields {

    private CartLineFields() {}

    /** The line, or its problems ({@code quantity: '0' is not a positive whole number}). */
    public static Parsed parse(Store store, String cartId, Map<String, String> fields) {
        List<String> problems = new ArrayList<>();
        String productId = text(fields, "product_id");
        if (productId == null) {
            problems.add("product_id: required value is empty");
        }
        String quantityText = text(fields, "quantity");
        Long quantity = quantityText == null ? null : Numerals.whole(quantityText, 1, Integer.MAX_VALUE);
        if (quantityText == null) {
            problems.add("quantity: required value is empty");
        } else if (quantity == null) {
            problems.add("quantity: '" + quantityText + "' is not a positive whole number");
        }
        UnitPrice price = null;
        String priceText = text(fields, "unit_price");
        if (priceText != null) {
            String ascii = Numerals.toAscii(priceText);
            BigDecimal amount = ascii == null ? null : new BigDecimal(ascii);
            String problem = amount == null ? "is not a decimal number (199.50)" : Money.incomingProblem(amount);
            if (problem == null) {
                try {
                    price = new UnitPrice(amount, store.currency());
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                problems.add("unit_price: '" + priceText + "' " + problem);
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        try {
            return new Parsed(
                    new CartLine(
                            cartId, productId, text(fields, "name"), quantity.intValue(), price, text(fields, "url")),
                    List.of());
        } catch (IllegalArgumentException e) {
            return new Parsed(null, List.of(e.getMessage()));
        }
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A line, or (when null) its problems. */
    public record Parsed(CartLine line, List<String> problems) {}
}
