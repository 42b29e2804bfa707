package io.basira.server.loyalty.web;

import io.basira.loyalty.InvalidProgramException;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.LoyaltyRefusal;
import io.basira.server.checkout.web.FormChecks;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.loyalty.api.ProgramBody;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.privacy.AuditLog;
import io.basira.shared.Money;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The loyalty page (docs/loyalty.md): the program's settings and their form, the tier distribution and the
 * outstanding points liability; and the manual adjustment of a customer's points from the customer card (who made
 * it and why are kept on the ledger). The form is read into the API's request record ({@link LoyaltyForms}) and
 * saved by the same service, audited with the signed-in user; only roles that may change (owner, marketer) see
 * it, and the security chain refuses the others' {@code POST}. A refusal is said in the reader's language and the
 * form is shown again with what was typed.
 */
@DashboardPage
final class LoyaltyPage {

    private final LoyaltyService loyalty;
    private final FormChecks checks;
    private final MessageSource messages;

    LoyaltyPage(LoyaltyService loyalty, FormChecks checks, MessageSource messages) {
        this.loyalty = loyalty;
        this.checks = checks;
        this.messages = messages;
    }

    @GetMapping("/loyalty")
    String page(SignedIn signedIn, Model model, Locale locale) {
        Store store = signedIn.store();
        LoyaltyProgram program = loyalty.program(store);
        return page(
                signedIn,
                model,
                locale,
                program,
                LoyaltyForms.fields(ProgramBody.of(program, store.currency()), store.timeZone()),
                null);
    }

    @PostMapping("/loyalty/program")
    String save(
            SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Store store = signedIn.store();
        try {
            ProgramBody body = checks.require(LoyaltyForms.program(request.getParameterMap(), store.timeZone()));
            loyalty.saveProgram(
                    store,
                    body,
                    AuditLog.Actor.user(signedIn.user().id(), signedIn.user().email()));
            redirect.addFlashAttribute("loyaltyNotice", "program-saved");
            return "redirect:/loyalty#program";
        } catch (InvalidProgramException e) {
            response.setStatus(422);
            return page(
                    signedIn,
                    model,
                    locale,
                    loyalty.program(store),
                    LoyaltyForms.fields(request.getParameterMap()),
                    LoyaltyForms.message(e, new PageText(messages, locale)));
        } catch (IllegalArgumentException | InvalidRecords | ArithmeticException e) {
            response.setStatus(422);
            return page(
                    signedIn,
                    model,
                    locale,
                    loyalty.program(store),
                    LoyaltyForms.fields(request.getParameterMap()),
                    checks.message(
                            e instanceof ArithmeticException ? new IllegalArgumentException(e.getMessage()) : e));
        }
    }

    private String page(
            SignedIn signedIn,
            Model model,
            Locale locale,
            LoyaltyProgram program,
            Map<String, String> form,
            String error) {
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        int digits = Money.fractionDigits(signedIn.store().currency());
        model.addAttribute("program", program);
        model.addAttribute("earnPer", fmt.money(BigDecimal.valueOf(program.earnPerMinor(), digits)));
        model.addAttribute("redeemValue", fmt.money(BigDecimal.valueOf(program.redeemMinor(), digits)));
        var summary = loyalty.summary(signedIn.store());
        model.addAttribute("summary", summary);
        model.addAttribute("liability", fmt.money(summary.liability()));
        model.addAttribute("pendingLiability", fmt.money(summary.pendingLiability()));
        model.addAttribute("form", form);
        model.addAttribute("tierRows", LoyaltyForms.tierRows(form));
        model.addAttribute("currency", fmt.currency());
        model.addAttribute("error", error);
        return "loyalty";
    }

    @PostMapping("/customers/{customerId}/loyalty/adjustments")
    String adjust(
            SignedIn signedIn,
            @PathVariable String customerId,
            @RequestParam String points,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        try {
            long amount = Long.parseLong(points.strip());
            if (reason.isBlank() || reason.length() > 500) {
                throw new IllegalArgumentException("reason");
            }
            loyalty.adjust(signedIn.store(), customerId, amount, signedIn.user().email(), reason.strip());
            redirect.addFlashAttribute("loyaltyNotice", "adjusted");
        } catch (LoyaltyRefusal refusal) {
            redirect.addFlashAttribute(
                    "loyaltyError", "loyalty.refusal." + refusal.reason().name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("loyaltyError", "loyalty.adjust.invalid");
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(customerId, java.nio.charset.StandardCharsets.UTF_8)
                + "#loyalty";
    }
}
