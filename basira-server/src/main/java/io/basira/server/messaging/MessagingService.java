package io.basira.server.messaging;

import io.basira.campaigns.Channel;
import io.basira.campaigns.ItemLink;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.TemplateText;
import io.basira.campaigns.delivery.Consent;
import io.basira.campaigns.delivery.Contact;
import io.basira.campaigns.delivery.Languages;
import io.basira.campaigns.delivery.MessageRendering;
import io.basira.campaigns.delivery.PhoneNumbers;
import io.basira.campaigns.delivery.RenderedMessage;
import io.basira.campaigns.delivery.TemplateProblem;
import io.basira.campaigns.delivery.TemplateRenderer;
import io.basira.server.messaging.jdbc.JdbcContacts;
import io.basira.server.messaging.jdbc.JdbcMessageLog;
import io.basira.server.messaging.jdbc.JdbcMessageSettings;
import io.basira.server.platform.errors.CodedRefusal;
import io.basira.server.platform.security.SecretBox;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.SettingsChanges;
import io.basira.shared.Money;
import io.basira.shared.NotFoundException;
import io.basira.shared.Numerals;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the API and the dashboard do with messages (docs/campaigns.md): the store's channel settings (secrets
 * sealed on the way in, never shown on the way out), previews of a template in both languages with sample values,
 * a test send to an address the merchant types, a customer's consent and language, their messages, and the
 * unsubscribe that the public link records.
 */
public final class MessagingService {

    /** The settings as typed; a blank secret keeps the one saved. */
    public record SettingsInput(
            String smtpHost,
            Integer smtpPort,
            String smtpUsername,
            String smtpPassword,
            String smtpTls,
            String emailFrom,
            String smsProvider,
            String smsUrl,
            String smsAccount,
            String smsSecret,
            String smsSender,
            String language,
            String quietStart,
            String quietEnd,
            Integer emailCapHours,
            Integer smsCapHours) {}

    private final JdbcMessageSettings settings;
    private final JdbcContacts contacts;
    private final JdbcMessageLog log;
    private final SecretBox box;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final DeliveringMessenger messenger;
    private final Clock clock;
    private final SettingsChanges audit;

    public MessagingService(
            JdbcMessageSettings settings,
            JdbcContacts contacts,
            JdbcMessageLog log,
            SecretBox box,
            EmailChannel email,
            SmsChannel sms,
            DeliveringMessenger messenger,
            Clock clock,
            SettingsChanges audit) {
        this.audit = audit;
        this.settings = settings;
        this.contacts = contacts;
        this.log = log;
        this.box = box;
        this.email = email;
        this.sms = sms;
        this.messenger = messenger;
        this.clock = clock;
    }

    public MessageSettings settings(Store store) {
        return settings.of(store.id());
    }

    /** The settings as the API and the page show them: every field but the secrets, which are only "set" or not. */
    public Map<String, Object> view(Store store) {
        MessageSettings s = settings.of(store.id());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("smtp_host", s.smtpHost());
        view.put("smtp_port", s.smtpPort());
        view.put("smtp_username", s.smtpUsername());
        view.put("smtp_password_set", s.smtpPasswordSealed() != null);
        view.put("smtp_tls", s.smtpTls());
        view.put("email_from", s.emailFrom());
        view.put("sms_provider", s.smsProvider());
        view.put("sms_url", s.smsUrl());
        view.put("sms_account", s.smsAccount());
        view.put("sms_secret_set", s.smsSecretSealed() != null);
        view.put("sms_sender", s.smsSender());
        view.put("language", s.language());
        view.put("quiet_start", s.quietStart().toString());
        view.put("quiet_end", s.quietEnd().toString());
        view.put("email_cap_hours", s.emailCapMinutes() / 60.0);
        view.put("sms_cap_hours", s.smsCapMinutes() / 60.0);
        view.put("email_ready", s.configured(Channel.EMAIL));
        view.put("sms_ready", s.configured(Channel.SMS));
        return view;
    }

    /**
     * Checks and saves the settings, and records {@code setting.messages} in the audit log with every field that
     * changed (the secrets masked, the gateway's address without user information or query), in one transaction.
     *
     * @throws IllegalArgumentException naming the field; nothing saved
     */
    public MessageSettings save(Store store, SettingsInput in, AuditLog.Actor actor) {
        return audit.together(() -> {
            MessageSettings old = settings.of(store.id());
            MessageSettings next = checked(old, in);
            settings.save(store.id(), next);
            audit.changed(store.id(), actor, "messages", audited(old, null), audited(next, old));
            return next;
        });
    }

