package io.basira.server.checkout.web;

import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.api.CatalogueRequest;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The store's catalogue of payment methods and carriers, edited in the dashboard: add, rename (in Arabic and
 * English) and remove. The form is read into the API's {@link CatalogueRequest}, checked with its constraints
 * ({@link FormChecks}) and saved by {@link CheckoutSetup} as {@code PUT /api/v1/checkout/catalogue} saves it
 * (audited, the whole catalogue replaced); a refusal shows the form again with the reason.
 */
@DashboardPage
final class CataloguePage {

    private final CheckoutSetup setup;
    private final FormChecks checks;

    CataloguePage(CheckoutSetup setup, FormChecks checks) {
        this.setup = setup;
        this.checks = checks;
    }

    @GetMapping("/policies/catalogue")
    String show(SignedIn signedIn, Model model) {
        var catalogue = setup.catalogue(signedIn.store());
        return form(model, CatalogueForm.methodRows(catalogue), CatalogueForm.carrierRows(catalogue), null);
    }

    @PostMapping("/policies/catalogue")
    String save(
            SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CatalogueRequest catalogue = CatalogueForm.request(request.getParameterMap());
        try {
            checks.require(catalogue);
            setup.saveCatalogue(signedIn.store(), signedIn.user().email(), catalogue);
            redirect.addFlashAttribute("notice", "catalogue-saved");
            return "redirect:/policies";
        } catch (IllegalArgumentException | InvalidRecords e) {
            response.setStatus(422);
            return form(
                    model,
                    CatalogueForm.methodRows(catalogue),
                    CatalogueForm.carrierRows(catalogue),
                    PoliciesPage.message(e));
        }
    }

    private static String form(
            Model model, List<CatalogueForm.Row> methods, List<CatalogueForm.Row> carriers, String error) {
        model.addAttribute("methods", methods);
        model.addAttribute("carriers", carriers);
        model.addAttribute("error", error);
        return "catalogue";
    }
}
