package io.basira.server.checkout.api;

import io.basira.checkout.Coupon;
import io.basira.commerce.ColumnLengths;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;

/**
 * One checkout to decide ({@code POST /api/v1/checkout/decisions}; the dashboard's simulator sends the same):
 * a customer (absent: an anonymous visitor), the cart, a coupon and the shipping. Only reads.
 */
@UnprocessableWhenInvalid
@Schema(name = "DecisionRequest", description = "A cart at checkout")
public record DecisionRequest(
        @Schema(
                description = "the customer's id in the store; absent: an anonymous visitor",
                example = "C1",
                maxLength = ColumnLengths.ID)
        @Text(max = ColumnLengths.ID)
        String customerId,

        @Schema(description = "the cart's lines") List<@Valid @NotNull(message = "{basira.required}") Item> items,

        @Schema(description = "a coupon the customer typed", example = "HV100", maxLength = Coupon.MAX_CODE_LENGTH)
        @Text(max = Coupon.MAX_CODE_LENGTH)
        String couponCode,

        @Schema(description = "the shipping fee before policies; absent: 0", type = "string", example = "25.00")
        BigDecimal shippingFee,

        @Schema(description = "where it ships") @Valid Address address) {

    /** One line of the cart. */
    @Schema(name = "CartItem")
    public record Item(
            @Schema(description = "the product's id", example = "P1", maxLength = ColumnLengths.ID)
            @NotBlank(message = "{basira.required}")
            @Text(max = ColumnLengths.ID)
            String productId,

            @Schema(description = "how many (a whole number >= 1)", type = "integer", example = "2")
            @NotNull(message = "{basira.required}")
            BigDecimal quantity,

            @Schema(description = "the price of one", type = "string", example = "199.50")
            @NotNull(message = "{basira.required}")
            BigDecimal unitPrice) {}

    /** The shipping address, as far as policies look at it. */
    @Schema(name = "Address")
    public record Address(
            @Schema(example = "SA", maxLength = ColumnLengths.PLACE) @Text(max = ColumnLengths.PLACE)
            String country,

            @Schema(example = "Riyadh Region", maxLength = ColumnLengths.PLACE) @Text(max = ColumnLengths.PLACE)
            String region,

            @Schema(example = "Riyadh", maxLength = ColumnLengths.PLACE) @Text(max = ColumnLengths.PLACE)
            String city) {}
}
