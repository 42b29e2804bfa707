package io.basira.segment.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.Condition;
import io.basira.segment.RuleSemanticsContract;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.text.RuleText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The columnar audience keeps every rule of the contract, through both of its paths: the full scan
 * ({@code members}) gives the answer, and the one-row test ({@code matches}) must agree row by row.
 */
class IndexedAudienceSemanticsTest extends RuleSemanticsContract {

    @Override
    protected Set<String> matching(String rule, List<CustomerProfile> customers, EvaluationContext ctx) {
        IndexedAudience audience = AudienceFixtures.load(
                new IndexedAudience(ctx.zone(), ctx.currencyFractionDigits(), customers.size()), customers);
        Condition condition = RuleText.parse(rule);
        Function<String, RoaringBitmap> groups = AudienceFixtures.groups(customers);
        RoaringBitmap members = audience.members(condition, ctx, groups);
        Set<String> ids = new LinkedHashSet<>();
        for (int row = 0; row < customers.size(); row++) {
            assertThat(audience.matches(condition, row, ctx, groups))
                    .as("row %d of %s", row, rule)
                    .isEqualTo(members.contains(row));
            if (members.contains(row)) {
                ids.add(customers.get(row).externalId());
            }
        }
        return ids;
    }
}
