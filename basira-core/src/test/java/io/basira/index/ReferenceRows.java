package io.basira.index;

import io.basira.index.ColumnPredicate.And;
import io.basira.index.ColumnPredicate.Between;
import io.basira.index.ColumnPredicate.Compare;
import io.basira.index.ColumnPredicate.HasAnyTag;
import io.basira.index.ColumnPredicate.InSet;
import io.basira.index.ColumnPredicate.IsNotNull;
import io.basira.index.ColumnPredicate.IsNull;
import io.basira.index.ColumnPredicate.Not;
import io.basira.index.ColumnPredicate.Or;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deliberately simple reference: rows as maps, predicates interpreted recursively in SQL
 * three-valued logic, with {@code null} standing for UNKNOWN. Slow and obviously right.
 */
final class ReferenceRows {

    private final List<Map<String, Object>> rows = new ArrayList<>();

    int add() {
        rows.add(new HashMap<>());
        return rows.size() - 1;
    }

    void set(int row, String column, Object value) {
        if (value == null || (value instanceof Set<?> set && set.isEmpty())) {
            rows.get(row).remove(column);
        } else {
            rows.get(row).put(column, value);
        }
    }

    Object get(int row, String column) {
        return rows.get(row).get(column);
    }

    int size() {
        return rows.size();
    }

    List<Integer> members(ColumnPredicate predicate) {
        List<Integer> members = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            if (Boolean.TRUE.equals(eval(predicate, rows.get(row)))) {
                members.add(row);
            }
        }
        return members;
    }

    Boolean eval(ColumnPredicate predicate, int row) {
        return eval(predicate, rows.get(row));
    }

    private static Boolean eval(ColumnPredicate p, Map<String, Object> row) {
        if (p instanceof Not not) {
            Boolean v = eval(not.child(), row);
            return v == null ? null : !v;
        }
        if (p instanceof And and) {
            boolean unknown = false;
            for (ColumnPredicate child : and.children()) {
                Boolean v = eval(child, row);
                if (Boolean.FALSE.equals(v)) {
                    return false;
                }
                unknown |= v == null;
            }
            return unknown ? null : true;
        }
        if (p instanceof Or or) {
            boolean unknown = false;
            for (ColumnPredicate child : or.children()) {
                Boolean v = eval(child, row);
                if (Boolean.TRUE.equals(v)) {
                    return true;
                }
                unknown |= v == null;
            }
            return unknown ? null : false;
        }
        if (p instanceof IsNull isNull) {
            return !row.containsKey(isNull.column());
        }
        if (p instanceof IsNotNull isNotNull) {
            return row.containsKey(isNotNull.column());
        }
        return leaf(p, row);
    }

    private static Boolean leaf(ColumnPredicate p, Map<String, Object> row) {
        if (p instanceof Compare c) {
            Long v = (Long) row.get(c.column());
            if (v == null) {
                return null;
            }
            int cmp = Long.compare(v, c.value());
            return switch (c.op()) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
        if (p instanceof Between b) {
            Long v = (Long) row.get(b.column());
            return v == null ? null : v >= b.low() && v <= b.high();
        }
        if (p instanceof InSet in) {
            String v = (String) row.get(in.column());
            return v == null ? null : in.values().contains(v);
        }
        HasAnyTag has = (HasAnyTag) p;
        Object v = row.get(has.column());
        if (v == null) {
            return null;
        }
        Set<String> tags = new TreeSet<>();
        for (Object tag : (Set<?>) v) {
            tags.add((String) tag);
        }
        return !Collections.disjoint(tags, has.tags());
    }
}
