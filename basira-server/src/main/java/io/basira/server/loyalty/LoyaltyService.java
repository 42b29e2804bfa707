package io.basira.server.loyalty;

import io.basira.loyalty.AdjustPoints;
import io.basira.loyalty.GrantBonuses;
import io.basira.loyalty.LedgerEntry;
import io.basira.loyalty.LoyaltyMidnight;
import io.basira.loyalty.LoyaltyPorts;
import io.basira.loyalty.LoyaltyProgram;
import io.basira.loyalty.RebuildLedgers;
import io.basira.loyalty.RedeemPoints;
import io.basira.loyalty.Redemption;
import io.basira.server.loyalty.api.LoyaltyAnswers.CustomerAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.SummaryAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.TierCount;
import io.basira.server.loyalty.api.ProgramBody;
import io.basira.server.loyalty.jdbc.JdbcLoyaltyLedgers;
import io.basira.server.loyalty.jdbc.JdbcLoyaltyPrograms;
import io.basira.server.loyalty.jdbc.JdbcRedemptions;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.Changes;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API, the dashboard and the command line do with loyalty, each call in one transaction: the program,
 * a customer's ledger, adjustments and actions, redemptions, the summary (tier distribution and liability) and
 * the midnight work. No SQL here: the JDBC adapters ({@link JdbcLoyaltyLedgers}, {@link JdbcRedemptions}) hold it.
 */
public final class LoyaltyService {

    private final JdbcLoyaltyPrograms programs;
    private final JdbcLoyaltyLedgers ledgers;
    private final JdbcRedemptions redemptions;
    private final AdjustPoints adjust;
    private final RedeemPoints redeem;
    private final LoyaltyMidnight midnight;
    private final RebuildLedgers rebuild;
    private final GrantBonuses bonuses;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final JsonMapper json;

    public LoyaltyService(
            LoyaltyPorts ports,
            JdbcRedemptions redemptions,
            AdjustPoints adjust,
            RedeemPoints redeem,
            LoyaltyMidnight midnight,
            RebuildLedgers rebuild,
            GrantBonuses bonuses,
            AuditLog audit,
            JsonMapper json,
            TransactionTemplate transaction) {
        this.audit = audit;
        this.json = json;
        this.programs = (JdbcLoyaltyPrograms) ports.programs();
        this.ledgers = (JdbcLoyaltyLedgers) ports.ledgers();
        this.redemptions = redemptions;
        this.adjust = adjust;
        this.redeem = redeem;
        this.midnight = midnight;
        this.rebuild = rebuild;
        this.bonuses = bonuses;
        this.transaction = transaction;
    }

    /** The store's program; a disabled default when it has none yet. */
    public LoyaltyProgram program(Store store) {
        return programs.of(store.id()).orElse(LoyaltyProgram.disabled(Money.fractionDigits(store.currency())));
    }

    /**
     * Saves the program (the API's and the dashboard's one way: the same request record, the same checks) and
     * records the change in the store's audit log, field by field, in the same transaction.
     *
     * @throws IllegalArgumentException ({@link io.basira.loyalty.InvalidProgramException}) naming the field; nothing saved
     */
    public LoyaltyProgram saveProgram(Store store, ProgramBody body, AuditLog.Actor actor) {
        LoyaltyProgram program = body.program(store.currency());
        inTransaction(() -> {
            ProgramBody before = programs.of(store.id())
                    .map(p -> ProgramBody.of(p, store.currency()))
                    .orElse(null);
            programs.save(store.id(), program, actor.label());
            ProgramBody after = ProgramBody.of(program, store.currency());
            List<Changes.Change> changes = Changes.between(
                    before == null ? null : json.convertValue(before, Map.class),
                    json.convertValue(after, Map.class),
                    audit.groupNames(store.id()));
            audit.record(
                    store.id(),
                    actor,
                    "loyalty_program.change",
                    new AuditLog.Subject("loyalty_program", "program", null, null),
                    changes);
            return null;
        });
        return program;
    }

    /** A customer's standing, ledger and redemptions; 404 when the store has no such customer. */
    public CustomerAnswer customer(Store store, String customerId) {
        requireCustomer(store, customerId);
        return CustomerAnswer.of(
                customerId,
                ledgers.standing(store.id(), customerId),
                ledgers.ledger(store.id(), customerId),
                redemptions.of(store.id(), customerId),
                Money.fractionDigits(store.currency()));
    }

    public LedgerEntry adjust(Store store, String customerId, long points, String actor, String reason) {
        requireCustomer(store, customerId);
        return inTransaction(() -> adjust.adjust(store.id(), customerId, points, actor, reason));
    }

    public LedgerEntry award(Store store, String customerId, String key, long points, String reason) {
        requireCustomer(store, customerId);
        return inTransaction(() -> adjust.award(store.id(), customerId, key, points, reason));
    }

    public Redemption reserve(Store store, String customerId, Redemption.Reward reward, long points) {
        requireCustomer(store, customerId);
        return inTransaction(() -> redeem.reserve(store.id(), customerId, reward, points));
    }

    public Redemption commit(Store store, String id) {
        return inTransaction(() -> redeem.commit(store.id(), id));
    }

    public Redemption release(Store store, String id) {
        return inTransaction(() -> redeem.release(store.id(), id));
    }

    /** The tier distribution and the outstanding liability: points × their value as a coupon. */
    public SummaryAnswer summary(Store store) {
        LoyaltyProgram program = program(store);
        List<TierCount> tiers = ledgers.tierCounts(store.id());
        long points = tiers.stream().mapToLong(TierCount::points).sum();
        long pending = tiers.stream().mapToLong(TierCount::pending).sum();
        int digits = Money.fractionDigits(store.currency());
        return new SummaryAnswer(
                tiers,
                points,
                pending,
                BigDecimal.valueOf(program.valueMinor(points), digits),
                BigDecimal.valueOf(program.valueMinor(pending), digits),
                store.currency().getCurrencyCode());
    }

    /** Signup and review bonuses owed to these customers (null: the whole store), granted once. */
    public int grantBonuses(io.basira.shared.StoreId store, java.util.Collection<String> customerIds) {
        boolean owes = programs.of(store)
                .filter(LoyaltyProgram::enabled)
                .filter(p -> p.signupPoints() > 0 || p.reviewPoints() > 0)
                .isPresent();
        if (!owes) {
            return 0; // most writes: no transaction, no round trip (the program is remembered)
        }
        Integer granted = inTransaction(() -> bonuses.grant(store, customerIds));
        return granted == null ? 0 : granted;
    }

    /** The store's midnight work for today (a no-op when done already). */
    public boolean midnight(Store store) {
        return Boolean.TRUE.equals(inTransaction(() -> midnight.run(store.id(), store.timeZone())));
    }

    /** Replays every ledger of the store and compares (with {@code repair}, settles) it, in one transaction. */
    public RebuildLedgers.Report rebuild(Store store, boolean repair) {
        return inTransaction(() -> rebuild.rebuild(store.id(), repair));
    }

    /** The JDBC ledgers, with the privacy registry's export and erase of one customer. */
    public JdbcLoyaltyLedgers ledgers() {
        return ledgers;
    }

    private void requireCustomer(Store store, String customerId) {
        if (!ledgers.hasCustomer(store.id(), customerId)) {
            throw new NotFound("this store has no customer '" + customerId + "'");
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
