package io.basira.server.messaging.jdbc;

import io.basira.campaigns.Channel;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.delivery.Consent;
import io.basira.campaigns.delivery.Contact;
import io.basira.server.privacy.Tombstones;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer as the messenger sees them (the {@code customers} row, their {@code contact_preferences}, and
 * whether a tombstone names them) and their consent history ({@code contact_consents}, append-only).
 */
public final class JdbcContacts {

    private final JdbcTemplate jdbc;
    private final Tombstones tombstones;
    private final Clock clock;

    public JdbcContacts(JdbcTemplate jdbc, Tombstones tombstones, Clock clock) {
        this.jdbc = jdbc;
        this.tombstones = tombstones;
        this.clock = clock;
    }

    /** Empty when the store has no such customer (and never erased one by that id). */
    public Optional<Contact> contact(StoreId store, String customerId) {
        List<Contact> found = jdbc.query(
                "SELECT c.first_name, c.email, c.phone, p.language FROM customers c "
                        + "LEFT JOIN contact_preferences p ON p.store_id = c.store_id AND p.customer_external_id = c.external_id "
                        + "WHERE c.store_id = ? AND c.external_id = ?",
                (rs, n) -> new Contact(
                        customerId,
                        false,
                        rs.getString("first_name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("language")),
                store.value(),
                customerId);
        if (!found.isEmpty()) {
            return Optional.of(found.get(0));
        }
        return tombstones.pseudonymOf(store, customerId).map(pseudonym -> Contact.erased(customerId));
    }

    /**
     * The store's customers whose phone number is {@code e164} however it was written ({@code 05…}, {@code 009665…},
     * Arabic-Indic digits): narrowed by the phone key kept in the search text, then compared exactly.
     */
    public List<String> withPhone(StoreId store, String e164) {
        String key = io.basira.shared.SearchText.phoneKey(e164);
        if (key == null) {
            return List.of();
        }
        return jdbc
                .query(
                        "SELECT external_id, phone FROM customers WHERE store_id = ? AND phone IS NOT NULL AND "
                                + "search_text LIKE ? ORDER BY external_id",
                        (rs, n) -> e164.equals(io.basira.campaigns.delivery.PhoneNumbers.e164(rs.getString("phone")))
                                ? rs.getString("external_id")
                                : null,
                        store.value(),
                        "%" + key + "%")
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public void setLanguage(StoreId store, String customerId, String language) {
        java.time.OffsetDateTime now = MessagingSql.at(clock.instant());
        int updated = jdbc.update(
                "UPDATE contact_preferences SET language = ?, updated_at = ? WHERE store_id = ? "
                        + "AND customer_external_id = ?",
                language,
                now,
                store.value(),
                customerId);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO contact_preferences (store_id, customer_external_id, language, updated_at) "
                            + "VALUES (?, ?, ?, ?)",
                    store.value(),
                    customerId,
                    language,
                    now);
        }
    }

    /** The latest consent record of the channel and purpose, or null. */
    public Consent current(StoreId store, String customerId, Channel channel, Purpose purpose) {
        List<Consent> found = jdbc.query(
                "SELECT channel, purpose, granted, source, recorded_at FROM contact_consents "
                        + "WHERE store_id = ? AND customer_external_id = ? AND channel = ? AND purpose = ? ORDER BY id DESC "
                        + "FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> consent(rs),
                store.value(),
                customerId,
                channel.name(),
                purpose.name());
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every record, newest first. */
    public List<Consent> history(StoreId store, String customerId) {
        return jdbc.query(
                "SELECT channel, purpose, granted, source, recorded_at FROM contact_consents "
                        + "WHERE store_id = ? AND customer_external_id = ? ORDER BY id DESC",
                (rs, n) -> consent(rs),
                store.value(),
                customerId);
    }

    /**
     * Records a consent or withdrawal; idempotent: when the current state is already {@code granted} nothing is
     * written (the first record, its source and time, stand).
     *
     * @return whether a row was written
     */
    public boolean record(
            StoreId store, String customerId, Channel channel, Purpose purpose, boolean granted, String source) {
        Consent now = new Consent(channel, purpose, granted, source, clock.instant());
        Consent current = current(store, customerId, channel, purpose);
        if (current != null && current.granted() == granted) {
            return false;
        }
        jdbc.update(
                "INSERT INTO contact_consents (store_id, customer_external_id, channel, purpose, granted, source, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                store.value(),
                customerId,
                channel.name(),
                purpose.name(),
                granted,
                source,
                MessagingSql.at(now.at()));
        return true;
    }

    private static Consent consent(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Consent(
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getBoolean("granted"),
                rs.getString("source"),
                MessagingSql.instant(rs, "recorded_at"));
    }
}
