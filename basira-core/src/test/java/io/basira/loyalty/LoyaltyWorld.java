package io.basira.loyalty;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.events.DomainEvent;
import io.basira.events.DomainEvents;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A store with a loyalty program, its ports in memory, a clock that moves, and helpers to write orders. */
final class LoyaltyWorld {

    static final StoreId STORE = new StoreId(1);
    static final Currency SAR = Currency.getInstance("SAR");
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    final InMemoryLoyalty memory = new InMemoryLoyalty();
    final List<DomainEvent> published = new ArrayList<>();
    final DomainEvents events = published::add;
    Instant now = Instant.parse("2026-01-10T09:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final EarnPoints earn = new EarnPoints(memory.ports(), events, clock);
    final AdjustPoints adjust = new AdjustPoints(memory.ports(), events, clock);
    final RedeemPoints redeem = new RedeemPoints(memory.ports(), memory, memory, events, clock);
    final LoyaltyMidnight midnight = new LoyaltyMidnight(memory.ports(), events, clock);

    LoyaltyWorld(LoyaltyProgram program) {
        memory.save(STORE, program);
    }

    /** 1 point per SAR, pending 14 days, bronze/silver/gold by 12-month spend, coupons 100 points = 10 SAR. */
    static LoyaltyProgram standard() {
        return new LoyaltyProgram(
                true,
                Instant.parse("2025-01-01T00:00:00Z"),
                1,
                100,
                14,
                50,
                100,
                20,
                TierBasis.SPEND_12M,
                List.of(
                        new Tier("bronze", 0, 1000, false, false),
                        new Tier("silver", 100_000, 1250, false, false),
                        new Tier("gold", 500_000, 1500, true, true)),
                12,
                7,
                100,
                1000,
                300,
                0,
                null);
    }

    /** The standard program with points expiring per lot, {@code months} after they became available. */
    static LoyaltyProgram perLot(int months) {
        LoyaltyProgram p = standard();
        return new LoyaltyProgram(
                p.enabled(),
                p.startsAt(),
                p.earnPoints(),
                p.earnPerMinor(),
                p.pendingDays(),
                p.reviewPoints(),
                p.birthdayPoints(),
                p.signupPoints(),
                p.tierBasis(),
                p.tiers(),
                months,
                p.expiryWarningDays(),
                p.redeemPoints(),
                p.redeemMinor(),
                p.freeShippingPoints(),
                p.freeProductPoints(),
                p.freeProductId(),
                ExpiryKind.LOT);
    }

    /**
     * Tiers by points earned in 12 months (bronze from 0, silver from 1,000, gold from 5,000), no pending days, the
     * balance expiring one month after the last purchase.
     */
    static LoyaltyProgram byPointsAtOnce() {
        LoyaltyProgram p = standard();
        return new LoyaltyProgram(
                p.enabled(),
                p.startsAt(),
                p.earnPoints(),
                p.earnPerMinor(),
                0,
                p.reviewPoints(),
                p.birthdayPoints(),
                p.signupPoints(),
                TierBasis.POINTS_12M,
                List.of(
                        new Tier("bronze", 0, 1000, false, false),
                        new Tier("silver", 1_000, 1250, false, false),
                        new Tier("gold", 5_000, 1500, true, true)),
                1,
                p.expiryWarningDays(),
                p.redeemPoints(),
                p.redeemMinor(),
                p.freeShippingPoints(),
                p.freeProductPoints(),
                p.freeProductId(),
                ExpiryKind.INACTIVITY);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Writes {@code order} as the write path does: before is what was stored. */
    void write(Order order) {
        Order before = memory.orders.get(order.externalId());
        memory.orders.put(order.externalId(), order);
        earn.ordersWritten(new OrdersWritten(STORE, List.of(new OrderChange(before, order))));
    }

    static Order order(String id, String customer, OrderStatus status, long totalMinor, Instant createdAt) {
        return new Order(id, customer, createdAt, status, Money.ofMinor(totalMinor, SAR), null, null, null, null);
    }

    Order order(String id, String customer, OrderStatus status, long totalMinor) {
        return order(id, customer, status, totalMinor, now);
    }

    Balance balance(String customer) {
        return Balance.of(memory.ledgers.getOrDefault(customer, List.of()), now);
    }
}
