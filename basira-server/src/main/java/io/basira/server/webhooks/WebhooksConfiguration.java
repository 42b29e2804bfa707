package io.basira.server.webhooks;

import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires webhooks out (docs/webhooks.md): the topics of the events offered today ({@code group.entered},
 * {@code group.left}, {@code card.changed}; a feature adds its own {@link WebhookTopic} bean), the tables, the
 * outbox listener, the dispatcher and, in the server only, the gauges and the dispatch loop
 * ({@code basira.webhooks.dispatch.enabled=false} switches the loop off: tests dispatch themselves).
 */
@Configuration(proxyBeanMethods = false)
public class WebhooksConfiguration {

    @Bean
    GroupWebhooks groupWebhooks() {
        return new GroupWebhooks();
    }

    @Bean
    CardWebhooks cardWebhooks() {
        return new CardWebhooks();
    }

    @Bean
    WebhookCatalogue webhookCatalogue(List<WebhookTopic> topics) {
        return new WebhookCatalogue(topics);
    }

    @Bean
    EndpointAddresses endpointAddresses(
            @Value("${basira.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        return new EndpointAddresses(allowPrivate);
    }

    @Bean
    JdbcWebhookEndpoints jdbcWebhookEndpoints(JdbcTemplate jdbc) {
        return new JdbcWebhookEndpoints(jdbc);
    }

    @Bean
    JdbcWebhookDeliveries jdbcWebhookDeliveries(
            JdbcTemplate jdbc, TransactionTemplate transaction, SqlDialect dialect) {
        return new JdbcWebhookDeliveries(jdbc, transaction, dialect == SqlDialect.POSTGRESQL);
    }

    @Bean
    WebhookPayloads webhookPayloads(JsonMapper json) {
        return new WebhookPayloads(json);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookSenders(@Value("${basira.webhooks.concurrency:4}") int concurrency) {
        return Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "basira-webhook-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            JdbcWebhookDeliveries deliveries,
            JdbcWebhookEndpoints endpoints,
            EndpointAddresses addresses,
            Clock clock,
            ExecutorService webhookSenders,
            @Value("${basira.webhooks.concurrency:4}") int concurrency,
            @Value("${basira.webhooks.connect-timeout:5s}") Duration connectTimeout,
            @Value("${basira.webhooks.response-timeout:15s}") Duration responseTimeout) {
        Duration lease = connectTimeout.plus(responseTimeout).plusSeconds(30);
        return new WebhookDispatcher(
                deliveries,
                endpoints,
                new WebhookSender(addresses, connectTimeout, responseTimeout),
                clock,
                new WebhookDispatcher.Batches(webhookSenders, concurrency, lease));
    }

    /** Wakes the loop where there is one (the server); elsewhere the deliveries wait for a server's loop. */
    @Bean
    WebhookQueue webhookQueue(
            JdbcWebhookDeliveries deliveries,
            WebhookPayloads payloads,
            Clock clock,
            ObjectProvider<WebhookDispatchLoop> loop) {
        return new WebhookQueue(deliveries, payloads, clock, () -> loop.ifAvailable(WebhookDispatchLoop::wake));
    }

    @Bean
    WebhookFanOut webhookFanOut(WebhookCatalogue catalogue, JdbcWebhookEndpoints endpoints, WebhookQueue queue) {
        return new WebhookFanOut(catalogue, endpoints, queue);
    }

    @Bean
    WebhookEndpoints webhookEndpoints(
            JdbcWebhookEndpoints endpoints,
            WebhookQueue queue,
            WebhookCatalogue catalogue,
            EndpointAddresses addresses,
            Clock clock,
            io.basira.server.privacy.ConnectionChanges audit) {
        return new WebhookEndpoints(endpoints, queue, catalogue, addresses, clock, audit);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnBooleanProperty(name = "basira.webhooks.dispatch.enabled", matchIfMissing = true)
    static class InTheServer {

        @Bean
        WebhookDispatchLoop webhookDispatchLoop(
                WebhookDispatcher dispatcher,
                JdbcWebhookDeliveries deliveries,
                Clock clock,
                @Value("${basira.webhooks.poll:1s}") Duration poll,
                @Value("${basira.webhooks.retention:30d}") Duration retention) {
            return new WebhookDispatchLoop(dispatcher, deliveries, clock, poll, retention);
        }
    }

    /** The gauges, in every server (also one that does not send). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Gauges {

        @Bean
        WebhookMetrics webhookMetrics(
                JdbcWebhookDeliveries deliveries, Clock clock, ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? null : new WebhookMetrics(deliveries, clock, meters);
        }
    }
}
