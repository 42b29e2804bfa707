package io.basira.segment.audience;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.eval.EvaluationContext;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * One store's customers held in memory so that group rules can be evaluated over all of them at
 * once (a group's members) or for one of them (a re-test after an event).
 *
 * <p>Each customer has a dense row, assigned in the order of first {@link #upsert}, that never
 * changes; {@link #rowOf} and {@link #keyOf} map between rows and the customer's key
 * ({@link CustomerSnapshot#rowId()}). Member sets are bitmaps of rows.
 *
 * <p>Semantics are exactly those of {@link io.basira.segment.eval.RuleEvaluator} (SQL three-valued
 * logic, dates in the store's time zone); implementations are held to it by one contract test.
 *
 * <p>Thread safety: one writer; reads must not overlap a write. Callers hold a read-write lock per store.
 */
public interface CustomerAudience {

    /** Adds the customer or replaces its values; returns its row. */
    int upsert(CustomerSnapshot customer);

    /** The number of rows (customers ever added). */
    int size();

    /** The row of the customer with this key, or -1. */
    int rowOf(long customerKey);

    /** The key of the customer in {@code row}. */
    long keyOf(int row);

    /**
     * The rows whose customers satisfy {@code rule} today ({@code context.today()}).
     *
     * @param groupMembers the member rows of every group the rule names ({@code group = 'vip'});
     *     called only with keys the rule names
     */
    RoaringBitmap members(Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers);

    /**
     * As {@link #members}, for a rule evaluated once (a preview, a filter, a one-off query): the audience
     * keeps nothing of it, so any number of different one-off rules leaves it as it was.
     */
    default RoaringBitmap membersOnce(
            Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        return members(rule, context, groupMembers);
    }

    /** Whether the customer in {@code row} satisfies {@code rule}; {@code groupMembers} as in {@link #members}. */
    boolean matches(Condition rule, int row, EvaluationContext context, Function<String, RoaringBitmap> groupMembers);
}
