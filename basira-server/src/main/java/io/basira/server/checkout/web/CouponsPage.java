package io.basira.server.checkout.web;

import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.api.CouponRequest;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating, changing and deleting coupons from the policies page: the API's {@link CouponRequest} through {@link CheckoutSetup} (audited). */
@DashboardPage
final class CouponsPage {

    private final CheckoutSetup setup;
    private final PoliciesPage policies;
    private final FormChecks checks;

    CouponsPage(CheckoutSetup setup, PoliciesPage policies, FormChecks checks) {
        this.setup = setup;
        this.policies = policies;
        this.checks = checks;
    }

    @GetMapping("/policies/coupons/new")
    String create(SignedIn signedIn, Model model) {
        Map<String, Object> blank = new LinkedHashMap<>();
        blank.put("benefit", "percent_off");
        return editor(signedIn, model, null, blank, null);
    }

    @GetMapping("/policies/coupons/{code}/edit")
    String edit(SignedIn signedIn, @PathVariable String code, Model model) {
        var coupon = setup.coupon(signedIn.store(), code)
                .orElseThrow(() -> new NotFound("this store has no coupon '" + code + "'"));
        return editor(signedIn, model, coupon.terms().get("code").toString(), coupon.terms(), null);
    }

    @PostMapping("/policies/coupons")
    String save(
            SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return store(signedIn, null, request, response, model, redirect);
    }

    @PostMapping("/policies/coupons/{code}")
    String update(
            SignedIn signedIn,
            @PathVariable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return store(signedIn, code, request, response, model, redirect);
    }

    @PostMapping("/policies/coupons/{code}/delete")
    String delete(SignedIn signedIn, @PathVariable String code, RedirectAttributes redirect) {
        setup.deleteCoupon(signedIn.store(), signedIn.user().email(), code);
        redirect.addFlashAttribute("notice", "deleted");
        return "redirect:/policies#coupons";
    }

    private String store(
            SignedIn signedIn,
            String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Store store = signedIn.store();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            CouponRequest coupon = CheckoutForms.coupon(request.getParameterMap(), store.timeZone());
            body = CheckoutForms.fields(coupon);
            checks.require(coupon);
            if (code == null) {
                setup.createCoupon(store, signedIn.user().email(), coupon);
            } else {
                setup.updateCoupon(store, signedIn.user().email(), code, coupon);
            }
            redirect.addFlashAttribute("notice", "saved");
            return "redirect:/policies#coupons";
        } catch (IllegalArgumentException | InvalidRecords e) {
            response.setStatus(422);
            body.putIfAbsent("benefit", CheckoutForms.one(request.getParameterMap(), "benefit"));
            return editor(signedIn, model, code, body, checks.message(e));
        }
    }

    private String editor(SignedIn signedIn, Model model, String code, Map<String, Object> coupon, String error) {
        Store store = signedIn.store();
        model.addAttribute("code", code);
        model.addAttribute("coupon", coupon);
        model.addAttribute("startsAt", CheckoutForms.local(coupon.get("starts_at"), store.timeZone()));
        model.addAttribute("endsAt", CheckoutForms.local(coupon.get("ends_at"), store.timeZone()));
        model.addAttribute("benefits", CheckoutForms.BENEFITS);
        model.addAttribute("groupNames", policies.groupNames(store));
        model.addAttribute("error", error);
        return "coupon-editor";
    }
}
