package io.basira.server.sources.api;

import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.privacy.AuditLog;
import io.basira.server.sources.InboxEntry;
import io.basira.server.sources.Platform;
import io.basira.server.sources.ReceiveWebhook;
import io.basira.server.sources.SourceChanges;
import io.basira.server.sources.api.SourceRequests.InboxJson;
import io.basira.server.sources.api.SourceRequests.InboxList;
import io.basira.server.sources.api.SourceRequests.NewSource;
import io.basira.server.sources.api.SourceRequests.Rotation;
import io.basira.server.sources.api.SourceRequests.SourceJson;
import io.basira.server.sources.api.SourceRequests.SourceList;
import io.basira.server.sources.api.SourceRequests.SourceWithSecret;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.server.sources.jdbc.JdbcSources;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's store's platform sources (register, list, rotate, remove) and its webhook inbox (list,
 * replay a parked event). A source's secret is in the response that registers or rotates it, and nowhere
 * else (docs/connect.md).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "sources", description = "Platform sources (Salla, Zid, Shopify, Standard Webhooks) and the webhook inbox")
public class SourcesController {

    /** Inbox events listed at most. */
    static final int LISTED = 500;

    private final JdbcSources sources;
    private final SourceChanges changes;
    private final JdbcInbox inbox;
    private final ReceiveWebhook receive;
    private final Duration rotationWindow;
    private final AuditLog audit;

    public SourcesController(
            JdbcSources sources,
            SourceChanges changes,
            JdbcInbox inbox,
            ReceiveWebhook receive,
            Duration rotationWindow,
            AuditLog audit) {
        this.sources = sources;
        this.changes = changes;
        this.audit = audit;
        this.inbox = inbox;
        this.receive = receive;
        this.rotationWindow = rotationWindow;
    }

    /** Who changes: the API key presented. */
    private AuditLog.Actor actor(HttpServletRequest request) {
        return audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }

    @GetMapping("/sources")
    @Operation(summary = "The store's platform sources")
    public SourceList list(Store store) {
        return new SourceList(
                sources.list(store.id()).stream().map(SourceJson::of).toList());
    }

    @PostMapping("/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a platform source",
            description = "Returns the webhook path to give the platform and" + " the secret (shown only now).")
    public SourceWithSecret create(Store store, @Valid @RequestBody NewSource request, HttpServletRequest http) {
        JdbcSources.WithSecret created = changes.create(
                store.id(), actor(http), Platform.fromCode(request.platform()), request.label(), request.secret());
        return new SourceWithSecret(
                SourceJson.of(created.source()),
                created.secret(),
                "the secret is shown only now; Basira keeps it encrypted");
    }

    @PostMapping("/sources/{id}/rotate")
    @Operation(
            summary = "Rotate a source's secret",
            description =
                    "The previous secret stays valid until" + " previous_valid_until (basira.sources.rotation-window).")
    public SourceWithSecret rotate(
            Store store,
            @PathVariable String id,
            @Valid @RequestBody(required = false) Rotation request,
            HttpServletRequest http) {
        JdbcSources.WithSecret rotated = changes.rotate(
                        store.id(), actor(http), id, request == null ? null : request.secret(), rotationWindow)
                .orElseThrow(() -> new NotFound("this store has no source '" + id + "'"));
        return new SourceWithSecret(
                SourceJson.of(rotated.source()),
                rotated.secret(),
                "the new secret is shown only now; the previous one is accepted until previous_valid_until");
    }

    @DeleteMapping("/sources/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Remove a source",
            description = "Its webhook URL answers 404 from now on; what it delivered stays.")
    public void remove(Store store, @PathVariable String id, HttpServletRequest http) {
        if (!changes.remove(store.id(), actor(http), id)) {
            throw new NotFound("this store has no source '" + id + "'");
        }
    }

    @GetMapping("/inbox")
    @Operation(
            summary = "The store's webhook inbox",
            description = "Newest first, at most 500; state=parked lists the"
                    + " events that could not be applied, with the reason.")
    public InboxList inbox(Store store, @RequestParam(required = false) String state) {
        if (state != null
                && !List.of(
                                InboxEntry.RECEIVED,
                                InboxEntry.APPLIED,
                                InboxEntry.IGNORED,
                                InboxEntry.STALE,
                                InboxEntry.PARKED)
                        .contains(state)) {
            throw new IllegalArgumentException(
                    "parameter 'state': '" + state + "' is not one of received, applied, ignored, stale, parked");
        }
        return new InboxList(
                inbox.list(store.id(), state, LISTED).stream()
                        .map(InboxJson::of)
                        .toList(),
                inbox.counts(store.id()),
                LISTED);
    }

    @PostMapping("/inbox/{id}/replay")
    @Operation(
            summary = "Replay a parked event",
            description = "Applies it again now (after a fix); answers its state after.")
    public InboxJson replay(Store store, @PathVariable long id) {
        if (!receive.replay(store.id(), id)) {
            throw new NotFound("this store has no parked inbox event " + id);
        }
        return InboxJson.of(inbox.find(store.id(), id).orElseThrow());
    }

    /** 400 naming each refused field. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<String> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
        problem.setProperty("problems", problems);
        return problem;
    }
}
