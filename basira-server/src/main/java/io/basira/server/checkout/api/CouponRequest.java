package io.basira.server.checkout.api;

import io.basira.checkout.Coupon;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.math.BigDecimal;

/**
 * A coupon's terms as the API takes them ({@code POST /api/v1/checkout/coupons}, {@code PUT .../{code}}) and
 * the dashboard's coupon form sends them. The {@code benefit} says which of {@code percent} and {@code amount}
 * counts. On a change the code comes from the path ({@code code} here may repeat it, never change it).
 */
@UnprocessableWhenInvalid
@Schema(name = "CouponRequest", description = "A coupon: its code, benefit, limits, validity and eligible groups")
public record CouponRequest(
        @Schema(
                description = "the code customers type; compared without case; required on create",
                example = "HV100",
                maxLength = Coupon.MAX_CODE_LENGTH)
        @Text(max = Coupon.MAX_CODE_LENGTH)
        String code,

        @Schema(
                description = "what the coupon gives",
                example = "percent_off",
                allowableValues = {"percent_off", "amount_off", "free_shipping"})
        String benefit,

        @Schema(description = "percent_off: the percentage (0 < percent <= 100)", type = "string", example = "10")
        BigDecimal percent,

        @Schema(description = "amount_off: the amount taken off", type = "string", example = "50.00")
        BigDecimal amount,

        @Schema(description = "the smallest cart subtotal it applies to", type = "string", example = "200.00")
        BigDecimal minimumTotal,

        @Schema(description = "the largest discount it gives", type = "string", example = "100.00")
        BigDecimal maximumDiscount,

        @Schema(description = "from when (ISO-8601 with offset); absent: open", format = "date-time")
        String startsAt,

        @Schema(description = "until when (ISO-8601 with offset), exclusive; absent: open", format = "date-time")
        String endsAt,

        @Schema(
                description = "uses in all, counted when orders are written; absent: unlimited",
                type = "integer",
                example = "100")
        BigDecimal usageLimit,

        @Schema(description = "uses per customer; absent: unlimited", type = "integer", example = "1")
        BigDecimal perCustomerLimit,

        @Schema(description = "who may use it; absent: everyone") @Valid
        PolicyRequest.EligibleGroupsRequest groups) {

    /** These terms with {@code code} (a change names its coupon in the path). */
    public CouponRequest withCode(String code) {
        return new CouponRequest(
                code,
                benefit,
                percent,
                amount,
                minimumTotal,
                maximumDiscount,
                startsAt,
                endsAt,
                usageLimit,
                perCustomerLimit,
                groups);
    }
}
