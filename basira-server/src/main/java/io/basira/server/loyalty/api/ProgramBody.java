package io.basira.server.loyalty.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.basira.loyalty.ExpiryKind;
import io.basira.loyalty.InvalidProgramException;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.Tier;
import io.basira.loyalty.TierBasis;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.basira.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;

/**
 * A store's loyalty program as the API takes and gives it ({@code GET/PUT /api/v1/loyalty/program}), the
 * dashboard's form sends it and {@code loyalty_programs.definition} stores it. Amounts are decimals in the
 * store's currency; multipliers decimals ({@code 1.5}); a tier's threshold is an amount for {@code spend_12m}
 * and whole points for {@code points_12m}. What the constraints cannot say (tiers with one threshold, a free
 * product without its id) is refused by the core's {@link LoyaltyProgram} with a sentence naming the field.
 */
@UnprocessableWhenInvalid
@Schema(name = "LoyaltyProgram", description = "A store's loyalty program (docs/loyalty.md)")
public record ProgramBody(
        @Schema(description = "whether points are earned and redeemed") @NotNull
        Boolean enabled,

        @Schema(
                description = "orders created from then on earn points (ISO-8601 with offset)",
                format = "date-time",
                example = "2024-01-01T00:00:00+03:00")
        @NotNull
        @Text(max = 40)
        String startsAt,

        @Schema(description = "points earned per earn_per of a completed order's total", example = "1") @NotNull
        Long earnPoints,

        @Schema(description = "the amount that earns earn_points", type = "string", example = "1.00")
        @NotNull
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal earnPer,

        @Schema(description = "days an order's points stay pending (a return is still possible)", example = "14")
        @NotNull
        Integer pendingDays,

        @Schema(description = "bonus points for a review", example = "20")
        Long reviewPoints,

        @Schema(description = "bonus points on the customer's birthday", example = "50")
        Long birthdayPoints,

        @Schema(description = "bonus points for signing up", example = "10")
        Long signupPoints,

        @Schema(
                description = "what qualifies a tier",
                allowableValues = {"spend_12m", "points_12m"})
        @NotNull
        @Text(max = 20)
        String tierBasis,

        @Schema(description = "the tiers, any order") @Valid @Size(max = 20)
        List<TierBody> tiers,

        @Schema(description = "months after which points expire (expiry_kind says how); 0 never", example = "12")
        Integer expiryMonths,

        @Schema(description = "days before expiry the points_expiring event is sent", example = "7")
        Integer expiryWarningDays,

        @Schema(description = "points a coupon reward costs per redeem_value", example = "100") @NotNull
        Long redeemPoints,

        @Schema(description = "what redeem_points are worth as a coupon", type = "string", example = "10.00")
        @NotNull
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        BigDecimal redeemValue,

        @Schema(description = "points free shipping costs; 0 or absent: not offered", example = "300")
        Long freeShippingPoints,

        @Schema(description = "points the free product costs; 0 or absent: not offered", example = "0")
        Long freeProductPoints,

        @Schema(description = "the product given for free_product_points") @Text(max = 128)
        String freeProductId,

        @Schema(
                description = "how points expire after expiry_months: the whole balance after months without a"
                        + " completed order (inactivity, the default), or each lot months after it became available, the oldest"
                        + " spent first (lot)",
                allowableValues = {"inactivity", "lot"})
        @Text(max = 20)
        String expiryKind) {

    /** A tier and its perks. */
    @Schema(name = "LoyaltyTier", description = "A tier: name, threshold and perks")
    public record TierBody(
            @Schema(description = "the name loyalty_tier holds", example = "gold") @NotNull @Text(max = 40)
            String name,

            @Schema(description = "spend (an amount) or points over 12 months", type = "string", example = "5000.00")
            @NotNull
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal threshold,

            @Schema(description = "points multiplier", type = "string", example = "1.5")
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal multiplier,

            @Schema(description = "free shipping at checkout")
            Boolean freeShipping,

            @Schema(description = "early access (the tier is a group: loyalty_tier = 'gold')")
            Boolean earlyAccess) {}

    /** This body with the expiry settings given (null: kept as they are). */
    public ProgramBody withExpiry(String kind, Integer months, Integer warningDays) {
        return new ProgramBody(
                enabled,
                startsAt,
                earnPoints,
                earnPer,
                pendingDays,
                reviewPoints,
                birthdayPoints,
                signupPoints,
                tierBasis,
                tiers,
                months != null ? months : expiryMonths,
                warningDays != null ? warningDays : expiryWarningDays,
                redeemPoints,
                redeemValue,
                freeShippingPoints,
                freeProductPoints,
                freeProductId,
                kind != null ? kind : expiryKind);
    }

    /** The core's program; refused with a sentence naming the field when a value is out of range. */
    public LoyaltyProgram program(Currency currency) {
        TierBasis basis = TierBasis.fromCode(tierBasis);
        List<Tier> read = tiers == null
                ? List.of()
                : tiers.stream()
                        .map(t -> new Tier(
                                t.name().strip(),
                                basis == TierBasis.SPEND_12M
                                        ? Money.toMinor(t.threshold(), currency)
                                        : whole(t.threshold(), "threshold"),
                                permille(t.multiplier()),
                                Boolean.TRUE.equals(t.freeShipping()),
                                Boolean.TRUE.equals(t.earlyAccess())))
                        .toList();
        return new LoyaltyProgram(
                enabled,
                instant(startsAt),
                earnPoints,
                Money.toMinor(earnPer, currency),
                pendingDays,
                orZero(reviewPoints),
                orZero(birthdayPoints),
                orZero(signupPoints),
                basis,
                read,
                expiryMonths == null ? 0 : expiryMonths,
                expiryWarningDays == null ? 0 : expiryWarningDays,
                redeemPoints,
                Money.toMinor(redeemValue, currency),
                orZero(freeShippingPoints),
                orZero(freeProductPoints),
                freeProductId == null || freeProductId.isBlank() ? null : freeProductId.strip(),
                ExpiryKind.fromCode(expiryKind));
    }

    public static ProgramBody of(LoyaltyProgram p, Currency currency) {
        int digits = Money.fractionDigits(currency);
        List<TierBody> tiers = p.tiers().stream()
                .map(t -> new TierBody(
                        t.name(),
                        p.tierBasis() == TierBasis.SPEND_12M
                                ? BigDecimal.valueOf(t.threshold(), digits)
                                : BigDecimal.valueOf(t.threshold()),
                        BigDecimal.valueOf(t.multiplierPermille(), 3).stripTrailingZeros(),
                        t.freeShipping(),
                        t.earlyAccess()))
                .toList();
        return new ProgramBody(
                p.enabled(),
                p.startsAt().toString(),
                p.earnPoints(),
                BigDecimal.valueOf(p.earnPerMinor(), digits),
                p.pendingDays(),
                p.reviewPoints(),
                p.birthdayPoints(),
                p.signupPoints(),
                p.tierBasis().code(),
                tiers,
                p.expiryMonths(),
                p.expiryWarningDays(),
                p.redeemPoints(),
                BigDecimal.valueOf(p.redeemMinor(), digits),
                p.freeShippingPoints(),
                p.freeProductPoints(),
                p.freeProductId(),
                p.expiryKind().code());
    }

    private static int permille(BigDecimal multiplier) {
        if (multiplier == null) {
            return LoyaltyProgram.NO_MULTIPLIER;
        }
        BigDecimal scaled = multiplier.movePointRight(3);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new InvalidProgramException(
                    "multiplier",
                    "multiplier_decimals",
                    "multiplier " + multiplier.toPlainString() + ": at most 3 decimals",
                    multiplier.toPlainString());
        }
        return scaled.setScale(0, RoundingMode.UNNECESSARY).intValueExact();
    }

    private static long whole(BigDecimal value, String name) {
        if (value.stripTrailingZeros().scale() > 0) {
            throw new InvalidProgramException(
                    name, "whole_points", name + " " + value.toPlainString() + ": whole points", value.toPlainString());
        }
        return value.longValueExact();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidProgramException(
                    "starts_at",
                    "starts_at",
                    "starts_at '" + text + "': expected ISO-8601" + " with an offset, like 2024-01-01T00:00:00+03:00",
                    text);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
