package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WebhooksOutOnPostgresTest extends WebhooksOutContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Instances on one PostgreSQL claim with FOR UPDATE SKIP LOCKED: racing dispatchers never send a message twice. */
    @Test
    void racing_dispatchers_send_every_delivery_exactly_once() throws Exception {
        Shop shop = newShop("race");
        long id = register(shop.api(), "/race", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        for (int i = 0; i < 30; i++) {
            assertThat(shop.api()
                            .postJson("/api/v1/webhook-endpoints/" + id + "/test", "")
                            .status())
                    .isEqualTo(202);
        }
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> dispatch = dispatcher::dispatchDue;
            List<Future<Integer>> runs = instances.invokeAll(List.of(dispatch, dispatch, dispatch));
            int attempts = 0;
            for (Future<Integer> run : runs) {
                attempts += run.get();
            }
            assertThat(attempts).isEqualTo(30);
        } finally {
            instances.shutdownNow();
        }
        assertThat(receiver.at("/race"))
                .hasSize(30)
                .extracting(WebhookReceiver.Request::id)
                .doesNotHaveDuplicates();
        assertThat(deliveries(shop.store())).extracting(d -> d.get("status")).containsOnly("delivered");
        assertThat(deliveries(shop.store()))
                .extracting(d -> ((Number) d.get("attempts")).intValue())
                .containsOnly(1);
    }
}
