package io.basira.server.campaigns.jdbc;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignKind;
import io.basira.campaigns.CampaignStatus;
import io.basira.campaigns.Channel;
import io.basira.campaigns.Discount;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@code campaigns} table (V110): each store's campaign definitions. Every read and write names the store, so
 * one store never reads or changes another's campaign.
 */
public final class JdbcCampaigns {

    static final String COLUMNS = "c.id, c.store_id, c.name, c.kind, c.status, c.channel, c.purpose, c.subject_ar, "
            + "c.body_ar, c.subject_en, c.body_en, c.control_percent, c.attribution_days, c.first_delay_minutes, "
            + "c.second_delay_minutes, c.inactive_days, c.group_keys, c.scheduled_at, c.discount_percent, "
            + "c.discount_valid_days, c.survey_question, c.activated_at";

    private final JdbcTemplate jdbc;

    public JdbcCampaigns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new campaign. @return it with its id */
    public Campaign create(StoreId store, Campaign campaign, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var ps = connection.prepareStatement(
                            "INSERT INTO campaigns (store_id, name, kind, status, channel, "
                                    + "purpose, subject_ar, body_ar, subject_en, body_en, control_percent, attribution_days, "
                                    + "first_delay_minutes, second_delay_minutes, inactive_days, group_keys, scheduled_at, "
                                    + "discount_percent, discount_valid_days, survey_question, activated_at, created_at, updated_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, store.value());
                    Object[] values = values(campaign);
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 2, values[i]);
                    }
                    ps.setObject(22, utc(now));
                    ps.setObject(23, utc(now));
                    return ps;
                },
                key);
        return campaign.withId(key.getKey().longValue());
    }

    /** Replaces the definition (and status) of the store's campaign. @return whether it was there */
    public boolean update(StoreId store, Campaign campaign, Instant now) {
        Object[] values = values(campaign);
        Object[] all = Arrays.copyOf(values, values.length + 3);
        all[values.length] = utc(now);
        all[values.length + 1] = campaign.id();
        all[values.length + 2] = store.value();
        return jdbc.update(
                        "UPDATE campaigns SET name = ?, kind = ?, status = ?, channel = ?, purpose = ?, "
                                + "subject_ar = ?, body_ar = ?, subject_en = ?, body_en = ?, control_percent = ?, attribution_days = ?, "
                                + "first_delay_minutes = ?, second_delay_minutes = ?, inactive_days = ?, group_keys = ?, "
                                + "scheduled_at = ?, discount_percent = ?, discount_valid_days = ?, survey_question = ?, "
                                + "activated_at = ?, updated_at = ? WHERE id = ? AND store_id = ?",
                        all)
                == 1;
    }

    public Optional<Campaign> find(StoreId store, long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM campaigns c WHERE c.store_id = ? AND c.id = ?",
                        ROW,
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    /** The store's campaigns, newest first. */
    public List<Campaign> list(StoreId store) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM campaigns c WHERE c.store_id = ? ORDER BY c.id DESC", ROW, store.value());
    }

    /** A store and one of its campaigns. */
    public record Stored(StoreId store, Campaign campaign) {}

    /** The active campaigns of a kind, every store. */
    public List<Stored> active(CampaignKind kind) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM campaigns c WHERE c.status = 'active' AND c.kind = ? " + "ORDER BY c.id",
                (rs, n) -> new Stored(new StoreId(rs.getLong("store_id")), ROW.mapRow(rs, n)),
                kind.code());
    }

    /** The store's active campaigns of a kind. */
    public List<Campaign> active(StoreId store, CampaignKind kind) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM campaigns c WHERE c.store_id = ? AND c.status = 'active' "
                        + "AND c.kind = ? ORDER BY c.id",
                ROW,
                store.value(),
                kind.code());
    }

    /** Marks a one-off campaign's audience enrolled. @return whether this call did (not another before it) */
    public boolean markEnrolledOnce(long id, Instant now) {
        return jdbc.update(
                        "UPDATE campaigns SET enrolled_once_at = ? WHERE id = ? AND enrolled_once_at IS NULL",
                        utc(now),
                        id)
                == 1;
    }

    /** Active one-off campaigns whose audience is due (scheduled now or before) and not yet enrolled. */
    public List<Stored> oneOffsDue(Instant now) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM campaigns c WHERE c.status = 'active' AND c.kind = 'one_off' "
                        + "AND c.enrolled_once_at IS NULL AND (c.scheduled_at IS NULL OR c.scheduled_at <= ?) ORDER BY c.id",
                (rs, n) -> new Stored(new StoreId(rs.getLong("store_id")), ROW.mapRow(rs, n)),
                utc(now));
    }

    /** Records the store day a midnight campaign enrolled. @return false when that day was done already */
    public boolean markMidnight(long id, LocalDate day) {
        return jdbc.update(
                        "UPDATE campaigns SET last_midnight = ? WHERE id = ? AND (last_midnight IS NULL OR "
                                + "last_midnight < ?)",
                        day,
                        id,
                        day)
                == 1;
    }

    private static Object[] values(Campaign c) {
        TemplateText ar = c.template().arabic();
        TemplateText en = c.template().english();
        return new Object[] {
            c.name(),
            c.kind().code(),
            c.status().code(),
            c.channel().name().toLowerCase(Locale.ROOT),
            c.purpose().name().toLowerCase(Locale.ROOT),
            ar == null ? null : ar.subject(),
            ar == null ? null : ar.body(),
            en == null ? null : en.subject(),
            en == null ? null : en.body(),
            c.controlPercent(),
            c.attributionDays(),
            (int) c.firstDelay().toMinutes(),
            c.secondDelay() == null ? null : (int) c.secondDelay().toMinutes(),
            c.inactiveDays(),
            String.join(",", c.groups()),
            utc(c.scheduledAt()),
            c.discount() == null ? null : c.discount().percent(),
            c.discount() == null ? null : c.discount().validDays(),
            c.surveyQuestion(),
            utc(c.activatedAt())
        };
    }

    static final RowMapper<Campaign> ROW = (rs, n) -> {
        String subjectAr = rs.getString("subject_ar");
        String bodyAr = rs.getString("body_ar");
        String subjectEn = rs.getString("subject_en");
        String bodyEn = rs.getString("body_en");
        int second = rs.getInt("second_delay_minutes");
        Duration secondDelay = rs.wasNull() ? null : Duration.ofMinutes(second);
        int percent = rs.getInt("discount_percent");
        Discount discount = rs.wasNull() ? null : new Discount(percent, rs.getInt("discount_valid_days"));
        String groups = rs.getString("group_keys");
        return new Campaign(
                rs.getLong("id"),
                rs.getString("name"),
                CampaignKind.fromCode(rs.getString("kind")),
                CampaignStatus.fromCode(rs.getString("status")),
                Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)),
                Purpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT)),
                new MessageTemplate(
                        bodyAr == null ? null : new TemplateText(subjectAr, bodyAr),
                        bodyEn == null ? null : new TemplateText(subjectEn, bodyEn)),
                rs.getInt("control_percent"),
                rs.getInt("attribution_days"),
                Duration.ofMinutes(rs.getInt("first_delay_minutes")),
                secondDelay,
                rs.getInt("inactive_days"),
                groups == null || groups.isEmpty() ? List.of() : List.of(groups.split(",")),
                instant(rs, "scheduled_at"),
                discount,
                rs.getString("survey_question"),
                instant(rs, "activated_at"));
    };

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
