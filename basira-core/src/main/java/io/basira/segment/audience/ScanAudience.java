package io.basira.segment.audience;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.RuleEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The simplest {@link CustomerAudience}: a list of profiles, each tested by the single-customer
 * {@link RuleEvaluator}. Correct by construction and slow (a full evaluation tests every customer
 * one by one); the reference the columnar implementation is checked against.
 */
public final class ScanAudience implements CustomerAudience {

    private final List<CustomerProfile> profiles = new ArrayList<>();
    private final List<Long> keys = new ArrayList<>();
    private final Map<Long, Integer> rows = new HashMap<>();

    @Override
    public int upsert(CustomerSnapshot customer) {
        CustomerProfile profile = CustomerProfile.of(customer);
        Integer row = rows.get(customer.rowId());
        if (row != null) {
            profiles.set(row, profile);
            return row;
        }
        profiles.add(profile);
        keys.add(customer.rowId());
        rows.put(customer.rowId(), profiles.size() - 1);
        return profiles.size() - 1;
    }

    @Override
    public int size() {
        return profiles.size();
    }

    @Override
    public int rowOf(long customerKey) {
        return rows.getOrDefault(customerKey, -1);
    }

    @Override
    public long keyOf(int row) {
        return keys.get(row);
    }

    @Override
    public RoaringBitmap members(
            Condition rule, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        RoaringBitmap members = new RoaringBitmap();
        RuleEvaluator evaluator = new RuleEvaluator(context);
        for (int row = 0; row < profiles.size(); row++) {
            int current = row;
            if (evaluator.matches(
                    rule, profiles.get(row), key -> groupMembers.apply(key).contains(current))) {
                members.add(row);
            }
        }
        return members;
    }

    @Override
    public boolean matches(
            Condition rule, int row, EvaluationContext context, Function<String, RoaringBitmap> groupMembers) {
        return new RuleEvaluator(context)
                .matches(rule, profiles.get(row), key -> groupMembers.apply(key).contains(row));
    }
}
