package io.basira.groups;

import io.basira.card.CustomerCard;
import java.time.Instant;
import java.util.Random;

/** Customer cards for the engine's tests. */
final class Cards {

    static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    private Cards() {}

    /** A card with {@code orders} orders worth {@code spentMinor} in all, the last {@code daysAgo} days before {@link #NOW}. */
    static CustomerCard card(int orders, long spentMinor, int cancelled, int daysAgo) {
        Instant last = orders == 0 ? null : NOW.minusSeconds(86_400L * daysAgo);
        return new CustomerCard(orders, spentMinor, cancelled, 0, last, last, 0, null, 0, 0, 0);
    }

    static CustomerCard random(Random random) {
        int orders = random.nextInt(5);
        return card(orders, orders == 0 ? 0 : random.nextInt(200_000), random.nextInt(3), random.nextInt(60));
    }
}
