package io.basira.server.groups;

import io.basira.events.DomainEvents;
import io.basira.groups.GroupEngine;
import io.basira.groups.GroupInsights;
import io.basira.groups.GroupPorts;
import io.basira.groups.GroupRules;
import io.basira.groups.GroupUses;
import io.basira.groups.ManualMembership;
import io.basira.groups.SegmentQuery;
import io.basira.groups.Transactions;
import io.basira.segment.FieldCatalogue;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.groups.jdbc.JdbcGroupMemberQueries;
import io.basira.server.groups.jdbc.JdbcGroupMembers;
import io.basira.server.groups.jdbc.JdbcGroups;
import io.basira.server.groups.jdbc.JdbcManualMembers;
import io.basira.server.platform.events.LazyDomainEvents;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.tenancy.JdbcStores;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires groups: the JDBC adapters of the core engine's ports, the engine ({@link GroupEngine}) and its use
 * cases, the write listener and midnight. The stored rules, the engine's audiences and the command line's
 * segment query all read the server's {@link FieldCatalogue}, so a field a feature registers works in them. Domain events go to the application's {@link DomainEvents} when
 * there is one (looked up at each publication, so that bean may itself depend on the groups), else nowhere.
 */
@Configuration(proxyBeanMethods = false)
public class GroupsConfiguration {

    @Bean
    JdbcGroups jdbcGroups(JdbcTemplate jdbc, JsonMapper json, FieldCatalogue fields) {
        return new JdbcGroups(jdbc, json, fields);
    }

    @Bean
    JdbcManualMembers jdbcManualMembers(JdbcTemplate jdbc, Clock clock) {
        return new JdbcManualMembers(jdbc, clock);
    }

    @Bean
    JdbcGroupMembers jdbcGroupMembers(JdbcTemplate jdbc, SqlDialect dialect) {
        return new JdbcGroupMembers(jdbc, dialect);
    }

    @Bean
    JdbcGroupMemberQueries jdbcGroupMemberQueries(JdbcTemplate jdbc) {
        return new JdbcGroupMemberQueries(jdbc);
    }

    @Bean
    GroupEngine groupEngine(
            JdbcCustomerQueries customers,
            JdbcGroups groups,
            JdbcManualMembers manual,
            JdbcGroupMembers members,
            TransactionTemplate transaction,
            ObjectProvider<DomainEvents> events,
            Clock clock,
            FieldCatalogue fields) {
        Transactions transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return transaction.execute(status -> work.get());
            }
        };
        // looked up at each publication, not now: the events' bean may depend on the groups' listeners
        return new GroupEngine(
                new GroupPorts(customers, groups, manual, members, transactions),
                fields,
                new LazyDomainEvents(events),
                clock);
    }

    @Bean
    LiveGroups liveGroups(GroupEngine engine) {
        return new LiveGroups(engine);
    }

    @Bean
    GroupRules groupRules(GroupEngine engine, JdbcGroups groups, Clock clock, List<GroupUses> uses) {
        // every feature that aims at groups (checkout's policies and coupons, ...) registers a GroupUses bean
        return new GroupRules(engine, groups, clock, uses);
    }

    @Bean
    ManualMembership manualMembership(GroupEngine engine, JdbcManualMembers manual) {
        return new ManualMembership(engine, manual);
    }

    @Bean
    GroupInsights groupInsights(GroupEngine engine, JdbcCustomerQueries customers) {
        return new GroupInsights(engine, customers);
    }

    @Bean
    SegmentQuery segmentQuery(
            FieldCatalogue fields, JdbcCustomerQueries customers, JdbcGroups groups, JdbcManualMembers manual) {
        return new SegmentQuery(fields, customers, groups, manual);
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
