package io.basira.server.checkout.web;

import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.api.PolicyRequest;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.DashboardWords;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.Changes;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checkout policies pages: the list of policies, coupons and the catalogue of payment methods and
 * carriers; create, change and delete policies and coupons; the audit of every change. Everything goes
 * through {@link CheckoutSetup} with the API's own typed requests ({@link PolicyRequest}), constraints, reading
 * and audit; a refusal shows the form
 * again with the API's message ({@code minimum_total: '1.005' has more than 2 decimals for SAR}).
 */
@DashboardPage
public final class PoliciesPage {

    private static final int AUDIT_SIZE = 100;

    private final CheckoutSetup setup;
    private final GroupInsights groups;
    private final FormChecks checks;
    private final DashboardWords words;

    PoliciesPage(CheckoutSetup setup, GroupInsights groups, FormChecks checks, DashboardWords words) {
        this.words = words;
        this.setup = setup;
        this.groups = groups;
        this.checks = checks;
    }

    @GetMapping("/policies")
    String list(SignedIn signedIn, Model model, Locale locale) {
        Store store = signedIn.store();
        model.addAttribute("policies", setup.policies(store));
        model.addAttribute("coupons", setup.coupons(store));
        model.addAttribute("catalogue", setup.catalogue(store));
        model.addAttribute("names", words.names(store, setup.catalogue(store), locale));
        model.addAttribute("groupNames", groupNames(store));
        return "policies";
    }

    @GetMapping("/policies/audit")
    String audit(SignedIn signedIn, Model model) {
        List<Map<String, Object>> entries = setup.audit(signedIn.store(), AUDIT_SIZE);
        Map<String, String> names = groupNames(signedIn.store());
        Map<Object, List<Changes.Change>> changes = new java.util.HashMap<>();
        entries.forEach(e -> changes.put(
                e.get("id"), Changes.between(e.get("before"), e.get("after"), key -> names.getOrDefault(key, key))));
        model.addAttribute("entries", entries);
        model.addAttribute("changes", changes);
        return "policies-audit";
    }

    @GetMapping("/policies/new")
    String create(SignedIn signedIn, Model model) {
        Map<String, Object> blank = new LinkedHashMap<>();
        blank.put("kind", "free_shipping");
        return policyEditor(signedIn, model, null, blank, null);
    }

    @GetMapping("/policies/{id}/edit")
    String edit(SignedIn signedIn, @PathVariable long id, Model model) {
        Map<String, Object> policy = setup.policy(signedIn.store(), id)
                .orElseThrow(() -> new NotFound("this store has no checkout policy " + id));
        return policyEditor(signedIn, model, id, policy, null);
    }

    @PostMapping("/policies")
    String save(
            SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return savePolicy(signedIn, null, request, response, model, redirect);
    }

    @PostMapping("/policies/{id}")
    String update(
            SignedIn signedIn,
            @PathVariable long id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return savePolicy(signedIn, id, request, response, model, redirect);
    }

    @PostMapping("/policies/{id}/delete")
    String delete(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        setup.deletePolicy(signedIn.store(), signedIn.user().email(), id);
        redirect.addFlashAttribute("notice", "deleted");
        return "redirect:/policies";
    }

    private String savePolicy(
            SignedIn signedIn,
            Long id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Store store = signedIn.store();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            PolicyRequest policy = CheckoutForms.policy(request.getParameterMap(), store.timeZone());
            body = CheckoutForms.fields(policy);
            checks.require(policy);
            Map<String, Object> saved = id == null
                    ? setup.createPolicy(store, signedIn.user().email(), policy)
                    : setup.updatePolicy(store, signedIn.user().email(), id, policy);
            redirect.addFlashAttribute("notice", "saved");
            redirect.addFlashAttribute("warnings", saved.get("warnings"));
            return "redirect:/policies";
        } catch (IllegalArgumentException | InvalidRecords e) {
            response.setStatus(422);
            body.putIfAbsent("kind", CheckoutForms.one(request.getParameterMap(), "kind"));
            return policyEditor(signedIn, model, id, body, checks.message(e));
        }
    }

    private String policyEditor(SignedIn signedIn, Model model, Long id, Map<String, Object> policy, String error) {
        Store store = signedIn.store();
        model.addAttribute("id", id);
        model.addAttribute("policy", policy);
        model.addAttribute("validFrom", CheckoutForms.local(policy.get("valid_from"), store.timeZone()));
        model.addAttribute("validUntil", CheckoutForms.local(policy.get("valid_until"), store.timeZone()));
        model.addAttribute("products", CheckoutForms.joined(policy.get("products")));
        model.addAttribute("kinds", CheckoutForms.KINDS);
        model.addAttribute("catalogue", setup.catalogue(store));
        model.addAttribute("groupNames", groupNames(store));
        model.addAttribute("error", error);
        return "policy-editor";
    }

    /** The store's groups, key to name, for the eligible-groups checkboxes and for naming them in lists. */
    Map<String, String> groupNames(Store store) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Group g : groups.groupsWithCounts(store).keySet()) {
            names.put(g.key(), g.name());
        }
        return names;
    }

    /** The message of a refusal: the API reader's text, or the first problem of a list. */
    public static String message(RuntimeException e) {
        if (e instanceof InvalidRecords invalid) {
            List<String> problems = invalid.problems();
            return problems.isEmpty() ? e.getMessage() : String.join("; ", problems);
        }
        return e.getMessage();
    }
}
