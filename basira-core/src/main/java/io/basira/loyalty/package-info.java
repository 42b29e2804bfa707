/**
 * Loyalty (docs/loyalty.md): a store's {@link io.basira.loyalty.LoyaltyProgram} (earning rate and rounding,
 * bonuses, pending period, tiers with perks, inactivity expiry, reward costs) and each customer's append-only
 * points ledger of {@link io.basira.loyalty.LedgerEntry}s, every one with its {@link io.basira.loyalty.Cause}.
 *
 * <p>Contract: a balance is the sum of its ledger ({@link io.basira.loyalty.Balance}) and never goes negative,
 * neither in total nor in what is available now. Orders are settled state-based on the write path
 * ({@link io.basira.loyalty.EarnPoints}, a write participant; {@link io.basira.loyalty.OrderSettlement}): what an
 * order holds is brought to what it should hold now, so repeats never earn twice and cancellations, returns
 * and partial refunds reverse. Every change of a customer's points locks the customer's account first
 * ({@link io.basira.loyalty.LoyaltyLedgers#lock}, customer order), so redemptions never overdraw under
 * concurrency. {@link io.basira.loyalty.LedgerReplay} replays a ledger from scratch; it equals the live one.
 * Plain Java: storage through the ports {@link io.basira.loyalty.LoyaltyPrograms},
 * {@link io.basira.loyalty.LoyaltyLedgers}, {@link io.basira.loyalty.PurchaseActivity},
 * {@link io.basira.loyalty.Redemptions} and {@link io.basira.loyalty.RewardCoupons}; time from the injected clock.
 */
package io.basira.loyalty;
