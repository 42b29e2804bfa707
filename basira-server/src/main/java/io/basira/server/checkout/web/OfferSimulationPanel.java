package io.basira.server.checkout.web;

import io.basira.server.checkout.simulation.OfferSimulations;
import io.basira.server.checkout.simulation.SimulationAnswer;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.FormValueException;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The "before you save" panel of the policy and coupon forms (docs/checkout.md, "Simulating an offer"): htmx posts
 * the form as it is being edited and gets back the panel, reach, cost and loud warnings in the reader's language.
 * The form is read exactly as saving reads it ({@link CheckoutForms}); nothing is saved. A form that cannot be read
 * yet shows why in the panel (status 200, so htmx swaps it in).
 */
@DashboardPage
final class OfferSimulationPanel {

    private final OfferSimulations simulations;
    private final FormChecks checks;
    private final MessageSource messages;

    OfferSimulationPanel(OfferSimulations simulations, FormChecks checks, MessageSource messages) {
        this.simulations = simulations;
        this.checks = checks;
        this.messages = messages;
    }

    @PostMapping("/policies/simulate")
    String policy(SignedIn signedIn, HttpServletRequest request, Model model, Locale locale) {
        Store store = signedIn.store();
        try {
            var policy = CheckoutForms.policy(request.getParameterMap(), store.timeZone());
            return panel(model, SimulationAnswer.of(simulations.simulate(store, policy), messages, locale), null);
        } catch (IllegalArgumentException | InvalidRecords e) {
            return panel(model, null, why(e, locale));
        }
    }

    @PostMapping("/policies/coupons/simulate")
    String coupon(SignedIn signedIn, HttpServletRequest request, Model model, Locale locale) {
        Store store = signedIn.store();
        try {
            var coupon = CheckoutForms.coupon(request.getParameterMap(), store.timeZone());
            return panel(model, SimulationAnswer.of(simulations.simulate(store, coupon), messages, locale), null);
        } catch (IllegalArgumentException | InvalidRecords e) {
            return panel(model, null, why(e, locale));
        }
    }

    /**
     * What stops the simulation, in the reader's language: a value the form could not read, else (a form not yet
     * filled in: the core's own refusal, in English) a plain request to fill it in.
     */
    private String why(RuntimeException e, Locale locale) {
        if (e instanceof FormValueException) {
            return checks.message(e);
        }
        return messages.getMessage("simulation.incomplete", null, locale);
    }

    private static String panel(Model model, SimulationAnswer simulation, String error) {
        model.addAttribute("simulation", simulation);
        model.addAttribute("simulationError", error);
        return "simulation-panel :: panel";
    }
}
