package io.basira.server.startup;

import io.basira.server.analytics.AnalyticsData;
import io.basira.server.analytics.ClvModelsAhead;
import io.basira.server.groups.LiveGroups;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.products.ProductAnalytics;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warm-up at start ({@link WarmUp}): in the server ({@code basira serve}) unless
 * {@code basira.warm-up.enabled=false}; never in the command line's short runs.
 */
@Configuration(proxyBeanMethods = false)
public class WarmUpConfiguration {

    @Bean
    StoreWarmUp groupsWarmUp(LiveGroups live) {
        return StoreWarmUp.of(
                "groups", live::footprint); // loads the store's customers and membership when not in memory
    }

    @Bean
    StoreWarmUp analyticsColumnsWarmUp(AnalyticsData data) {
        return StoreWarmUp.of(
                "analytics-columns", data::current); // streams the store's order columns when not in memory
    }

    @Bean
    StoreWarmUp productsWarmUp(ProductAnalytics products) {
        return StoreWarmUp.of(
                "products", products::warmUp); // reads the store's baskets and trains its next-product model
    }

    /** Once every store is warm, each store's CLV models of the day are fitted in the background (not awaited). */
    @Bean
    WarmUp warmUp(
            JdbcStores stores,
            List<StoreWarmUp> steps,
            ApplicationContext context,
            ClvModelsAhead clvModels,
            @Value("${basira.warm-up.enabled:true}") boolean enabled) {
        boolean on = enabled && context instanceof WebServerApplicationContext;
        WarmUp warmUp = new WarmUp(stores::all, steps, on);
        if (on) {
            warmUp.finished().thenRun(() -> stores.all().forEach(clvModels::prepare));
        }
        return warmUp;
    }
}
