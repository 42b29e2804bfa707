package io.basira.server.checkout.simulation.api;

import io.basira.segment.RuleLimits;
import io.basira.server.checkout.api.CouponRequest;
import io.basira.server.checkout.api.PolicyRequest;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * What to simulate ({@code POST /api/v1/checkout/simulate}): exactly one of a checkout {@code policy} (the body
 * {@code POST /api/v1/checkout/policies} takes; its name may be left out), a {@code coupon} (the body of
 * {@code POST /api/v1/checkout/coupons}; its code may be left out) or an {@code offer}: groups or a rule and a
 * discount, which is all a campaign's offer needs. Nothing is saved.
 */
@UnprocessableWhenInvalid
@Schema(name = "SimulationRequest", description = "One of policy, coupon or offer: what would it reach and cost?")
public record SimulationRequest(
        @Schema(description = "a checkout policy as it would be saved (name optional)")
        PolicyRequest policy,

        @Schema(description = "a coupon as it would be saved (code optional)")
        CouponRequest coupon,

        @Schema(description = "groups or a rule, and a discount (a campaign's offer)") @Valid
        OfferRequest offer) {

    /** Groups or a rule, and what the offer gives, with the conditions of a coupon. */
    @Schema(name = "OfferRequest", description = "who (groups, or a rule) and what (a discount and its conditions)")
    public record OfferRequest(
            @Schema(description = "eligible groups, as for policies; absent with no rule: everyone") @Valid
            PolicyRequest.EligibleGroupsRequest groups,

            @Schema(
                    description = "a rule in text form (docs/rules.md) instead of groups",
                    example = "total_spent < 200 AND order_count < 3")
            @Text(max = RuleLimits.MAX_RULE_LENGTH, multiline = true)
            String rule,

            @Schema(
                    description = "the rule as the builder's condition tree instead of text",
                    type = "object",
                    implementation = Object.class)
            Object ruleJson,

            @Schema(
                    description = "what it gives",
                    example = "percent_off",
                    allowableValues = {"percent_off", "amount_off", "free_shipping", "none"})
            String discount,

            @Schema(description = "percent_off: the percentage (0 < percent <= 100)", type = "string", example = "30")
            BigDecimal percent,

            @Schema(description = "amount_off: the amount taken off an order", type = "string", example = "50.00")
            BigDecimal amount,

            @Schema(description = "the smallest basket it applies to", type = "string", example = "200.00")
            BigDecimal minimumTotal,

            @Schema(description = "the largest discount of one order", type = "string", example = "100.00")
            BigDecimal maximumDiscount,

            @Schema(description = "uses in all; absent: unlimited", type = "integer", example = "100")
            BigDecimal usageLimit,

            @Schema(description = "uses per customer; absent: unlimited", type = "integer", example = "1")
            BigDecimal perCustomerLimit,

            @Schema(description = "from when (ISO-8601 with offset)", format = "date-time")
            String validFrom,

            @Schema(description = "until when (ISO-8601 with offset), exclusive", format = "date-time")
            String validUntil) {}
}
