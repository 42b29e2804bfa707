package io.basira.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.fields.AnalyticsCardFields;
import io.basira.fields.CardFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job refuses a group whose rule reads a field it does not compute (the loyalty fields), naming the field, before
 * any data is read: evaluating it on an empty value would give another membership than the engine's. The browsing
 * fields and next_category are parsed, and the job knows when it must read their data.
 */
class GroupRulesTest {

    @TempDir
    Path dir;

    @Test
    void aRuleOnALoyaltyFieldIsRefusedWithTheFieldsName() throws Exception {
        assertRefused("vip,loyalty_points > 100 AND total_spent > 10", "loyalty_points", "loyalty");
        assertRefused("gold,\"NOT (loyalty_tier = 'Gold')\"", "loyalty_tier", "loyalty");
        assertRefused("expiring,points_expiring_30d > 0 OR order_count > 3", "points_expiring_30d", "loyalty");
    }

    @Test
    void rulesOnBrowsingFieldsAreAcceptedAndSaySoForTheJob() throws Exception {
        Map<String, String> rules = GroupRules.read(rules(
                "browsers,sessions_30d >= 2",
                "lookers,\"viewed_categories_45d IN ('shoes', 'bags')\"",
                "seen,\"NOT (last_seen_at IS NULL)\""));
        assertThat(GroupRules.conditions(rules)).containsOnlyKeys("browsers", "lookers", "seen");
        assertThat(GroupRules.usesBrowsing(rules)).isTrue();
        assertThat(GroupRules.usesBrowsing(Map.of("seen", "NOT (last_seen_at IS NULL)")))
                .isTrue();
        assertThat(GroupRules.usesBrowsing(Map.of("big", "total_spent > 1000"))).isFalse();
    }

    @Test
    void theFieldsTheJobComputesAreAccepted() throws Exception {
        Path file = rules("big,total_spent > 1000", "next,\"next_category = 'abayas'\"", "any,next_category IS NULL");
        Map<String, String> rules = GroupRules.read(file);
        assertThat(GroupRules.conditions(rules)).containsOnlyKeys("big", "next", "any");
        assertThat(GroupRules.uses(rules, AnalyticsCardFields.NEXT_CATEGORY)).isTrue();
        assertThat(GroupRules.uses(Map.of("big", "total_spent > 1000"), AnalyticsCardFields.NEXT_CATEGORY))
                .isFalse();
        assertThat(GroupRules.uses(rules, CardFields.TOTAL_SPENT)).isTrue();
    }

    private void assertRefused(String line, String field, String kind) throws Exception {
        Path file = rules(line);
        assertThatThrownBy(() -> GroupRules.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the field " + field + " is not computed by the Spark job")
                .hasMessageContaining("a " + kind + " field")
                .hasMessageContaining("the rule of group '" + line.substring(0, line.indexOf(',')) + "'");
    }

    private Path rules(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "rules", ".csv");
        Files.writeString(file, "group,rule\n" + String.join("\n", lines) + "\n");
        return file;
    }
}
