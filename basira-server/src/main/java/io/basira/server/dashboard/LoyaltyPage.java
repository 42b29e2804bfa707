package io.basira.server.dashboard;

import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyRefusal;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The loyalty page (docs/loyalty.md): the program's settings, the tier distribution and the outstanding points
 * liability; and the manual adjustment of a customer's points from the customer card (who made it and why are
 * kept on the ledger). The program itself is changed through the API ({@code PUT /api/v1/loyalty/program}).
 */
@Controller
final class LoyaltyPage {

    private final LoyaltyService loyalty;

    LoyaltyPage(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/loyalty")
    String page(SignedIn signedIn, Model model, Locale locale) {
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        LoyaltyProgram program = loyalty.program(signedIn.store());
        int digits = Money.fractionDigits(signedIn.store().currency());
        model.addAttribute("program", program);
        model.addAttribute("earnPer", fmt.money(BigDecimal.valueOf(program.earnPerMinor(), digits)));
        model.addAttribute("redeemValue", fmt.money(BigDecimal.valueOf(program.redeemMinor(), digits)));
        var summary = loyalty.summary(signedIn.store());
        model.addAttribute("summary", summary);
        model.addAttribute("liability", fmt.money(summary.liability()));
        model.addAttribute("pendingLiability", fmt.money(summary.pendingLiability()));
        return "loyalty";
    }

    @PostMapping("/customers/{customerId}/loyalty/adjustments")
    String adjust(SignedIn signedIn, @PathVariable String customerId, @RequestParam String points,
            @RequestParam String reason, RedirectAttributes redirect) {
        try {
            long amount = Long.parseLong(points.strip());
            if (reason.isBlank() || reason.length() > 500) {
                throw new IllegalArgumentException("reason");
            }
            loyalty.adjust(signedIn.store(), customerId, amount, signedIn.user().email(), reason.strip());
            redirect.addFlashAttribute("loyaltyNotice", "adjusted");
        } catch (LoyaltyRefusal refusal) {
            redirect.addFlashAttribute("loyaltyError", "loyalty.refusal." + refusal.reason().name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("loyaltyError", "loyalty.adjust.invalid");
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(customerId, java.nio.charset.StandardCharsets.UTF_8)
                + "#loyalty";
    }
}
