package io.basira.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class WarmUpTest {

    private static final Store A = store(1, "a");
    private static final Store B = store(2, "b");

    @Test
    void out_of_service_until_every_store_is_warm_then_up() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> warmed = Collections.synchronizedList(new ArrayList<>());
        WarmUp warmUp = new WarmUp(
                stores(A, B),
                List.of(StoreWarmUp.of("groups", store -> {
                    await(release);
                    warmed.add(store.slug());
                })),
                true);
        Thread running = new Thread(warmUp::run);
        running.start();

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        release.countDown();
        running.join(10_000);

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails()).containsEntry("stores", 2).containsEntry("of", 2);
        assertThat(warmed).containsExactly("a", "b");
    }

    @Test
    void a_store_that_fails_to_warm_does_not_keep_the_server_out_of_service() {
        List<String> warmed = new ArrayList<>();
        WarmUp warmUp = new WarmUp(
                stores(A, B),
                List.of(
                        StoreWarmUp.of("groups", store -> {
                            if (store.equals(A)) {
                                throw new IllegalStateException("boom");
                            }
                            warmed.add(store.slug());
                        }),
                        StoreWarmUp.of("columns", store -> warmed.add(store.slug() + "-columns"))),
                true);

        warmUp.run();

        assertThat(warmUp.isDone()).isTrue();
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmed).containsExactly("a-columns", "b", "b-columns");
    }

    @Test
    void switched_off_it_is_ready_at_once_and_warms_nothing() {
        List<String> warmed = new ArrayList<>();
        WarmUp warmUp =
                new WarmUp(stores(A), List.of(StoreWarmUp.of("groups", store -> warmed.add(store.slug()))), false);
        warmUp.onApplicationEvent(null);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmed).isEmpty();
    }

    @Test
    void what_waits_for_the_warm_up_runs_after_its_log_line_so_the_sign_in_block_comes_last() {
        List<String> said = new ArrayList<>();
        WarmUp warmUp = new WarmUp(stores(A), List.of(StoreWarmUp.of("groups", store -> said.add("warmed"))), true);
        warmUp.finished().thenRun(() -> said.add("banner"));
        assertThat(said).isEmpty();
        warmUp.run();
        assertThat(said).containsExactly("warmed", "banner");
        assertThat(new WarmUp(stores(A), List.of(), false).finished()).isDone();
    }

    private static java.util.function.Supplier<List<Store>> stores(Store... all) {
        return () -> List.of(all);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Store store(long id, String slug) {
        return new Store(new StoreId(id), slug, slug, Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    }
}
