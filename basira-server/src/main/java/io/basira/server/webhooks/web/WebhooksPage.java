package io.basira.server.webhooks.web;

import io.basira.server.checkout.web.PoliciesPage;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.server.webhooks.WebhookEndpoint;
import io.basira.server.webhooks.WebhookEndpoints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhooks page (docs/webhooks.md): the store's endpoints, registering one (its secret shown once, after the
 * redirect), an endpoint's settings, disabling and enabling, rotating the secret, deleting, a test event and the
 * delivery log (htmx: the test and the refresh replace the log only). Everything goes through
 * {@link WebhookEndpoints}, as the API does.
 */
@DashboardPage
final class WebhooksPage {

    private static final int LOG = 50;

    private final WebhookEndpoints endpoints;

    WebhooksPage(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/webhook-endpoints")
    String list(SignedIn signedIn, Model model) {
        return list(signedIn, model, null, "", "", List.of());
    }

    @PostMapping("/webhook-endpoints")
    String create(
            SignedIn signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String url = request.getParameter("url");
        String description = request.getParameter("description");
        List<String> types = types(request);
        try {
            WebhookEndpoints.Created created =
                    endpoints.create(signedIn.store(), PrivacyPages.actor(signedIn), url, description, types);
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("notice", "created");
            return "redirect:/webhook-endpoints/" + created.endpoint().id();
        } catch (InvalidRecords e) {
            response.setStatus(422);
            return list(signedIn, model, PoliciesPage.message(e), url, description, types);
        }
    }

    @GetMapping("/webhook-endpoints/{id}")
    String endpoint(SignedIn signedIn, @PathVariable long id, Model model) {
        WebhookEndpoint endpoint = endpoints.get(signedIn.store(), id);
        return endpoint(signedIn, model, endpoint, null, endpoint.url(), endpoint.description(), endpoint.eventTypes());
    }

    @PostMapping("/webhook-endpoints/{id}")
    String update(
            SignedIn signedIn,
            @PathVariable long id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String url = request.getParameter("url");
        String description = request.getParameter("description");
        List<String> types = types(request);
        try {
            endpoints.update(signedIn.store(), PrivacyPages.actor(signedIn), id, url, description, types);
            redirect.addFlashAttribute("notice", "saved");
            return "redirect:/webhook-endpoints/" + id;
        } catch (InvalidRecords e) {
            response.setStatus(422);
            return endpoint(
                    signedIn,
                    model,
                    endpoints.get(signedIn.store(), id),
                    PoliciesPage.message(e),
                    url,
                    description,
                    types);
        }
    }

    @PostMapping("/webhook-endpoints/{id}/disable")
    String disable(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        endpoints.disable(signedIn.store(), PrivacyPages.actor(signedIn), id);
        redirect.addFlashAttribute("notice", "disabled");
        return "redirect:/webhook-endpoints/" + id;
    }

    @PostMapping("/webhook-endpoints/{id}/enable")
    String enable(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        endpoints.enable(signedIn.store(), PrivacyPages.actor(signedIn), id);
        redirect.addFlashAttribute("notice", "enabled");
        return "redirect:/webhook-endpoints/" + id;
    }

    @PostMapping("/webhook-endpoints/{id}/rotate-secret")
    String rotate(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "secret",
                endpoints
                        .rotateSecret(signedIn.store(), PrivacyPages.actor(signedIn), id)
                        .secret());
        redirect.addFlashAttribute("notice", "rotated");
        return "redirect:/webhook-endpoints/" + id;
    }

    @PostMapping("/webhook-endpoints/{id}/delete")
    String delete(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        endpoints.delete(signedIn.store(), PrivacyPages.actor(signedIn), id);
        redirect.addFlashAttribute("notice", "deleted");
        return "redirect:/webhook-endpoints";
    }

    /** Queues a test event; from htmx the log is answered (with the test pending), else the page. */
    @PostMapping("/webhook-endpoints/{id}/test")
    String test(
            SignedIn signedIn,
            @PathVariable long id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        String error = null;
        try {
            endpoints.sendTest(signedIn.store(), id);
        } catch (InvalidRecords e) {
            error = PoliciesPage.message(e);
            response.setStatus(422);
        }
        if (request.getHeader("HX-Request") == null) {
            redirect.addFlashAttribute(error == null ? "notice" : "error", error == null ? "tested" : error);
            return "redirect:/webhook-endpoints/" + id;
        }
        model.addAttribute("logError", error);
        return log(signedIn, id, model);
    }

    /** The delivery log alone (htmx refresh). */
    @GetMapping("/webhook-endpoints/{id}/deliveries")
    String log(SignedIn signedIn, @PathVariable long id, Model model) {
        model.addAttribute("endpoint", endpoints.get(signedIn.store(), id));
        model.addAttribute("deliveries", endpoints.log(signedIn.store(), id, LOG));
        return "webhook-fragments :: deliveryLog";
    }

    private String list(
            SignedIn signedIn, Model model, String error, String url, String description, List<String> types) {
        model.addAttribute("endpoints", endpoints.list(signedIn.store()));
        model.addAttribute("eventTypes", endpoints.eventTypes());
        model.addAttribute("maxEndpoints", WebhookEndpoints.MAX_PER_STORE);
        form(model, error, url, description, types);
        return "webhooks";
    }

    private String endpoint(
            SignedIn signedIn,
            Model model,
            WebhookEndpoint endpoint,
            String error,
            String url,
            String description,
            List<String> types) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("eventTypes", endpoints.eventTypes());
        model.addAttribute("deliveries", endpoints.log(signedIn.store(), endpoint.id(), LOG));
        form(model, error, url, description, types);
        return "webhook-endpoint";
    }

    private static void form(Model model, String error, String url, String description, List<String> types) {
        if (error != null) {
            model.addAttribute("error", error);
        }
        model.addAttribute("formUrl", url == null ? "" : url);
        model.addAttribute("formDescription", description == null ? "" : description);
        model.addAttribute("formTypes", types);
    }

    private static List<String> types(HttpServletRequest request) {
        String[] values = request.getParameterValues("event_types");
        return values == null ? List.of() : Arrays.asList(values);
    }
}
