package io.basira.server.messaging;

import io.basira.campaigns.Channel;
import io.basira.campaigns.delivery.FrequencyCaps;
import io.basira.campaigns.delivery.QuietHours;
import java.time.Duration;
import java.time.LocalTime;

/**
 * A store's channels and care settings. The SMTP password and the SMS gateway's secret are kept sealed
 * ({@code SecretBox}) and only opened to send; {@link #toString()} never shows them.
 *
 * @param smtpTls {@code starttls} (required), {@code tls} (implicit, port 465) or {@code none}
 * @param smsProvider {@code unifonic}, {@code twilio} or {@code json}; null when SMS is not set up
 * @param smsUrl the gateway's base address (defaults per provider; a generic JSON gateway needs one)
 * @param smsAccount Unifonic's AppSid, Twilio's Account SID, or the JSON gateway's user (may be empty)
 * @param smsSender the sender name or number (Twilio: a number, or a Messaging Service SID starting {@code MG})
 */
public record MessageSettings(
        String smtpHost,
        Integer smtpPort,
        String smtpUsername,
        String smtpPasswordSealed,
        String smtpTls,
        String emailFrom,
        String smsProvider,
        String smsUrl,
        String smsAccount,
        String smsSecretSealed,
        String smsSender,
        String language,
        LocalTime quietStart,
        LocalTime quietEnd,
        int emailCapMinutes,
        int smsCapMinutes) {

    public static final MessageSettings DEFAULT = new MessageSettings(
            null,
            null,
            null,
            null,
            "starttls",
            null,
            null,
            null,
            null,
            null,
            null,
            "ar",
            QuietHours.DEFAULT.start(),
            QuietHours.DEFAULT.end(),
            16 * 60,
            24 * 60);

    public boolean configured(Channel channel) {
        return switch (channel) {
            case EMAIL -> smtpHost != null && !smtpHost.isBlank() && emailFrom != null && !emailFrom.isBlank();
            case SMS -> smsProvider != null && smsSender != null && !smsSender.isBlank();
            case WEBHOOK -> true;
        };
    }

    public QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd);
    }

    public FrequencyCaps caps() {
        return new FrequencyCaps(Duration.ofMinutes(emailCapMinutes), Duration.ofMinutes(smsCapMinutes));
    }

    @Override
    public String toString() {
        return "MessageSettings[smtp=" + smtpHost + ":" + smtpPort + ", from=" + emailFrom + ", sms=" + smsProvider
                + ", sender=" + smsSender + ", secrets hidden]";
    }
}
