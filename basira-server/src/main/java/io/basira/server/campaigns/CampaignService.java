package io.basira.server.campaigns;

import io.basira.campaigns.Arm;
import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignKind;
import io.basira.campaigns.CampaignStatus;
import io.basira.campaigns.InvalidCampaign;
import io.basira.campaigns.NewEnrolment;
import io.basira.campaigns.SendDueMessages;
import io.basira.campaigns.Triggers;
import io.basira.campaigns.lift.ArmResult;
import io.basira.campaigns.lift.LiftReport;
import io.basira.campaigns.lift.LiftStatistics;
import io.basira.server.campaigns.api.CampaignAnswers;
import io.basira.server.campaigns.jdbc.JdbcCampaigns;
import io.basira.server.campaigns.jdbc.JdbcEnrolments;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.Changes;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaigns' application service (docs/campaigns.md): what the API, the CLI, the dashboard, the loop and the jobs
 * do — definitions and their status, enrolling each trigger once, sending what is due, the report. Every call that
 * names a campaign names the store too: another store's campaign is not found.
 */
public final class CampaignService {

    /** Abandoned carts older than this when first seen are not reminded (a server down for a week does not spam). */
    static final Duration CART_LOOKBACK = Duration.ofDays(7);

    static final int BATCH = 500;

    private final JdbcCampaigns campaigns;
    private final JdbcEnrolments enrolments;
    private final EnrolCustomers enrol;
    private final SendDueMessages sender;
    private final JdbcStores stores;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final JsonMapper json;

    public CampaignService(
            JdbcCampaigns campaigns,
            JdbcEnrolments enrolments,
            EnrolCustomers enrol,
            SendDueMessages sender,
            JdbcStores stores,
            JdbcTemplate jdbc,
            Clock clock,
            AuditLog audit,
            JsonMapper json) {
        this.campaigns = campaigns;
        this.enrolments = enrolments;
        this.enrol = enrol;
        this.sender = sender;
        this.stores = stores;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.json = json;
    }

    public Campaign create(Store store, Campaign draft, AuditLog.Actor actor) {
        requireGroups(store.id(), draft);
        Campaign created = campaigns.create(store.id(), draft.withStatus(CampaignStatus.DRAFT, null), clock.instant());
        audited(store, actor, "campaign.create", null, created);
        return created;
    }

    /** Replaces a draft's or a paused campaign's definition; its status and activation stay. */
    public Campaign update(Store store, long id, Campaign changed, AuditLog.Actor actor) {
        Campaign current = show(store, id);
        if (current.status() == CampaignStatus.ACTIVE || current.status() == CampaignStatus.FINISHED) {
            throw new CampaignRefusal(
                    "campaign " + id + " is " + current.status().code() + "; pause it before changing it");
        }
        if (changed.kind() != current.kind()) {
            throw new InvalidCampaign(
                    "kind",
                    InvalidCampaign.Reason.KIND_CHANGED,
                    "kind: a campaign's kind cannot change (it is "
                            + current.kind().code() + ")",
                    current.kind().code());
        }
        requireGroups(store.id(), changed);
        Campaign next = new Campaign(
                id,
                changed.name(),
                current.kind(),
                current.status(),
                changed.channel(),
                changed.purpose(),
                changed.template(),
                changed.controlPercent(),
                changed.attributionDays(),
                changed.firstDelay(),
                changed.secondDelay(),
                changed.inactiveDays(),
                changed.groups(),
                changed.scheduledAt(),
                changed.discount(),
                changed.surveyQuestion(),
                current.activatedAt());
        campaigns.update(store.id(), next, clock.instant());
        audited(store, actor, "campaign.change", current, next);
        return next;
    }

    /** Moves the campaign to {@code to} (activate, pause, finish); finishing cancels what is still pending. */
    public Campaign move(Store store, long id, CampaignStatus to, AuditLog.Actor actor) {
        Campaign current = show(store, id);
        if (current.status() == to) {
            return current;
        }
        if (!Campaign.canMove(current.status(), to)) {
            throw new CampaignRefusal(
                    "campaign " + id + " is " + current.status().code() + " and cannot become " + to.code());
        }
        Instant now = clock.instant();
        Campaign next = current.withStatus(to, now);
        campaigns.update(store.id(), next, now);
        if (to == CampaignStatus.FINISHED) {
            enrolments.cancelPending(store.id(), id, "campaign_finished", now);
        }
        audited(store, actor, "campaign." + to.code(), current, next);
        return next;
    }

