package io.basira.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.fields.AnalyticsCardFields;
import io.basira.fields.BrowsingCardFields;
import io.basira.fields.BuiltInFields;
import io.basira.fields.CardFields;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job parses every field of the server's rules and knows when it must read the data of the browsing fields, the
 * loyalty fields and next_category; it would refuse a group whose rule reads a field it does not compute (a field set
 * the server adds later), naming the field, before any data is read: evaluating it on an empty value would give
 * another membership than the engine's.
 */
class GroupRulesTest {

    @TempDir
    Path dir;

    @Test
    void rulesOnLoyaltyFieldsAreAcceptedAndSaySoForTheJob() throws Exception {
        Map<String, String> rules = GroupRules.read(rules(
                "vip,loyalty_points > 100 AND total_spent > 10",
                "gold,\"NOT (loyalty_tier = 'Gold')\"",
                "expiring,points_expiring_30d > 0 OR order_count > 3",
                "loyal,lifetime_points >= 1000"));
        assertThat(GroupRules.conditions(rules)).containsOnlyKeys("vip", "gold", "expiring", "loyal");
        assertThat(GroupRules.usesLoyalty(rules)).isTrue();
        assertThat(GroupRules.usesLoyalty(Map.of("none", "NOT (loyalty_tier IS NULL)")))
                .isTrue();
        assertThat(GroupRules.usesLoyalty(Map.of("big", "total_spent > 1000"))).isFalse();
        assertThat(GroupRules.usesBrowsing(rules)).isFalse();
    }

    @Test
    void aFieldTheJobDoesNotComputeIsRefusedWithItsName() {
        // a job that computed no loyalty field: what a field set the server adds later meets
        FieldCatalogue computed = BuiltInFields.catalogue().with(new BrowsingCardFields());
        assertThatThrownBy(() -> GroupRules.refuseUncomputed(
                        RuleText.parse("sessions_30d > 1 OR NOT (loyalty_tier = 'Gold')", GroupRules.SERVER_FIELDS),
                        computed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the field loyalty_tier is not computed by the Spark job; evaluate this group in the engine");
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

    private Path rules(String... lines) throws Exception {
        Path file = Files.createTempFile(dir, "rules", ".csv");
        Files.writeString(file, "group,rule\n" + String.join("\n", lines) + "\n");
        return file;
    }
}
