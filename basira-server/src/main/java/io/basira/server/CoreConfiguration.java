package io.basira.server;

import io.basira.checkout.CouponRedemption;
import io.basira.events.DomainEvents;
import io.basira.ingest.CardUpkeep;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.WriteLocks;
import io.basira.ingest.WriteParticipant;
import io.basira.loyalty.EarnPoints;
import io.basira.server.cards.jdbc.BulkCards;
import io.basira.server.cards.jdbc.JdbcCards;
import io.basira.server.cards.jdbc.JdbcCustomerActivity;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.cards.jdbc.JdbcTimeline;
import io.basira.server.checkout.jdbc.JdbcCouponRedemptions;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.importing.ImportFolder;
import io.basira.server.importing.ImportMappings;
import io.basira.server.importing.RebuildCards;
import io.basira.server.importing.jdbc.JdbcImportMappings;
import io.basira.server.ingest.jdbc.JdbcCommerceReads;
import io.basira.server.ingest.jdbc.JdbcCommerceWrites;
import io.basira.server.ingest.jdbc.JdbcKnownIds;
import io.basira.server.platform.config.PostgresDriverSettings;
import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.tenancy.InProcessWriteLocks;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.platform.tenancy.PostgresWriteLocks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the core's use cases to their JDBC adapters. The only place that knows both sides. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    /** The system clock, or a fixed instant from {@code basira.clock.fixed} (tests, demos of history). */
    /** The PostgreSQL driver's settings Basira relies on (a post-processor of the pool: static). */
    @Bean
    static PostgresDriverSettings postgresDriverSettings() {
        return new PostgresDriverSettings();
    }

    @Bean
    Clock clock(@Value("${basira.clock.fixed:}") String fixed) {
        return fixed.isBlank() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
    }

    /** At most {@code basira.db.bulk-reads} reads of a store's whole history at once (docs/analytics.md). */
    @Bean
    BulkReads bulkReads(
            @Value("${basira.db.bulk-reads:2}") int concurrent,
            @Value("${basira.db.bulk-read-wait:60s}") Duration wait) {
        return new BulkReads(concurrent, wait);
    }

    @Bean
    SqlDialect sqlDialect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SqlDialect.ofUrl(connection.getMetaData().getURL());
        }
    }

    @Bean
    JdbcStores jdbcStores(JdbcTemplate jdbc, Clock clock) {
        return new JdbcStores(jdbc, clock);
    }

    @Bean
    JdbcApiKeys jdbcApiKeys(JdbcTemplate jdbc, Clock clock) {
        return new JdbcApiKeys(jdbc, clock);
    }

    @Bean
    JdbcCustomerQueries jdbcCustomerQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new JdbcCustomerQueries(
                jdbc, io.basira.server.platform.jdbc.Sql.streaming(jdbc.getDataSource()), transactions);
    }

    @Bean
    JdbcTimeline jdbcTimeline(JdbcTemplate jdbc) {
        return new JdbcTimeline(jdbc);
    }

    @Bean
    ImportFolder importFolder(
            DataSource dataSource,
            SqlDialect dialect,
            WriteLocks locks,
            JdbcTemplate jdbc,
            JdbcStores stores,
            TransactionTemplate transaction,
            Clock clock,
            DomainEvents events,
            JdbcCoupons coupons,
            EarnPoints earnPoints,
            io.basira.loyalty.CommitUsedRewards commitUsedRewards,
            io.basira.server.privacy.Tombstones tombstones) {
        return new ImportFolder(
                new ImportFolder.Writing(
                        dataSource, dialect, locks, writeParticipants(jdbc, coupons, commitUsedRewards, earnPoints)),
                new JdbcKnownIds(jdbc),
                stores,
                transaction,
                clock,
                events,
                tombstones);
    }

    /** The rebuild of a store's cards from its records ({@code basira rebuild cards}). */
    @Bean
    RebuildCards rebuildCards(
            DataSource dataSource,
            SqlDialect dialect,
            WriteLocks locks,
            TransactionTemplate transaction,
            DomainEvents events) {
        return new RebuildCards(new BulkCards(dataSource, dialect), locks, transaction, events);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /**
     * Advisory locks in PostgreSQL, which every process writing to it shares; locks in this process
     * for the embedded H2 database, which only one process opens.
     */
    @Bean
    io.basira.server.platform.tenancy.StoreWriteLocks writeLocks(JdbcTemplate jdbc, SqlDialect dialect) {
        return dialect == SqlDialect.POSTGRESQL ? new PostgresWriteLocks(jdbc) : new InProcessWriteLocks();
    }

    @Bean
    IngestRecords ingestRecords(
            JdbcTemplate jdbc,
            SqlDialect dialect,
            WriteLocks locks,
            DomainEvents events,
            JdbcCoupons coupons,
            io.basira.loyalty.CommitUsedRewards commitUsedRewards,
            EarnPoints earnPoints,
            io.basira.server.privacy.Tombstones tombstones) {
        // the participants of every write, in its transaction: orders redeem and release coupon
        // uses (docs/checkout.md); see ARCHITECTURE.md, "Add a write participant". Its events go to the
        // outbox (io.basira.server.platform.events.JdbcDomainEvents) in the write's transaction; erased customers are
        // screened by the write under its locks (privacy.Tombstones, the core's ErasedCustomers)
        return new IngestRecords(
                new JdbcCommerceReads(jdbc),
                new JdbcCommerceWrites(jdbc, dialect),
                new CardUpkeep(new JdbcCustomerActivity(jdbc), new JdbcCards(jdbc, dialect)),
                locks,
                writeParticipants(jdbc, coupons, commitUsedRewards, earnPoints),
                events,
                tombstones);
    }

    /**
     * The participants of every write (API and import), in the order they are told; coupon uses tell
     * {@code coupons} so that decisions see them after the commit; completed, cancelled, returned and refunded
     * orders earn and reverse loyalty points, and an order using a reward coupon commits its redemption
     * (docs/loyalty.md).
     */
    private static List<WriteParticipant> writeParticipants(
            JdbcTemplate jdbc,
            JdbcCoupons coupons,
            io.basira.loyalty.CommitUsedRewards commitUsedRewards,
            EarnPoints earnPoints) {
        return List.of(new CouponRedemption(new JdbcCouponRedemptions(jdbc, coupons)), commitUsedRewards, earnPoints);
    }

    @Bean
    ImportMappings importMappings(
            JdbcTemplate jdbc, SqlDialect dialect, Clock clock, io.basira.server.privacy.SettingsChanges audit) {
        return new ImportMappings(new JdbcImportMappings(jdbc, dialect, clock), audit);
    }
}
