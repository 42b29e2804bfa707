package io.basira.segment.audience;

import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.Value;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled rules per (rule, day), so that re-testing 100 groups after an event compiles nothing.
 *
 * <p>Layout: per day, a map by rule identity (the caller usually keeps its parsed rule object, and an
 * identity lookup does not hash the tree, so the event path neither allocates nor walks the rule)
 * backed by a map by rule equality (a rule parsed again finds the same compiled form). At most
 * {@value #DAYS} days are kept (today, and an as-of analysis or two); the oldest day is dropped first.
 *
 * <p>Bounds: a cached rule keeps its tree, literals included, alive, so the cache is bounded by
 * {@link #weight} (about the characters of the rule's text form) as well as by count. The map by
 * equality keeps at most {@value #MAX_RULES} rules and {@value #MAX_WEIGHT} weight per day and drops the
 * least recently used first; the identity map is emptied when it passes {@value #MAX_IDENTITIES}
 * entries or {@value #MAX_WEIGHT} weight (its keys may be other objects than the map's, holding their
 * own literals); a rule heavier than {@value #MAX_RULE_WEIGHT} is compiled on every use, never kept.
 * One-off rules (previews) should not come here at all ({@link IndexedAudience#membersOnce}).
 *
 * <p>Not thread-safe: {@link IndexedAudience} guards it.
 */
final class RuleCache {

    static final int DAYS = 3;
    static final int MAX_IDENTITIES = 4_096;
    static final int MAX_RULES = 16_384;
    /** Per day and per map: about 2 M characters of rule text, a few MB of heap. */
    static final long MAX_WEIGHT = 2_000_000;
    /** A rule heavier than this is not kept (a rule of the text form's longest length weighs about 10,000). */
    static final long MAX_RULE_WEIGHT = MAX_WEIGHT / 16;
    /** The weight of a node besides its literals: a field name, an operator, punctuation. */
    private static final int NODE_WEIGHT = 16;

    private final Map<LocalDate, Day> days = new LinkedHashMap<>();
    private Day last;
    private long compilations;

    private static final class Day {
        final LocalDate date;
        final Map<Condition, CompiledRule> byIdentity = new IdentityHashMap<>();
        long identityWeight;
        /** In access order: the eldest is the least recently used. */
        final LinkedHashMap<Condition, CompiledRule> byValue = new LinkedHashMap<>(16, 0.75f, true);

        long valueWeight;

        Day(LocalDate date) {
            this.date = date;
        }
    }

    /** The cached form of {@code rule} for {@code today}, or null on a miss. Allocation-free on an identity hit. */
    CompiledRule find(Condition rule, LocalDate today) {
        Day day = last != null && last.date.equals(today) ? last : day(today);
        CompiledRule compiled = day.byIdentity.get(rule);
        if (compiled != null) {
            return compiled;
        }
        compiled = day.byValue.get(rule);
        if (compiled != null) {
            remember(day, rule, compiled);
        }
        return compiled;
    }

    /** Stores a rule just compiled for {@code today}, unless it is too heavy to keep. */
    void put(Condition rule, LocalDate today, CompiledRule compiled) {
        compilations++;
        if (compiled.weight > MAX_RULE_WEIGHT) {
            return;
        }
        Day day = day(today);
        CompiledRule replaced = day.byValue.put(rule, compiled);
        if (replaced != null) {
            day.valueWeight -= replaced.weight;
        }
        day.valueWeight += compiled.weight;
        Iterator<CompiledRule> eldest = day.byValue.values().iterator();
        while (day.byValue.size() > MAX_RULES || day.valueWeight > MAX_WEIGHT) {
            CompiledRule dropped = eldest.next();
            eldest.remove();
            day.valueWeight -= dropped.weight;
        }
        remember(day, rule, compiled);
    }

    private static void remember(Day day, Condition rule, CompiledRule compiled) {
        if (day.byIdentity.size() >= MAX_IDENTITIES || day.identityWeight + compiled.weight > MAX_WEIGHT) {
            day.byIdentity.clear();
            day.identityWeight = 0;
        }
        if (day.byIdentity.put(rule, compiled) == null) {
            day.identityWeight += compiled.weight;
        }
    }

    private Day day(LocalDate today) {
        Day day = days.get(today);
        if (day == null) {
            if (days.size() >= DAYS) {
                days.remove(days.keySet().iterator().next());
            }
            day = new Day(today);
            days.put(today, day);
        }
        last = day;
        return day;
    }

    /** Rules compiled so far (cache misses). */
    long compilations() {
        return compilations;
    }

    /** Rules kept now, over all days (by equality). */
    int size() {
        int size = 0;
        for (Day day : days.values()) {
            size += day.byValue.size();
        }
        return size;
    }

    /** The weight kept now, over all days and both maps. */
    long weight() {
        long weight = 0;
        for (Day day : days.values()) {
            weight += day.valueWeight + day.identityWeight;
        }
        return weight;
    }

    /**
     * What keeping {@code rule} costs, in characters: {@value #NODE_WEIGHT} per node plus the length of
     * every text literal, tag and group key (dates and numbers count as a node).
     */
    static long weight(Condition rule) {
        if (rule instanceof And and) {
            return NODE_WEIGHT + weight(and.operands());
        }
        if (rule instanceof Or or) {
            return NODE_WEIGHT + weight(or.operands());
        }
        if (rule instanceof Not not) {
            return NODE_WEIGHT + weight(not.operand());
        }
        if (rule instanceof InGroup group) {
            return NODE_WEIGHT + group.groupKey().length();
        }
        if (rule instanceof HasAnyTag tags) {
            long weight = NODE_WEIGHT;
            for (String tag : tags.tags()) {
                weight += NODE_WEIGHT + tag.length();
            }
            return weight;
        }
        if (rule instanceof Comparison c) {
            return NODE_WEIGHT + weight(c.value());
        }
        if (rule instanceof Between b) {
            return NODE_WEIGHT + weight(b.from()) + weight(b.to());
        }
        if (rule instanceof In in) {
            long weight = NODE_WEIGHT;
            for (Value value : in.values()) {
                weight += weight(value);
            }
            return weight;
        }
        return NODE_WEIGHT; // IS NULL, IS NOT NULL
    }

    private static long weight(List<Condition> operands) {
        long weight = 0;
        for (Condition operand : operands) {
            weight += weight(operand);
        }
        return weight;
    }

    private static long weight(Value value) {
        return value instanceof Value.TextValue text
                ? NODE_WEIGHT + text.value().length()
                : NODE_WEIGHT;
    }
}
