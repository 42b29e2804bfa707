package io.basira.server.checkout.api;

import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The store's catalogue of payment methods and carriers ({@code PUT /api/v1/checkout/catalogue}): the codes
 * policies name. The whole catalogue is replaced.
 */
@UnprocessableWhenInvalid
@Schema(name = "Catalogue", description = "The payment methods and carriers a store offers")
public record CatalogueRequest(
        @Schema(description = "the payment methods") List<@Valid PaymentMethod> paymentMethods,
        @Schema(description = "the carriers") List<@Valid Carrier> carriers) {

    /** One payment method. */
    @Schema(name = "PaymentMethod")
    public record PaymentMethod(
            @Schema(description = "its code in policies", example = "cod") @NotBlank(message = "{basira.required}")
            String code,

            @Schema(description = "its name; absent: the code", example = "Cash on delivery")
            String name,

            @Schema(description = "its name in Arabic; absent: the name", example = "الدفع عند الاستلام")
            String nameAr) {

        public PaymentMethod(String code, String name) {
            this(code, name, null);
        }
    }

    /** One carrier. */
    @Schema(name = "Carrier")
    public record Carrier(
            @Schema(description = "its code in policies", example = "aramex") @NotBlank(message = "{basira.required}")
            String code,

            @Schema(description = "its name; absent: the code", example = "Aramex")
            String name,

            @Schema(description = "its name in Arabic; absent: the name", example = "أرامكس")
            String nameAr,

            @Schema(description = "offered without a policy that offers it; default true")
            Boolean offeredToEveryone) {

        public Carrier(String code, String name, Boolean offeredToEveryone) {
            this(code, name, null, offeredToEveryone);
        }
    }
}
