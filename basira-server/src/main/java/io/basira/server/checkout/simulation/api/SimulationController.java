package io.basira.server.checkout.simulation.api;

import io.basira.server.checkout.simulation.OfferSimulations;
import io.basira.server.checkout.simulation.SimulationAnswer;
import io.basira.server.platform.web.ApiLocales;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/checkout/simulate}: what a policy, coupon or offer would reach and cost, before it is saved. */
@RestController
@RequestMapping("/api/v1/checkout")
public class SimulationController {

    private final OfferSimulations simulations;
    private final MessageSource messages;

    public SimulationController(OfferSimulations simulations, MessageSource messages) {
        this.simulations = simulations;
        this.messages = messages;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = SimulationAnswer.class)))
    @PostMapping("/simulate")
    public SimulationAnswer simulate(
            Store store, @Valid @RequestBody SimulationRequest body, HttpServletRequest request) {
        return SimulationAnswer.of(simulations.simulate(store, body), messages, ApiLocales.of(request));
    }
}
