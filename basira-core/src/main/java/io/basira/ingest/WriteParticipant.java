package io.basira.ingest;

/**
 * Port: a part of the domain that follows the orders a write stores, in the write's transaction —
 * coupon redemption today (io.basira.checkout.CouponRedemption), loyalty next.
 *
 * <p>The contract, the same for every way in (single call, bulk NDJSON, CSV import):
 * <ul>
 *   <li>{@link #ordersWritten} is called once per batch that stores at least one order (an import
 *       calls it once per chunk), after the batch's records are written and before the cards of its
 *       customers are folded again, inside the transaction that writes them: what the participant
 *       writes commits or rolls back with the orders.
 *   <li>Each stored order of the batch appears once: {@code before} is the version stored when the
 *       batch began (read under the batch's locks, so no other write of that order runs in
 *       between; for an import, the version stored by an earlier chunk of the same import when
 *       there is one), {@code after} the version stored now.
 *   <li>The same order sent again unchanged still appears (with {@code before} equal to
 *       {@code after}); a participant must be idempotent: the same write twice changes nothing
 *       the second time.
 *   <li>Participants are called in the order they are wired. A participant that fails fails the
 *       whole write.
 * </ul>
 * A participant that writes rows several writes can share (counters, balances) touches them in
 * one fixed order (e.g. sorted by key), so two concurrent writes never wait on each other in a
 * cycle.
 */
public interface WriteParticipant {

    void ordersWritten(OrdersWritten written);
}
