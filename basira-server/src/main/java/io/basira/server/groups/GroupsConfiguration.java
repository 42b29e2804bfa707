package io.basira.server.groups;

import io.basira.server.jdbc.JdbcCustomerQueries;
import io.basira.server.jdbc.JdbcGroupMemberQueries;
import io.basira.server.jdbc.JdbcGroupMembers;
import io.basira.server.jdbc.JdbcGroups;
import io.basira.server.jdbc.JdbcManualMembers;
import io.basira.server.jdbc.JdbcStores;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires groups: their JDBC adapters, the live membership, its use cases, the write listener and midnight. */
@Configuration(proxyBeanMethods = false)
public class GroupsConfiguration {

    @Bean
    JdbcGroups jdbcGroups(JdbcTemplate jdbc, JsonMapper json) {
        return new JdbcGroups(jdbc, json);
    }

    @Bean
    JdbcManualMembers jdbcManualMembers(JdbcTemplate jdbc, Clock clock) {
        return new JdbcManualMembers(jdbc, clock);
    }

    @Bean
    JdbcGroupMembers jdbcGroupMembers(JdbcTemplate jdbc) {
        return new JdbcGroupMembers(jdbc);
    }

    @Bean
    JdbcGroupMemberQueries jdbcGroupMemberQueries(JdbcTemplate jdbc) {
        return new JdbcGroupMemberQueries(jdbc);
    }

    @Bean
    LiveGroups liveGroups(JdbcCustomerQueries customers, JdbcGroups groups, JdbcManualMembers manual,
            JdbcGroupMembers members, TransactionTemplate transaction, Clock clock) {
        return new LiveGroups(customers, groups, manual, members, new LiveGroups.Persistence(transaction, clock));
    }

    @Bean
    GroupRules groupRules(LiveGroups live, JdbcGroups groups, Clock clock) {
        return new GroupRules(live, groups, clock);
    }

    @Bean
    ManualMembership manualMembership(LiveGroups live, JdbcManualMembers manual) {
        return new ManualMembership(live, manual);
    }

    @Bean
    GroupInsights groupInsights(LiveGroups live, JdbcCustomerQueries customers) {
        return new GroupInsights(live, customers);
    }

    @Bean
    SegmentQuery segmentQuery(JdbcCustomerQueries customers, JdbcGroups groups, JdbcManualMembers manual) {
        return new SegmentQuery(customers, groups, manual);
    }

    @Bean
    MembershipFollowsWrites membershipFollowsWrites(LiveGroups live, JdbcStores stores) {
        return new MembershipFollowsWrites(live, stores);
    }

    @Bean
    MidnightEvaluation midnightEvaluation(LiveGroups live, JdbcStores stores) {
        return new MidnightEvaluation(live, stores);
    }
}