    /** The change in the store's audit log (docs/privacy.md), field by field, as the API shows a campaign. */
    @SuppressWarnings("unchecked")
    private void audited(Store store, AuditLog.Actor actor, String action, Campaign before, Campaign after) {
        Map<String, Object> was =
                before == null ? null : json.convertValue(CampaignAnswers.CampaignAnswer.of(before), Map.class);
        Map<String, Object> now = json.convertValue(CampaignAnswers.CampaignAnswer.of(after), Map.class);
        audit.record(
                store.id(),
                actor,
                action,
                new AuditLog.Subject("campaign", Long.toString(after.id()), after.name(), null),
                Changes.between(was, now, audit.groupNames(store.id())));
    }

    public Campaign show(Store store, long id) {
        return campaigns
                .find(store.id(), id)
                .orElseThrow(() -> new NotFoundException("no campaign " + id + " in this store"));
    }

    public List<Campaign> list(Store store) {
        return campaigns.list(store.id());
    }

    /** A campaign's report: what became of its messages, the lift, the survey's answers. */
    public record Report(Campaign campaign, Map<String, Long> outcomes, LiftReport lift, List<SurveyAnswer> answers) {}

    public record SurveyAnswer(String answer, long count) {}

    public Report report(Store store, long id) {
        Campaign campaign = show(store, id);
        Map<Arm, ArmResult> results = enrolments.results(store.id(), campaign);
        LiftReport lift = LiftStatistics.report(results.get(Arm.TREATMENT), results.get(Arm.CONTROL));
        List<SurveyAnswer> answers = jdbc.query(
                "SELECT answer, COUNT(*) AS n FROM campaign_survey_answers WHERE "
                        + "store_id = ? AND campaign_id = ? GROUP BY answer ORDER BY n DESC, answer LIMIT 50",
                (rs, n) -> new SurveyAnswer(rs.getString(1), rs.getLong(2)),
                store.id().value(),
                id);
        return new Report(campaign, enrolments.outcomes(store.id(), id), lift, answers);
    }

    /** What one run did: enrolments written, then the sending round. */
    public record Run(int enrolled, SendDueMessages.Round round) {}

    /** Enrols what is due (abandoned carts, one-offs due) and sends what is due, every store. */
    public Run runDue() {
        int enrolled = enrolAbandonedCarts() + enrolOneOffs();
        return new Run(enrolled, sender.sendAllDue(BATCH));
    }

    /** Enrols the abandoned carts of every active abandoned-cart campaign not enrolled yet. */
    int enrolAbandonedCarts() {
        Instant now = clock.instant();
        int enrolled = 0;
        for (JdbcCampaigns.Stored stored : campaigns.active(CampaignKind.ABANDONED_CART)) {
            Campaign campaign = stored.campaign();
            Instant since = now.minus(CART_LOOKBACK);
            if (campaign.activatedAt() != null && campaign.activatedAt().isAfter(since)) {
                since = campaign.activatedAt();
            }
            while (true) {
                List<JdbcEnrolments.AbandonedCart> carts =
                        enrolments.abandonedNotEnrolled(stored.store(), campaign.id(), since, BATCH);
                List<NewEnrolment> planned = new ArrayList<>();
                for (JdbcEnrolments.AbandonedCart cart : carts) {
                    planned.addAll(Triggers.abandonedCart(
                            stored.store(), campaign, cart.customerId(), cart.cartId(), cart.abandonedAt()));
                }
                enrolled += enrol.enrol(stored.store(), planned, now);
                if (carts.size() < BATCH) {
                    break;
                }
            }
        }
        return enrolled;
    }

    /** Enrols the members of the groups of each active one-off campaign whose time came, once. */
    int enrolOneOffs() {
        Instant now = clock.instant();
        int enrolled = 0;
        for (JdbcCampaigns.Stored stored : campaigns.oneOffsDue(now)) {
            Campaign campaign = stored.campaign();
            List<NewEnrolment> planned = new ArrayList<>();
            for (String customer : members(stored.store(), campaign.groups())) {
                planned.add(Triggers.oneOff(stored.store(), campaign, customer, now));
                if (planned.size() == BATCH) {
                    enrolled += enrol.enrol(stored.store(), planned, now);
                    planned.clear();
                }
            }
            enrolled += enrol.enrol(stored.store(), planned, now);
            campaigns.markEnrolledOnce(campaign.id(), now);
        }
        return enrolled;
    }

