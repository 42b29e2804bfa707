package io.basira.loyalty;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A store's loyalty program (docs/loyalty.md). Earning: {@code earnPoints} points per {@code earnPerMinor}
 * minor units of a completed order's total, times the tier's multiplier, rounded down to a whole point
 * (one formula, {@link #orderPoints}); orders created before {@code startsAt} earn nothing. Bonus points for a
 * review, a birthday and a signup. Points of an order stay pending {@code pendingDays} days. Tiers by
 * {@link TierBasis}, ascending thresholds. Expiry ({@code expiryMonths}, 0: never) by {@link ExpiryKind}:
 * by inactivity the whole available balance expires {@code expiryMonths} months after the last completed order;
 * per lot each lot expires {@code expiryMonths} months after it became available ({@link Lots}); announced
 * {@code expiryWarningDays} before. Redemption: {@code redeemPoints} points are worth {@code redeemMinor} minor units as a coupon;
 * free shipping costs {@code freeShippingPoints}, the product {@code freeProductId} costs
 * {@code freeProductPoints} (0: not offered).
 */
public record LoyaltyProgram(
        boolean enabled,
        Instant startsAt,
        long earnPoints,
        long earnPerMinor,
        int pendingDays,
        long reviewPoints,
        long birthdayPoints,
        long signupPoints,
        TierBasis tierBasis,
        List<Tier> tiers,
        int expiryMonths,
        int expiryWarningDays,
        long redeemPoints,
        long redeemMinor,
        long freeShippingPoints,
        long freeProductPoints,
        String freeProductId,
        ExpiryKind expiryKind) {

    /**
     * Totals below this keep {@code total × earnPoints × multiplier} within a long (below 10^18): earnPoints is
     * at most 1,000,000 and a tier's multiplier at most 10,000 permille.
     */
    private static final long SMALL_TOTAL = 100_000_000L;

    /** The multiplier of a customer without a tier: ×1. */
    public static final int NO_MULTIPLIER = 1000;

    public LoyaltyProgram {
        Objects.requireNonNull(startsAt, "starts_at");
        Objects.requireNonNull(tierBasis, "tier_basis");
        Objects.requireNonNull(expiryKind, "expiry_kind");
        require(earnPoints >= 0 && earnPoints <= 1_000_000, "earn_points", earnPoints, "0 to 1000000");
        require(earnPerMinor >= 1 && earnPerMinor <= 1_000_000_000L, "earn_per", earnPerMinor, "1 to 10000000.00");
        require(pendingDays >= 0 && pendingDays <= 365, "pending_days", pendingDays, "0 to 365");
        require(reviewPoints >= 0 && reviewPoints <= 1_000_000, "review_points", reviewPoints, "0 to 1000000");
        require(birthdayPoints >= 0 && birthdayPoints <= 1_000_000, "birthday_points", birthdayPoints, "0 to 1000000");
        require(signupPoints >= 0 && signupPoints <= 1_000_000, "signup_points", signupPoints, "0 to 1000000");
        require(expiryMonths >= 0 && expiryMonths <= 120, "expiry_months", expiryMonths, "0 (never) to 120");
        require(expiryWarningDays >= 0 && expiryWarningDays <= 90, "expiry_warning_days", expiryWarningDays, "0 to 90");
        require(redeemPoints >= 1 && redeemPoints <= 1_000_000, "redeem_points", redeemPoints, "1 to 1000000");
        require(redeemMinor >= 0 && redeemMinor <= 1_000_000_000L, "redeem_value", redeemMinor, "0 to 10000000.00");
        require(
                freeShippingPoints >= 0 && freeShippingPoints <= 100_000_000L,
                "free_shipping_points",
                freeShippingPoints,
                "0 (not offered) to 100000000");
        require(
                freeProductPoints >= 0 && freeProductPoints <= 100_000_000L,
                "free_product_points",
                freeProductPoints,
                "0 (not offered) to 100000000");
        if (freeProductPoints > 0 && (freeProductId == null || freeProductId.isBlank())) {
            throw new InvalidProgramException(
                    "free_product_id",
                    "free_product_needs_id",
                    "free_product_points needs free_product_id: which product is given");
        }
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::threshold)).toList();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (!names.add(tier.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidProgramException(
                        "tiers", "tier_twice", "tier name '" + tier.name() + "' is given twice", tier.name());
            }
            if (i > 0 && tiers.get(i - 1).threshold() == tier.threshold()) {
                throw new InvalidProgramException(
                        "tiers",
                        "tier_same_threshold",
                        "tiers " + tiers.get(i - 1).name() + " and " + tier.name() + " have the same threshold "
                                + tier.threshold(),
                        tiers.get(i - 1).name(),
                        tier.name());
            }
        }
        if (tiers.size() > 20) {
            throw new InvalidProgramException(
                    "tiers", "too_many_tiers", "at most 20 tiers, not " + tiers.size(), tiers.size());
        }
    }

    /** A program whose points expire by inactivity (the kind every program had before lots were offered). */
    public LoyaltyProgram(
            boolean enabled,
            Instant startsAt,
            long earnPoints,
            long earnPerMinor,
            int pendingDays,
            long reviewPoints,
            long birthdayPoints,
            long signupPoints,
            TierBasis tierBasis,
            List<Tier> tiers,
            int expiryMonths,
            int expiryWarningDays,
            long redeemPoints,
            long redeemMinor,
            long freeShippingPoints,
            long freeProductPoints,
            String freeProductId) {
        this(
                enabled,
                startsAt,
                earnPoints,
                earnPerMinor,
                pendingDays,
                reviewPoints,
                birthdayPoints,
                signupPoints,
                tierBasis,
                tiers,
                expiryMonths,
                expiryWarningDays,
                redeemPoints,
                redeemMinor,
                freeShippingPoints,
                freeProductPoints,
                freeProductId,
                ExpiryKind.INACTIVITY);
    }

    /** This program with its points expiring by {@code kind}. */
    public LoyaltyProgram withExpiryKind(ExpiryKind kind) {
        return new LoyaltyProgram(
                enabled,
                startsAt,
                earnPoints,
                earnPerMinor,
                pendingDays,
                reviewPoints,
                birthdayPoints,
                signupPoints,
                tierBasis,
                tiers,
                expiryMonths,
                expiryWarningDays,
                redeemPoints,
                redeemMinor,
                freeShippingPoints,
                freeProductPoints,
                freeProductId,
                kind);
    }

    /** Whether points expire per lot (and not by inactivity); false when they never expire. */
    public boolean expiresPerLot() {
        return expiryMonths > 0 && expiryKind == ExpiryKind.LOT;
    }

    /** Whether the whole balance expires after months without a purchase; false when points never expire. */
    public boolean expiresByInactivity() {
        return expiryMonths > 0 && expiryKind == ExpiryKind.INACTIVITY;
    }

    /** The program of a store that has not set one up: disabled, 1 point per currency unit when enabled. */
    public static LoyaltyProgram disabled(int currencyDigits) {
        long unit = BigInteger.TEN.pow(currencyDigits).longValueExact();
        return new LoyaltyProgram(
                false,
                Instant.EPOCH,
                1,
                unit,
                14,
                0,
                0,
                0,
                TierBasis.SPEND_12M,
                List.of(),
                0,
                0,
                100,
                unit,
                0,
                0,
                null);
    }

    /**
     * The points an order of {@code totalMinor} earns at a multiplier of {@code multiplierPermille}:
     * {@code floor(total × earnPoints × multiplier / (earnPerMinor × 1000))}, exact for every total.
     */
    public long orderPoints(long totalMinor, int multiplierPermille) {
        if (totalMinor <= 0 || earnPoints == 0) {
            return 0;
        }
        // the product fits a long: the same floor without BigInteger (a hot path of the rebuild)
        if (totalMinor < SMALL_TOTAL && multiplierPermille >= 0 && multiplierPermille <= 10_000) {
            return totalMinor * earnPoints * multiplierPermille / (earnPerMinor * 1000);
        }
        return BigInteger.valueOf(totalMinor)
                .multiply(BigInteger.valueOf(earnPoints))
                .multiply(BigInteger.valueOf(multiplierPermille))
                .divide(BigInteger.valueOf(earnPerMinor).multiply(BigInteger.valueOf(1000)))
                .longValueExact();
    }

    /** The highest tier whose threshold the basis reaches; null when none (or no tiers). */
    public Tier tierFor(long basis) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (tier.threshold() <= basis) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The tier of this name (case-insensitive), or null. */
    public Tier tierNamed(String name) {
        if (name == null) {
            return null;
        }
        return tiers.stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }

    public int multiplierOf(String tierName) {
        Tier tier = tierNamed(tierName);
        return tier == null ? NO_MULTIPLIER : tier.multiplierPermille();
    }

    /** What {@code points} are worth as a coupon, in minor units, rounded down. */
    public long valueMinor(long points) {
        return BigInteger.valueOf(points)
                .multiply(BigInteger.valueOf(redeemMinor))
                .divide(BigInteger.valueOf(redeemPoints))
                .longValueExact();
    }

    private static void require(boolean ok, String name, long value, String range) {
        if (!ok) {
            throw new InvalidProgramException(name, "range", name + " " + value + " is outside " + range, value, range);
        }
    }
}
