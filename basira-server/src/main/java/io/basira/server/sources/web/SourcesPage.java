package io.basira.server.sources.web;

import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.server.sources.InboxEntry;
import io.basira.server.sources.Platform;
import io.basira.server.sources.ReceiveWebhook;
import io.basira.server.sources.SourceChanges;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.server.sources.jdbc.JdbcSources;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The store's platform sources (register, rotate, remove; a new secret is shown once, on the page the change
 * redirects to) and its webhook inbox: counts by state and the parked events with their reasons, each with a
 * replay button (docs/connect.md).
 */
@DashboardPage
final class SourcesPage {

    /** Parked events listed at most. */
    static final int PARKED_LISTED = 100;

    private final JdbcSources sources;
    private final SourceChanges changes;
    private final JdbcInbox inbox;
    private final ReceiveWebhook receive;
    private final Duration rotationWindow;
    private final MessageSource messages;

    SourcesPage(
            JdbcSources sources,
            SourceChanges changes,
            JdbcInbox inbox,
            ReceiveWebhook receive,
            @Value("${basira.sources.rotation-window:24h}") Duration rotationWindow,
            MessageSource messages) {
        this.messages = messages;
        this.sources = sources;
        this.changes = changes;
        this.inbox = inbox;
        this.receive = receive;
        this.rotationWindow = rotationWindow;
    }

    @GetMapping("/sources")
    String page(SignedIn signedIn, Model model) {
        model.addAttribute("sources", sources.list(signedIn.store().id()));
        model.addAttribute(
                "platforms",
                Arrays.stream(Platform.values()).map(Platform::code).toList());
        model.addAttribute("counts", inbox.counts(signedIn.store().id()));
        model.addAttribute("parked", inbox.list(signedIn.store().id(), InboxEntry.PARKED, PARKED_LISTED));
        return "sources";
    }

    @PostMapping("/sources")
    String add(
            SignedIn signedIn,
            @RequestParam String platform,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String secret,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            JdbcSources.WithSecret created = changes.create(
                    signedIn.store().id(),
                    PrivacyPages.actor(signedIn),
                    Platform.fromCode(platform),
                    blankToNull(label),
                    blankToNull(secret));
            shown(redirect, created);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
        }
        return "redirect:/sources";
    }

    @PostMapping("/sources/{id}/rotate")
    String rotate(
            SignedIn signedIn,
            @PathVariable String id,
            @RequestParam(required = false) String secret,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            shown(
                    redirect,
                    changes.rotate(
                                    signedIn.store().id(),
                                    PrivacyPages.actor(signedIn),
                                    id,
                                    blankToNull(secret),
                                    rotationWindow)
                            .orElseThrow(() -> new NotFound("this store has no source '" + id + "'")));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
        }
        return "redirect:/sources";
    }

    @PostMapping("/sources/{id}/delete")
    String remove(SignedIn signedIn, @PathVariable String id, RedirectAttributes redirect) {
        if (!changes.remove(signedIn.store().id(), PrivacyPages.actor(signedIn), id)) {
            throw new NotFound("this store has no source '" + id + "'");
        }
        redirect.addFlashAttribute("notice", "removed");
        return "redirect:/sources";
    }

    @PostMapping("/sources/inbox/{id}/replay")
    String replay(SignedIn signedIn, @PathVariable long id, RedirectAttributes redirect) {
        if (!receive.replay(signedIn.store().id(), id)) {
            throw new NotFound("this store has no parked event " + id);
        }
        redirect.addFlashAttribute("notice", "replayed");
        redirect.addFlashAttribute(
                "replayedState",
                inbox.find(signedIn.store().id(), id).map(InboxEntry::state).orElse(""));
        return "redirect:/sources#parked";
    }

    /** The secret for the next page only (plain strings: the session may be stored). */
    private static void shown(RedirectAttributes redirect, JdbcSources.WithSecret source) {
        redirect.addFlashAttribute("shownPlatform", source.source().platform().code());
        redirect.addFlashAttribute("shownPath", source.source().webhookPath());
        redirect.addFlashAttribute("shownSecret", source.secret());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
