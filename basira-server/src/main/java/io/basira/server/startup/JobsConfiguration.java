package io.basira.server.startup;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import io.basira.server.analytics.NightlyAnalyticsRefresh;
import io.basira.server.browsing.BrowsingUpkeep;
import io.basira.server.campaigns.CampaignService;
import io.basira.server.groups.MidnightEvaluation;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.jobs.StoreMidnightJob;
import io.basira.server.platform.jobs.StoreMidnights;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.RetentionRun;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the durable scheduler (db-scheduler, docs/adr/0002-scheduler.md): the store-local midnight jobs (the
 * groups' midnight, then the nightly analytics refresh, then the browsing upkeep) and the scheduler that runs them on the injected
 * {@link Clock}. The scheduler runs in the server only, not in the short-lived command-line runs, and
 * {@code basira.jobs.enabled=false} switches it off (tests run the jobs themselves).
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    public static final String GROUPS_MIDNIGHT = "groups-midnight";
    public static final String ANALYTICS_NIGHTLY = "analytics-nightly";
    public static final String LOYALTY_MIDNIGHT = "loyalty-midnight";
    public static final String BROWSING_NIGHTLY = "browsing-nightly";
    public static final String PRIVACY_RETENTION = "privacy-retention";
    // campaigns (docs/campaigns.md): win-back and birthday enrolment, after the groups' midnight
    public static final String CAMPAIGNS_MIDNIGHT = "campaigns-midnight";

    @Bean
    StoreMidnights storeMidnights(
            MidnightEvaluation midnight,
            NightlyAnalyticsRefresh nightly,
            LoyaltyService loyalty,
            BrowsingUpkeep browsing,
            RetentionRun retention,
            CampaignService campaigns,
            JdbcStores stores,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${basira.jobs.retry:5m}") Duration retry,
            @Value("${basira.jobs.upkeep:1m}") Duration upkeep) {
        return new StoreMidnights(
                List.of(
                        new StoreMidnightJob(LOYALTY_MIDNIGHT, loyalty::midnight),
                        new StoreMidnightJob(GROUPS_MIDNIGHT, midnight::run),
                        new StoreMidnightJob(CAMPAIGNS_MIDNIGHT, campaigns::midnight),
                        new StoreMidnightJob(ANALYTICS_NIGHTLY, nightly::run),
                        new StoreMidnightJob(BROWSING_NIGHTLY, browsing::run),
                        new StoreMidnightJob(PRIVACY_RETENTION, retention::run)),
                stores,
                jdbc,
                clock,
                retry,
                upkeep);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnBooleanProperty(name = "basira.jobs.enabled", matchIfMissing = true)
    static class Running {

        @Bean
        Scheduler scheduler(
                DataSource dataSource,
                SqlDialect dialect,
                StoreMidnights midnights,
                Clock clock,
                @Value("${basira.jobs.threads:2}") int threads,
                @Value("${basira.jobs.polling-interval:10s}") Duration polling) {
            SchedulerBuilder builder = Scheduler.create(dataSource, List.of(midnights.midnightTask()));
            if (dialect == SqlDialect.H2) {
                // db-scheduler detects PostgreSQL; for H2 it would fall back to this same customization with a
                // warning at every start. The table's times are TIMESTAMP WITH TIME ZONE (V7), so no UTC override.
                builder.jdbcCustomization(new DefaultJdbcCustomization(false));
            }
            return builder.startTasks(List.of(midnights.upkeep()))
                    .clock(clock::instant)
                    .threads(threads)
                    .pollingInterval(polling)
                    .shutdownMaxWait(Duration.ofSeconds(20)) // a job cut short is revived later (idempotent)
                    .build();
        }

        @Bean
        SmartLifecycle schedulerLifecycle(Scheduler scheduler, StoreMidnights midnights) {
            return new SchedulerLifecycle(scheduler, midnights);
        }
    }

    /** Starts the scheduler once the application is up (every store given its rows first), stops it first. */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private final StoreMidnights midnights;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, StoreMidnights midnights) {
            this.scheduler = scheduler;
            this.midnights = midnights;
        }

        @Override
        public void start() {
            midnights.scheduleAll(scheduler);
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
