package io.basira.server.messaging.api;

import io.basira.server.messaging.MessagingService;
import io.basira.server.messaging.UnsubscribeTokens;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public unsubscribe door {@code /u/{token}} (no sign-in; its own security chain): {@code GET} shows a page
 * in Arabic and English with one button (mail scanners follow links, so a GET never unsubscribes); {@code POST}
 * — the button, or a mail client's RFC 8058 one-click {@code List-Unsubscribe=One-Click} — withdraws marketing
 * consent on the token's channel, idempotently, and answers the same page. A token that does not verify is 404.
 */
@Controller
public class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final MessagingService messaging;
    private final JdbcStores stores;

    public UnsubscribeController(UnsubscribeTokens tokens, MessagingService messaging, JdbcStores stores) {
        this.tokens = tokens;
        this.messaging = messaging;
        this.stores = stores;
    }

    @GetMapping("/u/{token}")
    public String page(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Subject> subject = tokens.open(token);
        if (subject.isEmpty()) {
            return unknown(model, response);
        }
        return show(model, subject.get(), token, messaging.unsubscribed(subject.get()));
    }

    @PostMapping("/u/{token}")
    public String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<UnsubscribeTokens.Subject> subject = tokens.open(token);
        if (subject.isEmpty()) {
            return unknown(model, response);
        }
        messaging.unsubscribe(subject.get());
        return show(model, subject.get(), token, true);
    }

    private String show(Model model, UnsubscribeTokens.Subject subject, String token, boolean done) {
        model.addAttribute(
                "storeName", stores.findById(subject.store()).map(Store::name).orElse(""));
        model.addAttribute("channel", subject.channel().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("token", token);
        model.addAttribute("done", done);
        model.addAttribute("known", true);
        return "unsubscribe";
    }

    private static String unknown(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("known", false);
        model.addAttribute("done", false);
        return "unsubscribe";
    }
}
