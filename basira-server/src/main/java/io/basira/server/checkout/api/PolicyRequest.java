package io.basira.server.checkout.api;

import io.basira.checkout.Policy;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A checkout policy as the API takes it ({@code POST /api/v1/checkout/policies}, {@code PUT .../{id}}) and the
 * dashboard's policy form sends it: the terms of one {@code kind}; fields of other kinds are ignored. Amounts
 * are in the store currency's major unit, a JSON string or number ({@code "150.00"}), exact. What the
 * constraints here do not say (the fields each kind needs, amounts in the currency, dates in range) the reader
 * ({@link CheckoutJson#policy}) and the core's records refuse, with the same 422 problem.
 */
@UnprocessableWhenInvalid
@Schema(
        name = "PolicyRequest",
        description = "A checkout policy: its eligible groups, validity and the terms of its kind")
public record PolicyRequest(
        @Schema(
                description = "the merchant's name for the policy",
                example = "VIP ships free",
                maxLength = Policy.MAX_NAME_LENGTH)
        @NotBlank(message = "{basira.required}")
        @Text(max = Policy.MAX_NAME_LENGTH)
        String name,

        @Schema(
                description = "what the policy does",
                example = "free_shipping",
                allowableValues = {
                    "free_shipping",
                    "percent_off",
                    "amount_off",
                    "buy_x_get_y",
                    "hide_payment_methods",
                    "offer_carriers",
                    "hide_carriers"
                })
        @NotBlank(message = "{basira.required}")
        String kind,

        @Schema(description = "who it applies to; absent: everyone") @Valid
        EligibleGroupsRequest groups,

        @Schema(
                description = "from when (ISO-8601 with offset); absent: open",
                example = "2024-06-01T00:00:00+03:00",
                format = "date-time")
        String validFrom,

        @Schema(description = "until when (ISO-8601 with offset), exclusive; absent: open", format = "date-time")
        String validUntil,

        @Schema(description = "hide_payment_methods: the payment method codes hidden", example = "[\"cod\"]")
        List<String> methods,

        @Schema(description = "offer_carriers / hide_carriers: the carrier codes")
        List<String> carriers,

        @Schema(
                description = "free_shipping, percent_off, amount_off: the smallest cart subtotal it applies to",
                type = "string",
                example = "300.00")
        BigDecimal minimumTotal,

        @Schema(description = "percent_off: the percentage (0 < percent <= 100)", type = "string", example = "10")
        BigDecimal percent,

        @Schema(description = "amount_off: the amount taken off the cart", type = "string", example = "25.00")
        BigDecimal amount,

        @Schema(description = "buy_x_get_y: how many bought", type = "integer", example = "2")
        BigDecimal buy,

        @Schema(description = "buy_x_get_y: how many of them free", type = "integer", example = "1")
        BigDecimal get,

        @Schema(description = "buy_x_get_y: the product ids it counts; empty: every product")
        List<String> products) {

    /** The groups a policy or coupon is for. */
    @Schema(
            name = "EligibleGroups",
            description = "customers in any of any_of and in none of none_of; both empty: everyone")
    public record EligibleGroupsRequest(
            @Schema(description = "group keys; empty: every customer", example = "[\"vip\"]")
            @Size(max = 100, message = "{basira.size.at_most}")
            List<String> anyOf,

            @Schema(description = "group keys excluded", example = "[\"non-serious\"]")
            @Size(max = 100, message = "{basira.size.at_most}")
            List<String> noneOf) {}
}