    /**
     * The settings as the audit log shows them: every field of the page, secrets masked ({@link SettingsChanges}).
     *
     * @param before the settings before a change, to tell a new secret from the kept one; null for the "before" side
     */
    private static Map<String, Object> audited(MessageSettings s, MessageSettings before) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("smtp_host", s.smtpHost());
        fields.put("smtp_port", s.smtpPort());
        fields.put("smtp_username", s.smtpUsername());
        fields.put(
                "smtp_password",
                before == null
                        ? SettingsChanges.secretBefore(s.smtpPasswordSealed())
                        : SettingsChanges.secret(before.smtpPasswordSealed(), s.smtpPasswordSealed()));
        fields.put("smtp_tls", s.smtpTls());
        fields.put("email_from", s.emailFrom());
        fields.put("sms_provider", s.smsProvider());
        fields.put("sms_url", SettingsChanges.address(s.smsUrl()));
        fields.put("sms_account", s.smsAccount());
        fields.put(
                "sms_secret",
                before == null
                        ? SettingsChanges.secretBefore(s.smsSecretSealed())
                        : SettingsChanges.secret(before.smsSecretSealed(), s.smsSecretSealed()));
        fields.put("sms_sender", s.smsSender());
        fields.put("language", s.language());
        fields.put("quiet_start", s.quietStart().toString());
        fields.put("quiet_end", s.quietEnd().toString());
        fields.put("email_cap_hours", hoursText(s.emailCapMinutes()));
        fields.put("sms_cap_hours", hoursText(s.smsCapMinutes()));
        return fields;
    }

    private static String hoursText(int minutes) {
        return java.math.BigDecimal.valueOf(minutes)
                .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private MessageSettings checked(MessageSettings old, SettingsInput in) {
        String tls = blank(in.smtpTls()) ? "starttls" : in.smtpTls().strip().toLowerCase(Locale.ROOT);
        if (!List.of("starttls", "tls", "none").contains(tls)) {
            throw new CodedRefusal(
                    "messages.error.smtp-tls",
                    "smtp_tls '" + in.smtpTls() + "' must be starttls, tls or none",
                    in.smtpTls());
        }
        if (in.smtpPort() != null && (in.smtpPort() < 1 || in.smtpPort() > 65535)) {
            throw new CodedRefusal(
                    "messages.error.smtp-port", "smtp_port " + in.smtpPort() + " must be 1-65535", in.smtpPort());
        }
        if (!blank(in.emailFrom()) && !in.emailFrom().contains("@")) {
            throw new CodedRefusal(
                    "messages.error.email-from",
                    "email_from '" + in.emailFrom() + "' is not an e-mail address",
                    in.emailFrom());
        }
        String provider =
                blank(in.smsProvider()) ? null : in.smsProvider().strip().toLowerCase(Locale.ROOT);
        if (provider != null
                && !List.of(SmsChannel.UNIFONIC, SmsChannel.TWILIO, SmsChannel.JSON)
                        .contains(provider)) {
            throw new CodedRefusal(
                    "messages.error.sms-provider",
                    "sms_provider '" + in.smsProvider() + "' must be unifonic, twilio or json",
                    in.smsProvider());
        }
        if (SmsChannel.JSON.equals(provider) && blank(in.smsUrl())) {
            throw new CodedRefusal("messages.error.sms-url-needed", "sms_url is needed for a generic JSON gateway");
        }
        if (!blank(in.smsUrl()) && !in.smsUrl().strip().matches("https?://\\S+")) {
            throw new CodedRefusal(
                    "messages.error.sms-url",
                    "sms_url '" + in.smsUrl() + "' must start with http:// or https://",
                    in.smsUrl());
        }
        String language = blank(in.language()) ? old.language() : Languages.normalise(in.language());
        MessageSettings next = new MessageSettings(
                trim(in.smtpHost()),
                in.smtpPort(),
                trim(in.smtpUsername()),
                blank(in.smtpPassword()) ? old.smtpPasswordSealed() : box.seal(in.smtpPassword()),
                tls,
                trim(in.emailFrom()),
                provider,
                trim(in.smsUrl()),
                trim(in.smsAccount()),
                blank(in.smsSecret()) ? old.smsSecretSealed() : box.seal(in.smsSecret()),
                trim(in.smsSender()),
                language,
                time("quiet_start", in.quietStart(), old.quietStart()),
                time("quiet_end", in.quietEnd(), old.quietEnd()),
                hours("email_cap_hours", in.emailCapHours(), old.emailCapMinutes()),
                hours("sms_cap_hours", in.smsCapHours(), old.smsCapMinutes()));
        return next;
    }

    /** The template in each of its languages with sample values: subject, HTML or text, SMS segments. */
    public Map<String, RenderedMessage> preview(
            Store store, Channel channel, Purpose purpose, MessageTemplate template) {
        MessageSettings s = settings.of(store.id());
        Map<String, RenderedMessage> both = new LinkedHashMap<>();
        for (String language : List.of(Languages.ARABIC, Languages.ENGLISH)) {
            if (Languages.text(template, language) != null) {
                both.put(
                        language,
                        MessageRendering.render(
                                channel,
                                purpose,
                                template,
                                language,
                                s.language(),
                                language.equals(Languages.ARABIC) ? "سارة" : "Sara",
                                store.name(),
                                sample(store),
                                sampleUnsubscribe(store),
                                store.timeZone()));
            }
        }
        return both;
    }

    /** The template's syntax problems, per language, in English (empty when none): the API's problems. */
    public Map<String, String> problems(MessageTemplate template) {
        Map<String, String> problems = new LinkedHashMap<>();
        templateProblems(template).forEach((language, problem) -> problems.put(language, problem.getMessage()));
        return problems;
    }

    /** The template's syntax problems, per language (empty when none), coded for the dashboard. */
    public Map<String, TemplateProblem> templateProblems(MessageTemplate template) {
        Map<String, TemplateProblem> problems = new LinkedHashMap<>();
        for (String language : List.of(Languages.ARABIC, Languages.ENGLISH)) {
            TemplateText text = Languages.text(template, language);
            if (text != null) {
                TemplateProblem problem = TemplateRenderer.check(text.body());
                if (problem == null && text.subject() != null) {
                    problem = TemplateRenderer.check(text.subject());
                }
                if (problem != null) {
                    problems.put(language, problem);
                }
            }
        }
        return problems;
    }

    /**
     * Sends the template with sample values to an address or number the merchant typed, now (no consent, quiet
     * hours or caps: the merchant is the recipient); not part of any customer's log.
     */
    public SendOutcome testSend(Store store, Channel channel, MessageTemplate template, String language, String to) {
        MessageSettings s = settings.of(store.id());
        if (!s.configured(channel) || channel == Channel.WEBHOOK) {
            return new SendOutcome.Suppressed(SendOutcome.SuppressReason.CHANNEL_NOT_CONFIGURED);
        }
        String lang = blank(language) ? null : Languages.normalise(language);
        String unsubscribe = sampleUnsubscribe(store);
        RenderedMessage rendered = MessageRendering.render(
                channel,
                Purpose.MARKETING,
                template,
                lang,
                s.language(),
                "Sara",
                store.name(),
                sample(store),
                unsubscribe,
                store.timeZone());
        if (channel == Channel.EMAIL) {
            if (blank(to) || !to.contains("@")) {
                throw new CodedRefusal("messages.error.test-email", "'" + to + "' is not an e-mail address", to);
            }
            return email.send(
                    s,
                    s.smtpPasswordSealed() == null ? null : box.open(s.smtpPasswordSealed()),
                    new EmailChannel.Email(to.strip(), rendered, unsubscribe));
        }
        if (PhoneNumbers.e164(to) == null) {
            throw new CodedRefusal("messages.error.test-phone", "'" + to + "' is not a phone number", to);
        }
        return sms.send(
                s,
                s.smsSecretSealed() == null ? null : box.open(s.smsSecretSealed()),
                to,
                rendered.text(),
                "test-" + clock.millis());
    }

    /** A customer's language, current consent per channel and purpose, and consent history. */
    public Map<String, Object> consent(Store store, String customerId) {
        Contact contact = contacts.contact(store.id(), customerId)
                .orElseThrow(() -> new NotFoundException("no customer '" + customerId + "' in this store"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("customer_id", customerId);
        answer.put("erased", contact.erased());
        answer.put("language", contact.language());
        List<Map<String, Object>> current = new ArrayList<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            for (Purpose purpose : Purpose.values()) {
                Consent c = contact.erased() ? null : contacts.current(store.id(), customerId, channel, purpose);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("channel", channel.name().toLowerCase(Locale.ROOT));
                row.put("purpose", purpose.name().toLowerCase(Locale.ROOT));
                row.put("allowed", c != null ? c.granted() : purpose == Purpose.TRANSACTIONAL);
                row.put("unsubscribed", c != null && c.unsubscribed());
                row.put("source", c == null ? "default" : c.source());
                row.put("at", c == null ? null : c.at().toString());
                current.add(row);
            }
        }
        answer.put("current", current);
        answer.put(
                "history",
                contacts.history(store.id(), customerId).stream()
                        .map(MessagingService::row)
                        .toList());
        return answer;
    }

    public boolean record(
            Store store, String customerId, Channel channel, Purpose purpose, boolean granted, String source) {
        contacts.contact(store.id(), customerId)
                .filter(c -> !c.erased())
                .orElseThrow(() -> new NotFoundException("no customer '" + customerId + "' in this store"));
        return contacts.record(store.id(), customerId, channel, purpose, granted, source);
    }

    public void language(Store store, String customerId, String language) {
        contacts.contact(store.id(), customerId)
                .filter(c -> !c.erased())
                .orElseThrow(() -> new NotFoundException("no customer '" + customerId + "' in this store"));
        contacts.setLanguage(store.id(), customerId, Languages.normalise(language));
    }

    public List<JdbcMessageLog.Entry> messages(Store store, String customerId, int limit) {
        return log.ofCustomer(store.id(), customerId, limit);
    }

    /** The public link's one click: marketing on the token's channel is withdrawn (again: no new row). */
    public boolean unsubscribe(UnsubscribeTokens.Subject subject) {
        if (contacts.contact(subject.store(), subject.customerId())
                .filter(c -> !c.erased())
                .isEmpty()) {
            return false;
        }
        contacts.record(
                subject.store(), subject.customerId(), subject.channel(), Purpose.MARKETING, false, "unsubscribe-link");
        return true;
    }

    /** The store's SMS gateway as an inbound reply is checked against it: its provider and its secret, opened. */
    public record Gateway(String provider, String secret) {}

    /** The store's gateway, or null when SMS is not set up. */
    public Gateway gateway(io.basira.shared.StoreId store) {
        MessageSettings s = settings.of(store);
        if (s.smsProvider() == null) {
            return null;
        }
        return new Gateway(s.smsProvider(), s.smsSecretSealed() == null ? null : box.open(s.smsSecretSealed()));
    }

    /** What an inbound SMS did: whether it was a stop, and whose SMS marketing consent it withdrew. */
    public record Reply(boolean stop, List<String> withdrawn) {}

    /**
     * An SMS reply from {@code from}: when it is a stop ({@link io.basira.campaigns.delivery.StopWords}), SMS marketing
     * consent is withdrawn (source {@code sms-stop}, now) for every customer of the store with that number; an erased
     * customer has none. Anything else changes nothing. Twice is the same as once.
     */
    public Reply smsReply(io.basira.shared.StoreId store, String from, String text) {
        if (!io.basira.campaigns.delivery.StopWords.isStop(text)) {
            return new Reply(false, List.of());
        }
        String number = PhoneNumbers.e164(from);
        if (number == null) {
            return new Reply(true, List.of());
        }
        List<String> withdrawn = new ArrayList<>();
        for (String customer : contacts.withPhone(store, number)) {
            contacts.record(store, customer, Channel.SMS, Purpose.MARKETING, false, "sms-stop");
            withdrawn.add(customer);
        }
        return new Reply(true, withdrawn);
    }

    /** Whether the token's customer is unsubscribed from marketing on its channel. */
    public boolean unsubscribed(UnsubscribeTokens.Subject subject) {
        Consent c = contacts.current(subject.store(), subject.customerId(), subject.channel(), Purpose.MARKETING);
        return c != null && !c.granted();
    }

    static Map<String, Object> row(Consent c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("channel", c.channel().name().toLowerCase(Locale.ROOT));
        row.put("purpose", c.purpose().name().toLowerCase(Locale.ROOT));
        row.put("granted", c.granted());
        row.put("source", c.source());
        row.put("at", c.at().toString());
        return row;
    }

    private MessageVariables sample(Store store) {
        return new MessageVariables(
                List.of(
                        new ItemLink(
                                "sample-1",
                                "عطر العود الملكي",
                                "https://example.com/products/oud",
                                1,
                                Money.ofMinor(35000, store.currency())),
                        new ItemLink(
                                "sample-2",
                                "Musk Tahara",
                                "https://example.com/products/musk",
                                2,
                                Money.ofMinor(4500, store.currency()))),
                "SAVE10",
                clock.instant().plus(Duration.ofDays(7)),
                250L,
                clock.instant().plus(Duration.ofDays(30)),
                "https://example.com/survey");
    }

    private String sampleUnsubscribe(Store store) {
        return messenger.unsubscribeUrl(store, Channel.EMAIL, "sample");
    }

    private static LocalTime time(String field, String value, LocalTime old) {
        if (blank(value)) {
            return old;
        }
        try {
            return LocalTime.parse(Numerals.asciiDigits(value.strip()));
        } catch (DateTimeParseException e) {
            throw new CodedRefusal(
                    "messages.error." + field.replace('_', '-'),
                    field + " '" + value + "' is not a time like 21:00",
                    value);
        }
    }

    private static int hours(String field, Integer value, int oldMinutes) {
        if (value == null) {
            return oldMinutes;
        }
        if (value < 0 || value > 24 * 30) {
            throw new CodedRefusal(
                    "messages.error." + field.replace('_', '-'),
                    field + " " + value + " must be 0 (no cap) to 720 hours",
                    value);
        }
        return value * 60;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
