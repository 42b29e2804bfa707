package io.basira.server.checkout.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The checkout API's answers as the OpenAPI description names them. The controllers write them from the core's
 * records ({@link CheckoutJson}, {@link DecisionJson}); these records describe those shapes, field for field, and the
 * decision, the one call on a storefront's hot path, is written as its record ({@link Decision}).
 * Amounts are strings in the major unit ({@code "150.00"}).
 */
final class CheckoutAnswers {

    private CheckoutAnswers() {}

    @Schema(name = "Policy", description = "A saved checkout policy (the fields of its kind; others are absent)")
    record PolicyAnswer(
            @Schema(example = "12") String id,
            String name,
            String kind,
            PolicyRequest.EligibleGroupsRequest groups,
            String validFrom,
            String validUntil,
            List<String> methods,
            List<String> carriers,
            @Schema(example = "300.00") String minimumTotal,
            @Schema(example = "10") String percent,
            @Schema(example = "25.00") String amount,
            Integer buy,
            Integer get,
            List<String> products) {}

    @Schema(
            name = "SavedPolicy",
            description = "A policy as saved, with warnings for codes the catalogue does not have")
    record SavedPolicy(
            String id,
            String name,
            String kind,
            PolicyRequest.EligibleGroupsRequest groups,
            String validFrom,
            String validUntil,
            List<String> methods,
            List<String> carriers,
            String minimumTotal,
            String percent,
            String amount,
            Integer buy,
            Integer get,
            List<String> products,

            @Schema(example = "[\"cod is not in the store's catalogue\"]")
            List<String> warnings) {}

    @Schema(name = "Coupon", description = "A coupon's terms; listed and read with the uses counted so far")
    record CouponAnswer(
            @Schema(example = "HV100") String code,
            String benefit,
            String percent,
            String amount,
            String minimumTotal,
            String maximumDiscount,
            String startsAt,
            String endsAt,
            Integer usageLimit,
            Integer perCustomerLimit,
            PolicyRequest.EligibleGroupsRequest groups,

            @Schema(description = "uses counted by written orders (absent on create and change)")
            Integer used,

            @Schema(description = "orders written after the limit was reached (absent on create and change)")
            Integer ordersOverLimit) {}

    @Schema(name = "CatalogueAnswer", description = "The payment methods and carriers as saved")
    record CatalogueAnswer(
            List<CatalogueRequest.PaymentMethod> paymentMethods, List<CatalogueRequest.Carrier> carriers) {}

    @Schema(name = "AuditEntry", description = "One change of the checkout setup: who, when, what before and after")
    record AuditEntry(
            long id,
            @Schema(format = "date-time") String at,
            Long apiKeyId,

            @Schema(description = "the key's prefix or " + "dashboard:<e-mail>")
            String apiKeyPrefix,

            String action,
            String subject,
            String subjectId,

            @Schema(description = "the definition before (absent on create)")
            Object before,

            @Schema(description = "the definition after (absent on delete)")
            Object after) {}

    @Schema(name = "PolicyRef", description = "The policy behind a line of a decision")
    record PolicyRef(String id, String name) {}

    @Schema(name = "MethodsDecided")
    record Methods(@Schema(example = "[\"card\", \"mada\"]") List<String> offered, List<HiddenMethod> hidden) {}

    @Schema(name = "HiddenMethod")
    record HiddenMethod(String method, PolicyRef policy) {}

    @Schema(name = "CarriersDecided")
    record Carriers(List<OfferedCarrier> offered, List<HiddenCarrier> hidden) {}

    @Schema(name = "OfferedCarrier")
    record OfferedCarrier(
            String carrier,

            @Schema(description = "the policy that offers it; null: offered to everyone")
            PolicyRef policy) {}

    @Schema(name = "HiddenCarrier")
    record HiddenCarrier(String carrier, PolicyRef policy) {}

    @Schema(name = "FreeShipping")
    record FreeShipping(
            boolean free,
            List<PolicyRef> policies,

            @Schema(description = "the coupon that gives it")
            String coupon,

            @Schema(description = "the loyalty tier whose perk gives it")
            String loyaltyTier) {}

    @Schema(name = "LoyaltyReward", description = "A reward the customer can redeem now and its cost")
    record LoyaltyReward(
            @Schema(allowableValues = {"coupon", "free_shipping", "free_product"})
            String reward,

            long points,

            @Schema(description = "a coupon's most value on this order", example = "25.00")
            String value,

            String productId) {}

    @Schema(
            name = "DecisionLoyalty",
            description = "The points this order would earn and what can be redeemed; null without a program")
    record DecisionLoyalty(long pointsToEarn, long availablePoints, String tier, List<LoyaltyReward> redeemable) {}

    @Schema(name = "Offer")
    record Offer(
            PolicyRef policy, @Schema(example = "40.00") String amount) {}

    @Schema(name = "CouponVerdict")
    record CouponVerdict(
            String code,
            boolean valid,
            @Schema(example = "usage_limit_reached") String reason,
            String discount,
            boolean freeShipping) {}

    @Schema(name = "Totals", description = "The cart's totals after offers, coupon and shipping")
    record Totals(
            @Schema(example = "SAR") String currency,
            String subtotal,
            String offersDiscount,
            String couponDiscount,
            String discount,
            String shipping,
            String total) {}

    @Schema(
            name = "Decision",
            description = "What the storefront should offer this customer for this cart, with reasons")
    record Decision(
            String customerId,
            boolean anonymous,
            List<String> groups,
            Methods paymentMethods,
            Carriers carriers,
            FreeShipping freeShipping,
            List<Offer> offers,
            CouponVerdict coupon,
            Totals totals,
            DecisionRequest.Address address,
            DecisionLoyalty loyalty) {}
}
