package io.basira.segment.eval;

import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.In;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.Value;

/**
 * Whether a rule's answer can change with the date alone, with no new data: it uses a relative date
 * ({@code -90d}, {@code today}, {@code +7d}) or a field computed from today
 * ({@link io.basira.segment.SegmentField#dependsOnToday()}: {@code age}, {@code birthday},
 * {@code days_since_last_purchase}). Such groups are re-evaluated at the store's
 * midnight. A rule that names another group depends on today when that group does; the caller follows
 * the references ({@code GroupDependencies}).
 */
public final class TodayDependence {

    private TodayDependence() {}

    public static boolean dependsOnToday(Condition rule) {
        if (rule instanceof And and) {
            return and.operands().stream().anyMatch(TodayDependence::dependsOnToday);
        }
        if (rule instanceof Or or) {
            return or.operands().stream().anyMatch(TodayDependence::dependsOnToday);
        }
        if (rule instanceof Not not) {
            return dependsOnToday(not.operand());
        }
        if (rule.field() != null && rule.field().dependsOnToday()) {
            return true;
        }
        if (rule instanceof Comparison c) {
            return relative(c.value());
        }
        if (rule instanceof Between b) {
            return relative(b.from()) || relative(b.to());
        }
        if (rule instanceof In in) {
            return in.values().stream().anyMatch(TodayDependence::relative);
        }
        return false;
    }

    private static boolean relative(Value value) {
        return value instanceof Value.RelativeDate;
    }
}
