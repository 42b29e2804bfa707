package io.basira.server.importing;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.ingest.WriteLocks;
import io.basira.server.cards.jdbc.BulkCards;
import io.basira.shared.Store;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: fold every card of a store again from its stored records ({@code basira rebuild cards},
 * docs/operations.md) — after an indicator's definition changed, or to repair cards written wrong.
 *
 * <p>One transaction holding the store exclusively (no write lands between the read and the write
 * of a card); the cards are streamed and written in batches ({@link BulkCards}), and
 * {@link CardsChanged#wholeStore} is published with them, so the groups reload the store.
 */
@UseCase
public final class RebuildCards {

    private final BulkCards cards;
    private final WriteLocks locks;
    private final TransactionTemplate transaction;
    private final DomainEvents events;

    public RebuildCards(BulkCards cards, WriteLocks locks, TransactionTemplate transaction, DomainEvents events) {
        this.cards = cards;
        this.locks = locks;
        this.transaction = transaction;
        this.events = events;
    }

    /** @return the number of cards written: every customer of the store */
    public long run(Store store) {
        Long rebuilt = transaction.execute(status -> {
            locks.lockStore(store.id());
            long written = cards.rebuildAll(store);
            events.publish(CardsChanged.wholeStore(store.id()));
            return written;
        });
        return rebuilt == null ? 0 : rebuilt;
    }
}
