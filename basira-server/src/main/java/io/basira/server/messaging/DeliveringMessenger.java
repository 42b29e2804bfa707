package io.basira.server.messaging;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.Messenger;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.SendOutcome.SuppressReason;
import io.basira.campaigns.delivery.Care;
import io.basira.campaigns.delivery.Consent;
import io.basira.campaigns.delivery.Contact;
import io.basira.campaigns.delivery.Languages;
import io.basira.campaigns.delivery.MessageRendering;
import io.basira.campaigns.delivery.RenderedMessage;
import io.basira.server.messaging.jdbc.JdbcContacts;
import io.basira.server.messaging.jdbc.JdbcMessageLog;
import io.basira.server.messaging.jdbc.JdbcMessageSettings;
import io.basira.server.platform.security.SecretBox;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messenger (docs/campaigns.md, "Care"): for one request, in order — a key already sent (or being sent)
 * answers {@code ALREADY_SENT}; the customer is looked up (erased → {@code ERASED}); the core's {@link Care}
 * decides consent, address, configuration, frequency cap and quiet hours; the template is rendered in the
 * customer's language; the key is claimed in the message log (one instance wins) — for a capped marketing message
 * while holding the customer's {@link CustomerLock}, the cap read again under it, so the cap holds across instances;
 * the channel sends (the lock let go); the outcome is recorded. Every outcome is in the log, with its reason; the
 * body and the address are not.
 *
 * <p>At most once: a process that dies after the channel accepted the message and before the log says SENT
 * leaves the key CLAIMED, and a claimed key is never sent again (the log shows it as unsure). A channel's refusal
 * frees the key, so the engine may ask again.
 */
