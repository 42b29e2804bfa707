package io.basira.server.analytics;

import io.basira.analytics.CardAnalytics;
import io.basira.analytics.Cohorts;
import io.basira.analytics.CustomerTypes;
import io.basira.analytics.DiscountSensitivity;
import io.basira.analytics.Overview;
import io.basira.analytics.Pareto;
import io.basira.analytics.Rfm;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.region.Regions;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.LocalDate;
import io.basira.events.AnalyticsRefreshed;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the analyses of one store for both interfaces (REST and CLI): loads the store's facts, calls the
 * core calculation, maps the result. Also refreshes the stored card fields, which customer groups read.
 */
@UseCase
public final class StoreAnalytics {

    /** What a refresh did. */
    public record Refreshed(LocalDate asOf, int customers, String clvMethod, String modelsJson) {}

    private final JdbcStoreFacts facts;
    private final JdbcCustomerAnalytics cards;
    private final Clock clock;
    private final DomainEvents events;
    private final TransactionTemplate transaction;

    public StoreAnalytics(JdbcStoreFacts facts, JdbcCustomerAnalytics cards, Clock clock, DomainEvents events,
            TransactionTemplate transaction) {
        this.transaction = transaction;
        this.facts = facts;
        this.cards = cards;
        this.clock = clock;
        this.events = events;
    }

    public Report run(Store store, AnalysisName name, AnalysisRequest request) {
        StoreFacts data = facts.load(store);
        var window = request.window();
        return switch (name) {
            case OVERVIEW -> AnalyticsJson.overview(Overview.of(data, window));
            case PARETO -> AnalyticsJson.pareto(Pareto.of(data, window));
            case COHORTS -> AnalyticsJson.cohorts(Cohorts.of(data, window));
            case RFM -> AnalyticsJson.rfm(Rfm.of(data, window));
            case TYPES -> AnalyticsJson.types(CustomerTypes.of(data, window));
            case DISCOUNTS -> AnalyticsJson.discounts(DiscountSensitivity.of(data, window));
            case REGIONS -> AnalyticsJson.regions(Regions.of(data, window, request.population()));
            case CLV -> ClvReport.of(data, request).report();
        };
    }

    /** The CLV analysis with its per-customer predictions (for the CLI's last line and {@code --out}). */
    public ClvReport clv(Store store, AnalysisRequest request) {
        return ClvReport.of(facts.load(store), request);
    }

    /**
     * Recomputes and stores every customer's card fields as of {@code asOf} and publishes
     * {@link AnalyticsRefreshed} in the same transaction (the store's groups follow it after the commit,
     * before this returns).
     */
    public Refreshed refresh(Store store, LocalDate asOf) {
        CardAnalytics.Result result = CardAnalytics.compute(facts.load(store), asOf);
        transaction.executeWithoutResult(status -> {
            cards.replace(store, asOf, clock.instant(), result.models().method(), result.customers());
            events.publish(new AnalyticsRefreshed(store.id(), asOf));
        });
        return new Refreshed(asOf, result.customers().size(), result.models().method(), result.models().toJson());
    }
}
