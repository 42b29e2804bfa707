package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BulkReadsTest {

    @Test
    void no_more_reads_run_at_once_than_there_are_permits() throws Exception {
        BulkReads reads = new BulkReads(2, Duration.ofSeconds(10));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[8];
        for (int i = 0; i < all.length; i++) {
            all[i] = CompletableFuture.runAsync(() -> reads.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(50);
                return running.decrementAndGet();
            }));
        }
        CompletableFuture.allOf(all).get(30, TimeUnit.SECONDS);
        assertThat(most.get()).isBetween(1, 2);
        assertThat(reads.available()).isEqualTo(2);
    }

    @Test
    void a_read_that_finds_no_permit_within_the_wait_is_refused_as_busy() throws Exception {
        BulkReads reads = new BulkReads(1, Duration.ofMillis(100));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> longRead = CompletableFuture.supplyAsync(() -> reads.run(() -> {
            holding.countDown();
            await(release);
            return "done";
        }));
        holding.await();
        assertThatThrownBy(() -> reads.run(() -> "never"))
                .isInstanceOf(BulkReads.Busy.class)
                .hasMessageContaining("busy");
        release.countDown();
        assertThat(longRead.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(reads.run(() -> "now")).isEqualTo("now");
    }

    @Test
    void a_failing_read_gives_its_permit_back() {
        BulkReads reads = new BulkReads(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> reads.run(() -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(reads.available()).isEqualTo(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