    /**
     * The store's midnight (a {@code StoreMidnightJob}): enrols the inactive customers of its active win-back
     * campaigns and the customers whose birthday it is of its birthday campaigns, once per store day.
     */
    public int midnight(Store store) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(store.timeZone()).toLocalDate();
        int enrolled = 0;
        for (Campaign campaign : campaigns.active(store.id(), CampaignKind.WIN_BACK)) {
            Instant before = today.minusDays(campaign.inactiveDays())
                    .atStartOfDay(store.timeZone())
                    .toInstant();
            List<NewEnrolment> planned = jdbc.query(
                    "SELECT external_id, last_purchase_at FROM customers WHERE "
                            + "store_id = ? AND last_purchase_at IS NOT NULL AND last_purchase_at < ?",
                    (rs, n) -> Triggers.winBack(
                            store.id(),
                            campaign,
                            rs.getString(1),
                            JdbcCampaigns.instant(rs, "last_purchase_at")
                                    .atZone(store.timeZone())
                                    .toLocalDate(),
                            now),
                    store.id().value(),
                    JdbcCampaigns.utc(before));
            enrolled += enrol.enrol(store.id(), planned, now);
            campaigns.markMidnight(campaign.id(), today);
        }
        for (Campaign campaign : campaigns.active(store.id(), CampaignKind.BIRTHDAY)) {
            MonthDay day = MonthDay.from(today);
            List<NewEnrolment> planned = new ArrayList<>();
            jdbc.query(
                    "SELECT external_id, birth_date FROM customers WHERE store_id = ? AND birth_date IS NOT NULL",
                    rs -> {
                        LocalDate born = rs.getObject(2, LocalDate.class);
                        MonthDay birthday = MonthDay.from(born);
                        boolean leapDay = birthday.getMonthValue() == 2 && birthday.getDayOfMonth() == 29;
                        if (birthday.equals(day)
                                || (leapDay && !today.isLeapYear() && day.equals(MonthDay.of(2, 28)))) {
                            planned.add(Triggers.birthday(store.id(), campaign, rs.getString(1), today.getYear(), now));
                        }
                    },
                    store.id().value());
            enrolled += enrol.enrol(store.id(), planned, now);
            campaigns.markMidnight(campaign.id(), today);
        }
        return enrolled;
    }

    /** Customers entered groups: enrols them in the store's active group-entry campaigns on those groups. */
    public int entered(StoreId store, Map<String, Set<String>> entered, String entryId, Instant at) {
        Instant now = clock.instant();
        int enrolled = 0;
        for (Campaign campaign : campaigns.active(store, CampaignKind.GROUP_ENTRY)) {
            List<NewEnrolment> planned = new ArrayList<>();
            for (String group : campaign.groups()) {
                for (String customer : entered.getOrDefault(group, Set.of())) {
                    planned.add(Triggers.groupEntry(store, campaign, customer, group, entryId, at, now));
                }
            }
            enrolled += enrol.enrol(store, planned, now);
        }
        return enrolled;
    }

    /** Points of customers are about to expire: enrols them in the store's active points-expiring campaigns. */
    public int pointsExpiring(StoreId store, Map<String, LocalDate> expiring) {
        Instant now = clock.instant();
        int enrolled = 0;
        for (Campaign campaign : campaigns.active(store, CampaignKind.POINTS_EXPIRING)) {
            List<NewEnrolment> planned = new ArrayList<>();
            expiring.forEach(
                    (customer, on) -> planned.add(Triggers.pointsExpiring(store, campaign, customer, on, now)));
            enrolled += enrol.enrol(store, planned, now);
        }
        return enrolled;
    }

    private List<String> members(StoreId store, List<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(groups.size(), "?"));
        Object[] args = new Object[groups.size() + 1];
        args[0] = store.value();
        for (int i = 0; i < groups.size(); i++) {
            args[i + 1] = groups.get(i);
        }
        return jdbc.queryForList(
                "SELECT DISTINCT customer_external_id FROM group_members WHERE store_id = ? AND " + "group_key IN ("
                        + marks + ") ORDER BY customer_external_id",
                String.class,
                args);
    }

    private void requireGroups(StoreId store, Campaign campaign) {
        for (String group : campaign.groups()) {
            Integer found = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM groups WHERE store_id = ? AND group_key = ?",
                    Integer.class,
                    store.value(),
                    group);
            if (found == null || found == 0) {
                throw new InvalidCampaign(
                        "groups",
                        InvalidCampaign.Reason.UNKNOWN_GROUP,
                        "groups: no group '" + group + "' in this store",
                        group);
            }
        }
    }

    /** The lift in plain English (the CLI's and the API's words). */
    public static String liftInEnglish(LiftReport report) {
        return LiftWords.english(report);
    }

    /** The stores' handle for the CLI. */
    public Store store(String slug) {
        return stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("no store '" + slug + "'"));
    }
}
