package io.basira.segment.audience;

import io.basira.card.CustomerSnapshot;
import io.basira.fields.BuiltInFields;
import io.basira.index.BoundPredicate;
import io.basira.index.ColumnPredicate;
import io.basira.index.CustomerIndex;
import io.basira.index.RowSet;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.eval.EvaluationContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The columnar {@link CustomerAudience}: one store's customers in a {@link CustomerIndex} with a column
 * per field of its {@link FieldCatalogue} that has one ({@link AudienceColumns}; the core's built-ins unless
 * another catalogue is given), and rules compiled to column predicates
 * ({@link RuleCompiler}) once per (rule, day) and cached ({@link RuleCache}).
 *
 * <p>The store's time zone and currency digits are fixed here, because stored dates are epoch days in
 * that zone and money is stored in that currency's minor units; an {@link EvaluationContext} with
 * another zone or other digits is refused. Nothing is stored relative to today (ages, next birthdays,
 * days since the last purchase are compiled into ranges on stored dates), so midnight needs no rewrite:
 * the next day's evaluation simply compiles the rule for the new day.
 *
 * <p>{@link #members} scans every row (split over an executor when one is given);
 * {@link #matches} tests one row and allocates nothing once the rule is cached (the event path).
 *
 * <p>What rules leave behind: compiling adds nothing to the index (a literal no customer has is simply
 * absent, see {@link io.basira.index.BoundPredicate}); {@link #members} and {@link #matches} keep the
 * compiled rule in a bounded cache ({@link RuleCache}); {@link #membersOnce}, for one-off rules such as
 * previews, keeps nothing. {@link #footprint} reports the sizes that rules could make grow.
 *
 * <p>Thread safety: one writer ({@link #upsert}); reads must not overlap a write, as the interface says.
 * The cache is shared by reads, so reads take this object's lock for the lookup and compilation; the
 * scans themselves run unlocked. Concurrent reads of a rule that names groups must pass the same group
 * members (they share the rule's row sets).
 */
public final class IndexedAudience implements CustomerAudience {

    private final ZoneId zone;
    private final int fractionDigits;
    private final CustomerIndex index;
    private final AudienceRows rows;
    private final RuleCompiler compiler;
    private final RuleCache cache = new RuleCache();
    private final Executor executor;
    private final int parts;

    /** A one-thread audience. */
    public IndexedAudience(ZoneId zone, int currencyFractionDigits, int expectedCustomers) {
        this(zone, currencyFractionDigits, expectedCustomers, null, 1);
    }

    /**
     * @param zone the store's time zone: dates of date-times are taken in it
     * @param currencyFractionDigits minor-unit digits of the store's currency, 0–6
     * @param expectedCustomers rows allocated up front (0 or more)
     * @param executor runs {@link #members} in {@code parts} row ranges; null for the calling thread only
     * @param parts number of row ranges (threads) per evaluation, 1 or more
     */
    public IndexedAudience(
            ZoneId zone, int currencyFractionDigits, int expectedCustomers, Executor executor, int parts) {
        this(BuiltInFields.catalogue(), zone, currencyFractionDigits, expectedCustomers, executor, parts);
    }

    /**
     * An audience with a column for each field of {@code fields} that has one; rules may name any of them.
     * The other parameters as in {@link #IndexedAudience(ZoneId, int, int, Executor, int)}.
     */
    public IndexedAudience(
            FieldCatalogue fields,
            ZoneId zone,
            int currencyFractionDigits,
            int expectedCustomers,
            Executor executor,
            int parts) {
        Objects.requireNonNull(fields, "fields");
        this.zone = Objects.requireNonNull(zone, "zone");
        new EvaluationContext(LocalDate.EPOCH, zone, currencyFractionDigits); // validates the digits
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be 1 or more, was " + parts);
        }
        this.fractionDigits = currencyFractionDigits;
        this.index = new CustomerIndex(AudienceColumns.specs(fields), expectedCustomers);
        this.rows = new AudienceRows(index, fields, zone, currencyFractionDigits);
        this.compiler = new RuleCompiler(currencyFractionDigits);
        this.executor = executor;
        this.parts = parts;
    }

    @Override
    public int upsert(CustomerSnapshot customer) {
        int row = index.rowFor(customer.rowId());
        rows.write(row, customer);
        return row;
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public int rowOf(long customerKey) {
        return index.rowOf(customerKey);
    }

    @Override
    public long keyOf(int row) {
        return index.keyOf(row);
    }

    @Override
    public RoaringBitmap members(
            Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        return evaluate(compiled(rule, context, groupMembers, true));
    }

    /**
     * As {@link #members}, for a rule evaluated once (a preview, a filter): a compiled form already cached
     * is used, otherwise the rule is compiled for this call alone and nothing of it is kept.
     */
    @Override
    public RoaringBitmap membersOnce(
            Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        return evaluate(compiled(rule, context, groupMembers, false));
    }

    @Override
    public boolean matches(
            Condition rule, int row, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        return index.matches(compiled(rule, context, groupMembers, true).bound, row);
    }

    private RoaringBitmap evaluate(CompiledRule compiled) {
        if (executor == null || parts == 1) {
            return index.evaluate(compiled.bound);
        }
        return index.evaluate(compiled.bound, executor, parts);
    }

    /** The cached form of the rule, or a new one (kept in the cache when {@code keep}), pointed at the groups' members. */
    private synchronized CompiledRule compiled(
            Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers, boolean keep) {
        Objects.requireNonNull(rule, "rule");
        requireStoreContext(context);
        CompiledRule compiled = cache.find(rule, context.today());
        if (compiled == null) {
            compiled = compile(rule, context.today());
            if (keep) {
                cache.put(rule, context.today(), compiled);
            }
        }
        compiled.loadGroups(groupMembers);
        return compiled;
    }

    private CompiledRule compile(Condition rule, LocalDate today) {
        Map<String, RowSet> groups = new LinkedHashMap<>();
        ColumnPredicate predicate =
                compiler.compile(rule, today, key -> groups.computeIfAbsent(key, k -> new RowSet()));
        BoundPredicate bound = index.bind(predicate);
        List<String> keys = new ArrayList<>(groups.keySet());
        return new CompiledRule(
                bound,
                RuleCache.weight(rule),
                keys.toArray(new String[0]),
                groups.values().toArray(new RowSet[0]));
    }

    private void requireStoreContext(EvaluationContext context) {
        Objects.requireNonNull(context, "context");
        if (!context.zone().equals(zone)) {
            throw new IllegalArgumentException(
                    "this audience stores dates in " + zone + "; it cannot evaluate rules in " + context.zone());
        }
        if (context.currencyFractionDigits() != fractionDigits) {
            throw new IllegalArgumentException("this audience stores money with " + fractionDigits
                    + " minor-unit digits, not " + context.currencyFractionDigits());
        }
    }

    /**
     * Rules compiled for the cache so far (not those {@link #membersOnce} compiles for one call): stays put
     * while the same rules are re-evaluated on the same day.
     */
    public long compilations() {
        return cache.compilations();
    }

    /**
     * The sizes of what evaluating rules could make grow: the compiled rules kept and their weight
     * ({@link RuleCache}), and the distinct values per text and tag column (which only customers add).
     */
    public synchronized Footprint footprint() {
        return new Footprint(cache.size(), cache.weight(), index.distinctValues());
    }

    /**
     * @param cachedRules compiled rules kept, over the days kept
     * @param cachedWeight their weight, about the characters of their text
     * @param distinctValues distinct values per dictionary and tag column, by column name
     */
    public record Footprint(int cachedRules, long cachedWeight, Map<String, Integer> distinctValues) {
        public Footprint {
            distinctValues = Map.copyOf(distinctValues);
        }
    }

    /** Heap held by the columns, from array lengths (see {@link CustomerIndex#heapBytes()}). */
    public long heapBytes() {
        return index.heapBytes();
    }

    /** The compiled column predicate of {@code rule} for {@code today}, for inspection and docs. */
    public ColumnPredicate explain(Condition rule, LocalDate today) {
        return compiler.compile(rule, today, key -> new RowSet());
    }
}
