package io.basira.server.messaging.jdbc;

import io.basira.server.messaging.MessageSettings;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code message_settings} table: one row per store, absent until the store saves its settings. */
public final class JdbcMessageSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcMessageSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MessageSettings of(StoreId store) {
        List<MessageSettings> found = jdbc.query(
                "SELECT * FROM message_settings WHERE store_id = ?",
                (rs, n) -> new MessageSettings(
                        rs.getString("smtp_host"),
                        (Integer) rs.getObject("smtp_port"),
                        rs.getString("smtp_username"),
                        rs.getString("smtp_password_sealed"),
                        rs.getString("smtp_tls"),
                        rs.getString("email_from"),
                        rs.getString("sms_provider"),
                        rs.getString("sms_url"),
                        rs.getString("sms_account"),
                        rs.getString("sms_secret_sealed"),
                        rs.getString("sms_sender"),
                        rs.getString("language"),
                        LocalTime.parse(rs.getString("quiet_start")),
                        LocalTime.parse(rs.getString("quiet_end")),
                        rs.getInt("email_cap_minutes"),
                        rs.getInt("sms_cap_minutes")),
                store.value());
        return found.isEmpty() ? MessageSettings.DEFAULT : found.get(0);
    }

    /** Replaces the store's settings (the sealed secrets as given: the caller keeps the old ones when none are typed). */
    public void save(StoreId store, MessageSettings s) {
        Object[] values = {
            s.smtpHost(),
            s.smtpPort(),
            s.smtpUsername(),
            s.smtpPasswordSealed(),
            s.smtpTls(),
            s.emailFrom(),
            s.smsProvider(),
            s.smsUrl(),
            s.smsAccount(),
            s.smsSecretSealed(),
            s.smsSender(),
            s.language(),
            hhmm(s.quietStart()),
            hhmm(s.quietEnd()),
            s.emailCapMinutes(),
            s.smsCapMinutes(),
            MessagingSql.at(clock.instant()),
            store.value()
        };
        int updated = jdbc.update(
                "UPDATE message_settings SET smtp_host = ?, smtp_port = ?, smtp_username = ?, "
                        + "smtp_password_sealed = ?, smtp_tls = ?, email_from = ?, sms_provider = ?, sms_url = ?, sms_account = ?, "
                        + "sms_secret_sealed = ?, sms_sender = ?, language = ?, quiet_start = ?, quiet_end = ?, "
                        + "email_cap_minutes = ?, sms_cap_minutes = ?, updated_at = ? WHERE store_id = ?",
                values);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO message_settings (smtp_host, smtp_port, smtp_username, smtp_password_sealed, "
                            + "smtp_tls, email_from, sms_provider, sms_url, sms_account, sms_secret_sealed, sms_sender, language, "
                            + "quiet_start, quiet_end, email_cap_minutes, sms_cap_minutes, updated_at, store_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values);
        }
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
