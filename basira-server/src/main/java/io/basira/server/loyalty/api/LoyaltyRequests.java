package io.basira.server.loyalty.api;

import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The loyalty API's requests (snake_case JSON). */
final class LoyaltyRequests {

    private LoyaltyRequests() {}

    @UnprocessableWhenInvalid
    @Schema(name = "LoyaltyAdjustment", description = "A manual adjustment of a customer's points, with its reason")
    record AdjustmentRequest(
            @Schema(description = "points to add (positive) or take (negative)", example = "50") @NotNull
            Long points,

            @Schema(description = "why (kept on the ledger)", example = "apology for a late delivery")
            @NotNull
            @Text(max = 500)
            String reason,

            @Schema(description = "who asked for it; the API key's prefix when absent") @Text(max = 200)
            String actor) {}

    @UnprocessableWhenInvalid
    @Schema(name = "LoyaltyAction", description = "Points for a custom action, once per key")
    record ActionRequest(
            @Schema(
                    description = "makes the action unique (the same key again gives nothing)",
                    example = "share:p-17:2024-06-01")
            @NotNull
            @Text(max = 100)
            String key,

            @Schema(description = "points it gives", example = "15") @NotNull
            Long points,

            @Schema(description = "what the customer did", example = "shared a product") @Text(max = 500)
            String reason) {}

    @UnprocessableWhenInvalid
    @Schema(name = "LoyaltyRedemptionRequest", description = "Points to spend on a reward")
    record RedemptionRequest(
            @Schema(
                    description = "the reward",
                    allowableValues = {"coupon", "free_shipping", "free_product"})
            @NotNull
            @Text(max = 20)
            String reward,

            @Schema(description = "coupon: the points to turn into a coupon (at the program's rate)", example = "200")
            Long points) {}
}
