package io.basira.server.checkout.simulation;

import io.basira.checkout.simulation.GroupAudiences;
import io.basira.checkout.simulation.SimulateOffer;
import io.basira.groups.GroupInsights;
import io.basira.segment.FieldCatalogue;
import io.basira.server.analytics.AnalyticsData;
import io.basira.server.checkout.CheckoutSetup;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the offer simulator: reach from the groups' memory ({@link GroupAudiences} over {@link GroupInsights}, the
 * membership checkout decides with), orders from the analytics' columns in memory ({@link AnalyticsData}), the
 * application's clock.
 */
@Configuration(proxyBeanMethods = false)
public class SimulationConfiguration {

    @Bean
    SimulateOffer simulateOffer(GroupInsights groups, AnalyticsData orders, Clock clock) {
        return new SimulateOffer(
                new GroupAudiences(groups), store -> orders.current(store).facts(), clock);
    }

    @Bean
    OfferSimulations offerSimulations(SimulateOffer simulator, CheckoutSetup setup, FieldCatalogue fields) {
        return new OfferSimulations(simulator, setup, fields);
    }
}
