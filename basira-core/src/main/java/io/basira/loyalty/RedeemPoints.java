package io.basira.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.loyalty.LoyaltyRefusal.Reason;
import io.basira.loyalty.Redemption.Reward;
import io.basira.loyalty.Redemption.State;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Spending points on a reward, in the caller's transaction: {@link #reserve} takes the points (refused when
 * fewer are available: the customer's account is locked first, so concurrent redemptions never overdraw) and
 * issues the reward's single-use coupon; {@link #commit} marks it used; {@link #release} gives the points back
 * and withdraws the coupon. Committing or releasing twice is a no-op; the other after one is refused.
 */
@UseCase
public final class RedeemPoints {

    private final LoyaltyPrograms programs;
    private final LoyaltyLedgers ledgers;
    private final Redemptions redemptions;
    private final RewardCoupons coupons;
    private final LedgerBook book;
    private final DomainEvents events;
    private final Clock clock;

    public RedeemPoints(
            LoyaltyPorts ports, Redemptions redemptions, RewardCoupons coupons, DomainEvents events, Clock clock) {
        this.programs = ports.programs();
        this.ledgers = ports.ledgers();
        this.redemptions = redemptions;
        this.coupons = coupons;
        this.book = new LedgerBook(ports.ledgers(), ports.activity());
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reserves points for a reward: a coupon worth {@code points} (at the program's rate), free shipping or the
     * free product (at their set costs; {@code points} is then ignored).
     */
    public Redemption reserve(StoreId store, String customerId, Reward reward, long points) {
        LoyaltyProgram program = programs.of(store)
                .filter(LoyaltyProgram::enabled)
                .orElseThrow(() -> new LoyaltyRefusal(Reason.PROGRAM_DISABLED, "the store's loyalty program is off"));
        long cost = cost(program, reward, points);
        long value = reward == Reward.COUPON ? program.valueMinor(cost) : 0;
        if (reward == Reward.COUPON && value <= 0) {
            throw new LoyaltyRefusal(Reason.REWARD_NOT_OFFERED, cost + " points are worth nothing as a coupon");
        }
        Instant now = clock.instant();
        Map<String, Account> accounts = ledgers.lock(store, Set.of(customerId));
        long available = Balance.of(accounts.get(customerId).entries(), now).available();
        if (available < cost) {
            throw new LoyaltyRefusal(
                    Reason.INSUFFICIENT_POINTS,
                    "the customer has " + available + " points available, fewer than the " + cost
                            + " the reward costs");
        }
        Redemption redemption = new Redemption(
                "rdm-" + UUID.randomUUID(),
                customerId,
                reward,
                cost,
                value,
                null,
                reward == Reward.FREE_PRODUCT ? program.freeProductId() : null,
                State.RESERVED,
                now);
        if (reward != Reward.FREE_PRODUCT) {
            redemption = redemption.withCoupon(coupons.issue(store, redemption));
        }
        redemptions.add(store, redemption);
        LedgerEntry entry =
                LedgerEntry.now(customerId, Cause.REDEMPTION, redemption.id(), -cost, now, null, reward.code());
        book.commit(LedgerBook.Commit.of(store, program, accounts, Map.of(customerId, List.of(entry)), now));
        events.publish(CardsChanged.of(store, Set.of(customerId)));
        return redemption;
    }

    /** Marks a reserved redemption used. */
    public Redemption commit(StoreId store, String id) {
        Redemption redemption = settleable(store, id, State.COMMITTED);
        if (redemption.state() == State.COMMITTED) {
            return redemption;
        }
        Redemption committed = redemption.in(State.COMMITTED);
        redemptions.update(store, committed);
        return committed;
    }

    /** Gives a reserved redemption's points back and withdraws its coupon. */
    public Redemption release(StoreId store, String id) {
        Redemption redemption = settleable(store, id, State.RELEASED);
        if (redemption.state() == State.RELEASED) {
            return redemption;
        }
        LoyaltyProgram program = programs.of(store).orElseThrow();
        Instant now = clock.instant();
        Map<String, Account> accounts = ledgers.lock(store, Set.of(redemption.customerId()));
        LedgerEntry entry = LedgerEntry.now(
                redemption.customerId(),
                Cause.RELEASE,
                redemption.id(),
                redemption.points(),
                now,
                null,
                redemption.reward().code());
        book.commit(
                LedgerBook.Commit.of(store, program, accounts, Map.of(redemption.customerId(), List.of(entry)), now));
        if (redemption.couponCode() != null) {
            coupons.withdraw(store, redemption.couponCode());
        }
        Redemption released = redemption.in(State.RELEASED);
        redemptions.update(store, released);
        events.publish(CardsChanged.of(store, Set.of(redemption.customerId())));
        return released;
    }

    private Redemption settleable(StoreId store, String id, State wanted) {
        Redemption redemption = redemptions
                .lock(store, id)
                .orElseThrow(() -> new LoyaltyRefusal(Reason.NO_SUCH_REDEMPTION, "no redemption " + id));
        if (redemption.state() != State.RESERVED && redemption.state() != wanted) {
            throw new LoyaltyRefusal(
                    Reason.REDEMPTION_SETTLED,
                    "redemption " + id + " is already " + redemption.state().code());
        }
        return redemption;
    }

    static long cost(LoyaltyProgram program, Reward reward, long points) {
        long cost = switch (reward) {
            case COUPON -> points;
            case FREE_SHIPPING -> program.freeShippingPoints();
            case FREE_PRODUCT -> program.freeProductPoints();
        };
        if (cost <= 0) {
            throw new LoyaltyRefusal(
                    Reason.REWARD_NOT_OFFERED,
                    reward == Reward.COUPON
                            ? "a coupon needs a positive number of points"
                            : "the program does not offer " + reward.code());
        }
        return cost;
    }
}
