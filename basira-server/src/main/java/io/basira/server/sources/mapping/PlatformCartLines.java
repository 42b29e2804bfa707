package io.basira.server.sources.mapping;

import io.basira.commerce.CartLine;
import io.basira.shared.UnitPrice;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The lines of a platform's abandoned cart or checkout, read leniently: they are for the reminder's item list, so
 * a line the platform describes badly (no product, no quantity, a price that is not an amount, a link that is not
 * http or https) is left out, or its detail dropped, instead of refusing the whole cart. A line's link is its own
 * when the platform gives one, else the cart's recovery link ({@code checkout_url}, {@code abandoned_checkout_url}).
 */
final class PlatformCartLines {

    private PlatformCartLines() {}

    /**
     * @param items the platform's array (absent or not an array: no lines, and the cart keeps the stored ones)
     * @param currency the store's currency; null when the cart is in another one (its prices are then left out)
     * @param paths the field paths to try, in order, on each item
     */
    static List<CartLine> read(JsonNode items, String cartId, Currency currency, String cartUrl, Paths paths) {
        List<CartLine> lines = new ArrayList<>();
        if (!Fields.present(items) || !items.isArray()) {
            return lines;
        }
        for (JsonNode item : items) {
            String product = first(item, paths.productId(), true);
            String quantityText = Fields.text(item, "quantity");
            int quantity;
            try {
                quantity = quantityText == null ? 1 : new java.math.BigDecimal(quantityText).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                continue;
            }
            if (product == null || quantity <= 0) {
                continue;
            }
            UnitPrice price = price(item, paths.price(), currency);
            String url = first(item, paths.url(), false);
            String name = first(item, paths.name(), false);
            try {
                lines.add(new CartLine(cartId, product, name, quantity, price, url != null ? url : cartUrl));
            } catch (IllegalArgumentException e) {
                try {
                    lines.add(new CartLine(cartId, product, null, quantity, price, null));
                } catch (IllegalArgumentException stillBad) {
                    // a product id that is too long: the line is left out
                }
            }
        }
        return lines;
    }

    private static String first(JsonNode item, List<String[]> paths, boolean id) {
        for (String[] path : paths) {
            String value = id ? Fields.id(item, path) : Fields.text(item, path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static UnitPrice price(JsonNode item, List<String[]> paths, Currency currency) {
        if (currency == null) {
            return null;
        }
        for (String[] path : paths) {
            JsonNode value = Fields.at(item, path);
            if (Fields.present(value)) {
                try {
                    UnitPrice price = Fields.unitPrice(value, currency, "price");
                    return price != null && price.currency().equals(currency) ? price : null;
                } catch (Unmappable e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Where each platform puts a line's product id, name, unit price and link. */
    record Paths(List<String[]> productId, List<String[]> name, List<String[]> price, List<String[]> url) {}
}
