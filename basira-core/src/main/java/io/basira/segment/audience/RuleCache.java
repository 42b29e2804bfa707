package io.basira.segment.audience;

import io.basira.segment.Condition;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled rules per (rule, day), so that re-testing 100 groups after an event compiles nothing.
 *
 * <p>Layout: per day, a map by rule identity (the caller usually keeps its parsed rule object, and an
 * identity lookup does not hash the tree, so the event path neither allocates nor walks the rule)
 * backed by a map by rule equality (a rule parsed again finds the same compiled form). At most
 * {@value #DAYS} days are kept (today, and an as-of analysis or two); the oldest day is dropped first.
 * The identity map is emptied when it passes {@value #MAX_IDENTITIES} entries, so rule objects that
 * callers drop are not kept alive for long; the map by equality likewise past {@value #MAX_RULES}.
 *
 * <p>Not thread-safe: {@link IndexedAudience} guards it.
 */
final class RuleCache {

    static final int DAYS = 3;
    static final int MAX_IDENTITIES = 4_096;
    static final int MAX_RULES = 16_384;

    private final Map<LocalDate, Day> days = new LinkedHashMap<>();
    private Day last;
    private long compilations;

    private static final class Day {
        final LocalDate date;
        final Map<Condition, CompiledRule> byIdentity = new IdentityHashMap<>();
        final Map<Condition, CompiledRule> byValue = new HashMap<>();

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

    /** Stores a rule just compiled for {@code today}. */
    void put(Condition rule, LocalDate today, CompiledRule compiled) {
        Day day = day(today);
        compilations++;
        if (day.byValue.size() >= MAX_RULES) {
            day.byValue.clear();
        }
        day.byValue.put(rule, compiled);
        remember(day, rule, compiled);
    }

    private static void remember(Day day, Condition rule, CompiledRule compiled) {
        if (day.byIdentity.size() >= MAX_IDENTITIES) {
            day.byIdentity.clear();
        }
        day.byIdentity.put(rule, compiled);
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
}
