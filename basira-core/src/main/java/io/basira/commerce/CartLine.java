package io.basira.commerce;

import io.basira.shared.UnitPrice;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A line of a cart: a product, how many, and what the shop told of it — its name, unit price and link — when it
 * told them. A cart that arrives with lines replaces its stored lines; one that arrives without keeps them.
 *
 * @param name the product's name as the cart showed it, or null (a message then uses the product's stored name)
 * @param unitPrice the unit price, or null when the cart did not say
 * @param url an absolute {@code http}/{@code https} link to the product (or to the cart), or null
 */
public record CartLine(
        String cartExternalId, String productExternalId, String name, int quantity, UnitPrice unitPrice, String url) {

    /** The longest link kept. */
    public static final int MAX_URL = 2048;

    public CartLine {
        Ids.requireExternalId(cartExternalId, "cart_id");
        Ids.requireExternalId(productExternalId, "product_id");
        if (name != null) {
            name = name.isBlank() ? null : ColumnLengths.check(name.strip(), "name");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity " + quantity + " is not positive");
        }
        if (url != null) {
            url = url.isBlank() ? null : checkUrl(url.strip());
        }
    }

    private static String checkUrl(String url) {
        if (url.length() > MAX_URL) {
            throw new IllegalArgumentException("url is longer than " + MAX_URL + " characters");
        }
        String problem = linkProblem(url);
        if (problem != null) {
            throw new IllegalArgumentException("url '" + url + "' " + problem);
        }
        return url;
    }

    /**
     * Why {@code url} (stripped, not longer than {@link #MAX_URL}) is not kept as a line's link, or null when it
     * is: {@code is not an absolute http or https link}, {@code is not a link: REASON}.
     */
    public static String linkProblem(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return "is not an absolute http or https link";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a link: " + e.getReason();
        }
    }
}
