package io.basira.ingest;

import java.util.Objects;

/**
 * The two ports the cards are kept with: the records a card is folded from, and the stored cards.
 */
public record CardUpkeep(CustomerActivity activity, Cards cards) {

    public CardUpkeep {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(cards, "cards");
    }
}
