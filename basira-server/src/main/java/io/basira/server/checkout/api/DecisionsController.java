package io.basira.server.checkout.api;

import io.basira.checkout.CheckoutRequest;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/checkout/decisions}: one customer (or anonymous visitor), one cart, one answer with reasons. */
@RestController
@RequestMapping("/api/v1/checkout")
public class DecisionsController {

    private final CheckoutSetup setup;

    public DecisionsController(CheckoutSetup setup) {
        this.setup = setup;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.Decision.class)))
    @PostMapping("/decisions")
    public CheckoutAnswers.Decision decide(Store store, @Valid @RequestBody DecisionRequest body) {
        CheckoutRequest request = setup.request(store, body);
        return DecisionJson.answer(request, setup.decide(store, request));
    }
}
