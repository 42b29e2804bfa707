package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.segment.text.RuleSyntaxException;
import org.junit.jupiter.api.Test;

/**
 * {@code basira segment}'s check before the application starts: a rule that cannot be read is refused at
 * once, but a field the core does not know may be a server feature's, so that rule is left for the
 * server's catalogue to read once the application is up (where an unknown field is refused as before).
 */
class SegmentQueryCheckTest {

    private static SegmentCommand.Query query(String rule) {
        SegmentCommand.Query query = new SegmentCommand.Query();
        query.query = rule;
        return query;
    }

    @Test
    void a_wrong_rule_is_refused_before_any_work() {
        assertThatThrownBy(() -> query("total_spent >").check())
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageStartingWith("line 1, column 14: ");
        assertThatThrownBy(() -> query("total_spent > 'x'").check()).isInstanceOf(RuleSyntaxException.class);
    }

    @Test
    void a_field_the_core_does_not_know_waits_for_the_servers_catalogue() {
        assertThatCode(() -> query("loyalty_points >= 1000").check()).doesNotThrowAnyException();
        assertThatCode(() -> query("order_count > 1 AND loyalty_points >").check())
                .doesNotThrowAnyException();
        assertThatCode(() -> query("order_count > 1").check()).doesNotThrowAnyException();
    }
}
