package io.basira.server.privacy.web;

import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.security.Permission;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.EraseCustomer;
import io.basira.server.privacy.ExportCustomer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Privacy in the dashboard (docs/privacy.md), for the roles holding {@link Permission#PRIVACY} (owners): a
 * customer's export (the same zip as the API's) and erasure from the card, and the audit log searched by
 * customer and by user, each change written field by field with names.
 */
@DashboardPage
public final class PrivacyPages {

    private static final int AUDIT_SIZE = 200;

    private final ExportCustomer export;
    private final EraseCustomer erase;
    private final AuditLog audit;

    PrivacyPages(ExportCustomer export, EraseCustomer erase, AuditLog audit) {
        this.export = export;
        this.erase = erase;
        this.audit = audit;
    }

    /** The audit log's actor for a signed-in user. */
    public static AuditLog.Actor actor(SignedIn signedIn) {
        return AuditLog.Actor.user(signedIn.user().id(), signedIn.user().email());
    }

    @GetMapping("/customers/{customerId}/privacy-export")
    void export(SignedIn signedIn, @PathVariable String customerId, HttpServletResponse response) throws IOException {
        CustomerDataKind.Person person = export.person(signedIn.store(), customerId);
        audit.record(
                signedIn.store().id(),
                actor(signedIn),
                "customer.export",
                AuditLog.Subject.customer(
                        customerId,
                        ((person.firstName() == null ? "" : person.firstName()) + " "
                                        + (person.lastName() == null ? "" : person.lastName()))
                                .strip()),
                List.of());
        response.setContentType("application/zip");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"customer-" + signedIn.store().slug() + "-privacy.zip\"");
        export.write(signedIn.store(), person, response.getOutputStream());
    }

    @PostMapping("/customers/{customerId}/erase")
    String erase(
            SignedIn signedIn,
            @PathVariable String customerId,
            @RequestParam(name = "confirm", required = false) String confirm) {
        if (!customerId.equals(confirm)) {
            return "redirect:/customers/" + customerId + "?erase=unconfirmed";
        }
        EraseCustomer.Erased erased = erase.erase(signedIn.store(), customerId, actor(signedIn), null);
        return "redirect:/audit?erased=" + erased.erasureId();
    }

    @GetMapping("/audit")
    String audit(
            SignedIn signedIn,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Long erased,
            Model model) {
        model.addAttribute("entries", audit.search(signedIn.store().id(), customer, actor, AUDIT_SIZE));
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("actor", actor == null ? "" : actor);
        model.addAttribute("erased", erased);
        return "audit";
    }
}