public final class DeliveringMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(DeliveringMessenger.class);

    private final JdbcStores stores;
    private final JdbcMessageSettings settings;
    private final JdbcContacts contacts;
    private final JdbcMessageLog messages;
    private final CustomerLock lock;
    private final SecretBox box;
    private final UnsubscribeTokens tokens;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final WebhookChannel webhook;
    private final String publicUrl;
    private final Clock clock;

    public DeliveringMessenger(
            JdbcStores stores,
            JdbcMessageSettings settings,
            JdbcContacts contacts,
            JdbcMessageLog messages,
            CustomerLock lock,
            SecretBox box,
            UnsubscribeTokens tokens,
            EmailChannel email,
            SmsChannel sms,
            WebhookChannel webhook,
            String publicUrl,
            Clock clock) {
        this.stores = stores;
        this.settings = settings;
        this.contacts = contacts;
        this.messages = messages;
        this.lock = lock;
        this.box = box;
        this.tokens = tokens;
        this.email = email;
        this.sms = sms;
        this.webhook = webhook;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** The one-click unsubscribe address for a customer and channel. */
    public String unsubscribeUrl(Store store, Channel channel, String customerId) {
        return publicUrl + "/u/" + tokens.token(store.id(), channel, customerId);
    }

    @Override
    public SendOutcome send(MessageRequest request) {
        Instant now = clock.instant();
        if (messages.find(request.store(), request.idempotencyKey())
                .filter(JdbcMessageLog.Entry::taken)
                .isPresent()) {
            return new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT);
        }
        Store store = stores.findById(request.store())
                .orElseThrow(() -> new IllegalArgumentException("no store " + request.store()));
        MessageSettings config = settings.of(store.id());
        Optional<Contact> found = contacts.contact(store.id(), request.customerId());
        if (found.isEmpty()) {
            return noted(
                    request,
                    null,
                    new SendOutcome.Failed(
                            "store " + store.slug() + " has no customer '" + request.customerId() + "'", false),
                    now);
        }
        Contact contact = found.get();
        String language =
                contact.erased() ? null : Languages.choose(request.template(), contact.language(), config.language());
        Consent consent = contact.erased()
                ? null
                : contacts.current(store.id(), contact.customerId(), request.channel(), request.purpose());
        Instant last = contact.erased() || request.purpose() != io.basira.campaigns.Purpose.MARKETING
                ? null
                : messages.lastMarketing(store.id(), contact.customerId(), request.channel());
        Care care = new Care(config.quietHours(), config.caps(), store.timeZone());
        Optional<SendOutcome> held = care.check(
                request.channel(),
                request.purpose(),
                contact,
                config.configured(request.channel()),
                consent,
                last,
                now);
        if (held.isPresent()) {
            return noted(request, language, held.get(), now);
        }
        String unsubscribe = unsubscribeUrl(store, request.channel(), contact.customerId());
        RenderedMessage rendered;
        try {
            rendered = MessageRendering.render(
                    request.channel(),
                    request.purpose(),
                    request.template(),
                    contact.language(),
                    config.language(),
                    contact.firstName(),
                    store.name(),
                    request.variables(),
                    unsubscribe,
                    store.timeZone());
        } catch (IllegalArgumentException e) {
            return noted(
                    request, language, new SendOutcome.Failed("the template is wrong: " + e.getMessage(), false), now);
        }
        boolean capped = request.purpose() == io.basira.campaigns.Purpose.MARKETING
                && !config.caps().window(request.channel()).isZero();
        // a capped message: the cap read again and the claim made while holding the customer's lock, so that of two
        // messages sent to one customer at once (two instances, two campaigns) one goes and the other waits
        Optional<SendOutcome> notNow = capped
                ? lock.holding(
                        store.id(),
                        contact.customerId(),
                        () -> capThenClaim(request, care, contact, consent, rendered.language(), now))
                : claim(request, rendered.language(), now);
        if (notNow.isPresent()) {
            return notNow.get() instanceof SendOutcome.Suppressed
                    ? notNow.get()
                    : noted(request, language, notNow.get(), now);
        }
        SendOutcome outcome;
        try {
            outcome = deliver(request, config, contact, rendered, unsubscribe);
        } catch (RuntimeException e) {
            // nothing is known to have gone: recorded as a retryable failure
            log.warn("sending a {} message of store {} failed: {}", request.channel(), store.slug(), e.toString());
            outcome = new SendOutcome.Failed("unexpected: " + e.getClass().getSimpleName(), true);
        }
        messages.settle(request, outcome, clock.instant());
        return outcome;
    }

    /** Under the customer's lock: the cap (and quiet hours) on the last marketing message as it is now, then the claim. */
    private Optional<SendOutcome> capThenClaim(
            MessageRequest request, Care care, Contact contact, Consent consent, String language, Instant now) {
        Instant last = messages.lastMarketing(request.store(), contact.customerId(), request.channel());
        return care.check(request.channel(), request.purpose(), contact, true, consent, last, now)
                .or(() -> claim(request, language, now));
    }

    /** Claims the key: empty when this request may send it, {@code ALREADY_SENT} when another holds it. */
    private Optional<SendOutcome> claim(MessageRequest request, String language, Instant now) {
        return messages.claim(request, language, now)
                ? Optional.empty()
                : Optional.of(new SendOutcome.Suppressed(SuppressReason.ALREADY_SENT));
    }

    private SendOutcome deliver(
            MessageRequest request,
            MessageSettings config,
            Contact contact,
            RenderedMessage rendered,
            String unsubscribe) {
        boolean marketing = request.purpose() == io.basira.campaigns.Purpose.MARKETING;
        return switch (request.channel()) {
            case EMAIL ->
                email.send(
                        config,
                        open(config.smtpPasswordSealed()),
                        new EmailChannel.Email(contact.email(), rendered, marketing ? unsubscribe : null));
            case SMS ->
                sms.send(
                        config,
                        open(config.smsSecretSealed()),
                        contact.phone(),
                        rendered.text(),
                        WebhookChannel.hash(request.idempotencyKey()));
            case WEBHOOK -> webhook.send(request, rendered);
        };
    }

    private String open(String sealed) {
        return sealed == null ? null : box.open(sealed);
    }

    private SendOutcome noted(MessageRequest request, String language, SendOutcome outcome, Instant now) {
        messages.note(request, language, outcome, now);
        return outcome;
    }
}
