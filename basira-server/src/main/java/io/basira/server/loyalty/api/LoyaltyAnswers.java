package io.basira.server.loyalty.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.basira.card.LoyaltyStanding;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.Redemption;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** The loyalty API's answers (snake_case JSON). */
public final class LoyaltyAnswers {

    private LoyaltyAnswers() {}

    @Schema(name = "LoyaltyEntry", description = "A ledger entry with its cause")
    public record EntryAnswer(
            String cause,
            String ref,
            long points,
            long shortfall,
            String availableAt,
            String recordedAt,
            String actor,
            String reason) {
        public static EntryAnswer of(LedgerEntry e) {
            return new EntryAnswer(
                    e.cause().code(),
                    e.ref(),
                    e.points(),
                    e.shortfall(),
                    e.availableAt().toString(),
                    e.recordedAt().toString(),
                    e.actor(),
                    e.reason());
        }
    }

    @Schema(
            name = "LoyaltyRedemption",
            description =
                    "Points spent on a reward: reserved, committed or released;"
                            + " order_id and order_created_at name the order that used its coupon (null when no order committed it)")
    public record RedemptionAnswer(
            String id,
            String customerId,
            String reward,
            long points,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
            String couponCode,
            String productId,
            String state,
            String createdAt,

            @Schema(
                    description = "the order that used the reward's coupon and committed it; null when none did",
                    nullable = true)
            String orderId,

            @Schema(description = "when that order was placed (ISO-8601, UTC); null without an order", nullable = true)
            String orderCreatedAt) {
        public static RedemptionAnswer of(Redemption r, int digits) {
            return new RedemptionAnswer(
                    r.id(),
                    r.customerId(),
                    r.reward().code(),
                    r.points(),
                    BigDecimal.valueOf(r.valueMinor(), digits),
                    r.couponCode(),
                    r.productId(),
                    r.state().code(),
                    r.createdAt().toString(),
                    r.orderId(),
                    r.orderCreatedAt() == null ? null : r.orderCreatedAt().toString());
        }
    }

    @Schema(name = "LoyaltyCustomer", description = "A customer's standing, ledger (oldest first) and redemptions")
    public record CustomerAnswer(
            String customerId,
            long points,
            long pending,
            long lifetimePoints,
            String tier,
            long pointsExpiring30d,
            List<EntryAnswer> ledger,
            List<RedemptionAnswer> redemptions) {
        public static CustomerAnswer of(
                String customer,
                LoyaltyStanding s,
                List<LedgerEntry> ledger,
                List<Redemption> redemptions,
                int digits) {
            return new CustomerAnswer(
                    customer,
                    s.points(),
                    s.pending(),
                    s.lifetime(),
                    s.tier(),
                    s.expiring30d(),
                    ledger.stream().map(EntryAnswer::of).toList(),
                    redemptions.stream()
                            .map(r -> RedemptionAnswer.of(r, digits))
                            .toList());
        }

        /**
         * The redemption with this id (a {@code redemption} or {@code release} entry's ref), or null: the card page
         * shows beside a redemption entry the order that used it. Takes an argument, so it is not a JSON property.
         */
        public RedemptionAnswer redemption(String redemptionId) {
            return redemptions.stream()
                    .filter(r -> r.id().equals(redemptionId))
                    .findFirst()
                    .orElse(null);
        }
    }

    @Schema(
            name = "LoyaltyTierCount",
            description = "Customers of a tier (tier null: below every tier) and their points")
    public record TierCount(String tier, long customers, long points, long pending) {}

    @Schema(name = "LoyaltySummary", description = "Tier distribution and the outstanding points liability")
    public record SummaryAnswer(
            List<TierCount> tiers,
            long outstandingPoints,
            long pendingPoints,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal liability,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pendingLiability,
            String currency) {}

    @Schema(name = "LoyaltyRebuild", description = "The ledgers replayed from scratch, compared with the live ones")
    public record RebuildAnswer(
            long customers, long sources, boolean equal, List<String> differences, long repairedEntries) {}
}
