package io.basira.server.campaigns.jdbc;

import static io.basira.server.campaigns.jdbc.JdbcCampaigns.instant;
import static io.basira.server.campaigns.jdbc.JdbcCampaigns.utc;

import io.basira.campaigns.Arm;
import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignKind;
import io.basira.campaigns.CampaignStops;
import io.basira.campaigns.DueEnrolments;
import io.basira.campaigns.Enrolment;
import io.basira.campaigns.EnrolmentState;
import io.basira.campaigns.NewEnrolment;
import io.basira.campaigns.lift.ArmResult;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code campaign_enrolments} table (V110): one row per (campaign, customer, trigger), written once
 * ({@link #enrol}: PostgreSQL's {@code ON CONFLICT DO NOTHING}, on H2 an insert of what is not there), claimed when
 * due ({@link #claim}: in one transaction, on PostgreSQL {@code FOR UPDATE SKIP LOCKED} so instances take different
 * rows; the claim puts the row off by a lease, so a process that dies while sending leaves it due again) and settled
 * with its outcome ({@link #settle}, ignored when the claim is no longer this one's). Also the stops read at sending
 * time (a cart bought, an order since the trigger) and the report's figures.
 */
public final class JdbcEnrolments implements DueEnrolments, CampaignStops {

    private static final String ENROLMENT_COLUMNS = "e.id, e.campaign_id, e.customer_external_id, e.trigger_key, "
            + "e.subject, e.arm, e.state, e.started_at, e.due_at, e.attempts, e.reason";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;

    public JdbcEnrolments(JdbcTemplate jdbc, TransactionTemplate transaction, boolean postgres) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.postgres = postgres;
    }

    /** Stores the enrolments not stored yet. @return those that were new, in the order planned */
    public List<NewEnrolment> insertNew(StoreId store, List<NewEnrolment> planned, Instant now) {
        if (planned.isEmpty()) {
            return List.of();
        }
        String columns = "store_id, campaign_id, customer_external_id, trigger_key, subject, arm, state, started_at, "
                + "due_at, attempts, enrolled_at";
        List<NewEnrolment> fresh = new ArrayList<>();
        if (postgres) {
            // one multi-row INSERT per 500; RETURNING names exactly the rows written (a conflict returns nothing)
            for (int from = 0; from < planned.size(); from += 500) {
                List<NewEnrolment> chunk = planned.subList(from, Math.min(planned.size(), from + 500));
                String rows = String.join(
                        ", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"));
                List<Object> values = new ArrayList<>(chunk.size() * 10);
                Map<String, NewEnrolment> byKey = new LinkedHashMap<>();
                for (NewEnrolment e : chunk) {
                    values.addAll(java.util.Arrays.asList(
                            store.value(),
                            e.campaignId(),
                            e.customerId(),
                            e.triggerKey(),
                            e.subject(),
                            e.arm().code(),
                            e.initialState().code(),
                            utc(e.startedAt()),
                            utc(e.dueAt()),
                            utc(now)));
                    byKey.put(key(e.campaignId(), e.customerId(), e.triggerKey()), e);
                }
                java.util.Set<String> written = new java.util.HashSet<>(jdbc.query(
                        "INSERT INTO campaign_enrolments ("
                                + columns + ") VALUES " + rows
                                + " ON CONFLICT (campaign_id, customer_external_id, trigger_key) "
                                + "DO NOTHING RETURNING campaign_id, customer_external_id, trigger_key",
                        (rs, n) -> key(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        values.toArray()));
                byKey.forEach((key, e) -> {
                    if (written.contains(key)) {
                        fresh.add(e);
                    }
                });
            }
            return fresh;
        }
        String sql =
                "INSERT INTO campaign_enrolments (" + columns + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ? WHERE NOT "
                        + "EXISTS (SELECT 1 FROM campaign_enrolments WHERE campaign_id = ? AND customer_external_id = ? "
                        + "AND trigger_key = ?)";
        List<Object[]> rows = new ArrayList<>(planned.size());
        for (NewEnrolment e : planned) {
            rows.add(new Object[] {
                store.value(),
                e.campaignId(),
                e.customerId(),
                e.triggerKey(),
                e.subject(),
                e.arm().code(),
                e.initialState().code(),
                utc(e.startedAt()),
                utc(e.dueAt()),
                utc(now),
                e.campaignId(),
                e.customerId(),
                e.triggerKey()
            });
        }
        int index = 0;
        for (int[] counts : jdbc.batchUpdate(sql, rows, 1000, (ps, values) -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        })) {
            for (int count : counts) {
                if (count > 0) {
                    fresh.add(planned.get(index));
                }
                index++;
            }
        }
        return fresh;
    }

    private static String key(long campaignId, String customerId, String triggerKey) {
        return campaignId + "\u0000" + customerId + "\u0000" + triggerKey;
    }

    @Override
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    "SELECT e.id FROM campaign_enrolments e WHERE e.state = 'pending' AND "
                            + "e.due_at <= ? AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = e.campaign_id AND "
                            + "c.status = 'active') ORDER BY e.due_at, e.id LIMIT " + limit
                            + (postgres ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"),
                    Long.class,
                    utc(now));
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
            Instant lease = leaseUntil.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            jdbc.update("UPDATE campaign_enrolments SET due_at = ? WHERE id IN (" + in + ")", utc(lease));
            Map<Long, StoreId> stores = new LinkedHashMap<>();
            List<Enrolment> enrolments = jdbc.query(
                    "SELECT " + ENROLMENT_COLUMNS + ", e.store_id FROM " + "campaign_enrolments e WHERE e.id IN (" + in
                            + ") ORDER BY e.id",
                    (rs, n) -> {
                        Enrolment e = ENROLMENT.mapRow(rs, n);
                        stores.put(e.id(), new StoreId(rs.getLong("store_id")));
                        return e;
                    });
            String campaignIds = enrolments.stream()
                    .map(e -> String.valueOf(e.campaignId()))
                    .distinct()
                    .collect(Collectors.joining(", "));
            Map<Long, Campaign> campaigns = new LinkedHashMap<>();
            jdbc.query(
                    "SELECT " + JdbcCampaigns.COLUMNS + " FROM campaigns c WHERE c.id IN (" + campaignIds + ")", rs -> {
                        Campaign c = JdbcCampaigns.ROW.mapRow(rs, 0);
                        campaigns.put(c.id(), c);
                    });
            List<Due> claimed = new ArrayList<>(enrolments.size());
            for (Enrolment e : enrolments) {
                claimed.add(new Due(stores.get(e.id()), campaigns.get(e.campaignId()), e, lease));
            }
            return claimed;
        });
    }

    @Override
    public void settle(Due due, EnrolmentState state, Instant dueAt, int attempts, String reason) {
        jdbc.update(
                "UPDATE campaign_enrolments SET state = ?, due_at = ?, attempts = ?, reason = ? WHERE id = ? AND "
                        + "state = 'pending' AND due_at = ?",
                state.code(),
                utc(dueAt),
                attempts,
                reason,
                due.enrolment().id(),
                utc(due.lease()));
    }

    @Override
    public String stopReason(StoreId store, Campaign campaign, Enrolment enrolment) {
        if (campaign.kind() == CampaignKind.ABANDONED_CART && enrolment.subject() != null) {
            List<String> status = jdbc.queryForList(
                    "SELECT status FROM carts WHERE store_id = ? AND external_id = ?",
                    String.class,
                    store.value(),
                    enrolment.subject());
            if (status.isEmpty()) {
                return "cart_gone";
            }
            if (status.get(0).equals("converted") || status.get(0).equals("recovered")) {
                return "cart_bought";
            }
        }
        if (campaign.kind() == CampaignKind.ABANDONED_CART || campaign.kind() == CampaignKind.WIN_BACK) {
            Integer orders = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM orders WHERE store_id = ? AND "
                            + "customer_external_id = ? AND created_at > ?",
                    Integer.class,
                    store.value(),
                    enrolment.customerId(),
                    utc(enrolment.startedAt()));
            if (orders != null && orders > 0) {
                return "customer_ordered";
            }
        }
        return null;
    }

    /** Cancels the campaign's pending enrolments (it finished). @return how many */
    public int cancelPending(StoreId store, long campaignId, String reason, Instant now) {
        return jdbc.update(
                "UPDATE campaign_enrolments SET state = 'cancelled', reason = ?, due_at = ? WHERE "
                        + "store_id = ? AND campaign_id = ? AND state = 'pending'",
                reason,
                utc(now),
                store.value(),
                campaignId);
    }

    /** The store's enrolment, by id. */
    public Enrolment find(StoreId store, long id) {
        return jdbc
                .query(
                        "SELECT " + ENROLMENT_COLUMNS + " FROM campaign_enrolments e WHERE e.store_id = ? AND "
                                + "e.id = ?",
                        ENROLMENT,
                        store.value(),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The campaign's enrolments of one customer, oldest first. */
    public List<Enrolment> ofCustomer(StoreId store, long campaignId, String customerId) {
        return jdbc.query(
                "SELECT " + ENROLMENT_COLUMNS + " FROM campaign_enrolments e WHERE e.store_id = ? AND "
                        + "e.campaign_id = ? AND e.customer_external_id = ? ORDER BY e.due_at, e.id",
                ENROLMENT,
                store.value(),
                campaignId,
                customerId);
    }

    /** How many of the campaign's enrolments are in each state (and why, for the final ones with a reason). */
    public Map<String, Long> outcomes(StoreId store, long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT state, reason, COUNT(*) AS n FROM campaign_enrolments WHERE store_id = ? AND "
                        + "campaign_id = ? GROUP BY state, reason ORDER BY state, reason",
                rs -> {
                    String state = rs.getString("state");
                    String reason = rs.getString("reason");
                    boolean why = state.equals("suppressed") || state.equals("cancelled");
                    String key = reason == null || !why ? state : state + ":" + reason;
                    counts.merge(key, rs.getLong("n"), Long::sum);
                },
                store.value(),
                campaignId);
        return counts;
    }

    /**
     * The report's figures per arm: each customer enrolled counts once, from their first trigger; a conversion is
     * an order (not cancelled, returned or a quotation) after it and within the attribution window; revenue is
     * those orders' totals.
     */
    public Map<Arm, ArmResult> results(StoreId store, Campaign campaign) {
        String window = "INTERVAL '" + campaign.attributionDays() + "' DAY";
        Map<Arm, ArmResult> results = new LinkedHashMap<>();
        results.put(Arm.TREATMENT, new ArmResult(0, 0, 0));
        results.put(Arm.CONTROL, new ArmResult(0, 0, 0));
        jdbc.query(
                "SELECT p.arm, COUNT(*) AS recipients, SUM(CASE WHEN p.orders > 0 THEN 1 ELSE 0 END) AS converted, "
                        + "COALESCE(SUM(p.revenue), 0) AS revenue FROM (SELECT s.customer_external_id, s.arm, COUNT(o.external_id) "
                        + "AS orders, COALESCE(SUM(o.total_minor), 0) AS revenue FROM (SELECT customer_external_id, MIN(arm) AS "
                        + "arm, MIN(started_at) AS first_at FROM campaign_enrolments WHERE store_id = ? AND campaign_id = ? "
                        + "GROUP BY customer_external_id) s LEFT JOIN orders o ON o.store_id = ? AND o.customer_external_id = "
                        + "s.customer_external_id AND o.created_at > s.first_at AND o.created_at <= s.first_at + "
                        + window
                        + " AND o.status NOT IN ('cancelled', 'returned', 'quotation') GROUP BY s.customer_external_id, s.arm) p "
                        + "GROUP BY p.arm",
                rs -> {
                    results.put(
                            Arm.fromCode(rs.getString("arm")),
                            new ArmResult(rs.getLong("recipients"), rs.getLong("converted"), rs.getLong("revenue")));
                },
                store.value(),
                campaign.id(),
                store.value());
        return results;
    }

    /** Whether the store has any enrolment (most stores run no campaign: their orders are not looked at). */
    public boolean any(StoreId store) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM campaign_enrolments WHERE store_id = ? FETCH FIRST 1 ROWS ONLY",
                        Integer.class,
                        store.value())
                .isEmpty();
    }

    /**
     * An enrolment not converted yet and an order of its customer placed after its trigger (the caller checks the
     * campaign's attribution window: {@code attributionDays}).
     */
    public record Candidate(
            long enrolmentId,
            long campaignId,
            String customerId,
            String triggerKey,
            Arm arm,
            Instant startedAt,
            int attributionDays,
            String orderId,
            Instant orderedAt) {}

    /**
     * The candidates among these orders of the store that count as a conversion (not cancelled, returned or a
     * quotation), oldest order first.
     */
    public List<Candidate> conversionCandidates(StoreId store, List<String> orderIds) {
        return candidates(store, "o.external_id", orderIds);
    }

    /** The same, for every order of these customers (enrolments just stored: an order may have come first). */
    public List<Candidate> conversionCandidatesOfCustomers(StoreId store, List<String> customerIds) {
        return candidates(store, "o.customer_external_id", customerIds);
    }

    private List<Candidate> candidates(StoreId store, String column, List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        List<Object> args = new ArrayList<>(values.size() + 1);
        args.add(store.value());
        args.addAll(values);
        return jdbc.query(
                "SELECT e.id, e.campaign_id, e.customer_external_id, e.trigger_key, e.arm, e.started_at, "
                        + "c.attribution_days, o.external_id, o.created_at FROM orders o JOIN campaign_enrolments e ON "
                        + "e.store_id = o.store_id AND e.customer_external_id = o.customer_external_id AND "
                        + "e.converted_order_id IS NULL AND o.created_at > e.started_at JOIN campaigns c ON c.id = e.campaign_id "
                        + "WHERE o.store_id = ? AND " + column + " IN (" + marks
                        + ") AND o.status NOT IN ('cancelled', "
                        + "'returned', 'quotation') ORDER BY o.created_at, o.external_id, e.id",
                (rs, n) -> new Candidate(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Arm.fromCode(rs.getString(5)),
                        instant(rs, "started_at"),
                        rs.getInt(7),
                        rs.getString(8),
                        instant(rs, "created_at")),
                args.toArray());
    }

    /** Marks the enrolment converted by the order, unless it is already. @return whether this call marked it */
    public boolean markConverted(long enrolmentId, String orderId, Instant orderedAt) {
        return jdbc.update(
                        "UPDATE campaign_enrolments SET converted_order_id = ?, converted_at = ? WHERE id = ? AND "
                                + "converted_order_id IS NULL",
                        orderId,
                        utc(orderedAt),
                        enrolmentId)
                == 1;
    }

    /** Pending enrolments, every store (the bench's and the gauges' figure). */
    public long pending() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_enrolments WHERE state = 'pending'", Long.class);
        return n == null ? 0 : n;
    }

    /** An abandoned cart of a known customer. */
    public record AbandonedCart(String cartId, String customerId, Instant abandonedAt) {}

    /**
     * The store's abandoned carts of known customers, abandoned at or after {@code since}, not yet enrolled in the
     * campaign (their first reminder's trigger is not stored).
     */
    public List<AbandonedCart> abandonedNotEnrolled(StoreId store, long campaignId, Instant since, int limit) {
        return jdbc.query(
                "SELECT k.external_id, k.customer_external_id, COALESCE(k.updated_at, k.created_at) AS at "
                        + "FROM carts k WHERE k.store_id = ? AND k.status = 'abandoned' AND k.customer_external_id IS NOT NULL "
                        + "AND COALESCE(k.updated_at, k.created_at) >= ? AND NOT EXISTS (SELECT 1 FROM campaign_enrolments e "
                        + "WHERE e.campaign_id = ? AND e.customer_external_id = k.customer_external_id AND e.trigger_key = "
                        + "CONCAT('cart:', k.external_id, ':1')) ORDER BY at LIMIT " + limit,
                (rs, n) -> new AbandonedCart(rs.getString(1), rs.getString(2), instant(rs, "at")),
                store.value(),
                utc(since),
                campaignId);
    }

    static final RowMapper<Enrolment> ENROLMENT = (rs, n) -> new Enrolment(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            Arm.fromCode(rs.getString(6)),
            EnrolmentState.fromCode(rs.getString(7)),
            instant(rs, "started_at"),
            instant(rs, "due_at"),
            rs.getInt(10),
            rs.getString(11));
}
