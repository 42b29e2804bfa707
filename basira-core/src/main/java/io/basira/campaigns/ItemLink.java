package io.basira.campaigns;

import io.basira.shared.Money;
import java.util.Objects;

/** A product in a message (an abandoned cart's line): its name, the link to it, how many and the line's price. */
public record ItemLink(String productId, String name, String url, long quantity, Money price) {

    public ItemLink {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
    }
}
