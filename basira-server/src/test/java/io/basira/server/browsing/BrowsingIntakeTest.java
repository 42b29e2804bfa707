package io.basira.server.browsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.shared.StoreId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The intake's bound: a request whose events do not all fit is refused whole; the writer drains in batches per store. */
class BrowsingIntakeTest {

    private static final StoreId A = new StoreId(1);
    private static final StoreId B = new StoreId(2);

    /** Records what it is given, after the gate opens. */
    static final class Recorder extends RecordBrowsing {
        final List<String> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch gate = new CountDownLatch(1);

        Recorder() {
            super(null, null, null, null);
        }

        @Override
        public Set<String> record(StoreId store, List<BrowsingEvent> batch) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(store.value() + ":" + batch.size());
            return Set.of();
        }
    }

    @Test
    void a_full_queue_refuses_a_request_whole_and_the_writer_drains_it_in_batches_per_store() throws Exception {
        Recorder recorder = new Recorder();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BrowsingIntake intake = new BrowsingIntake(recorder, 5, 4, meters);
        assertThat(intake.offer(A, events(3))).isTrue();
        assertThat(intake.offer(B, events(3))).as("3 more do not fit in 5").isFalse();
        assertThat(intake.offer(B, events(2))).isTrue();
        assertThat(intake.queued()).isEqualTo(5);
        assertThat(meters.counter("basira.browsing.refused", "cause", "full").count())
                .isEqualTo(1);

        intake.start();
        recorder.gate.countDown();
        assertThat(intake.flush(Duration.ofSeconds(10))).isTrue();
        intake.stop();
        assertThat(recorder.batches).containsExactly("1:3", "2:1", "2:1");
        assertThat(meters.counter("basira.browsing.written").count()).isEqualTo(5);
        assertThat(intake.queued()).isZero();
    }

    @Test
    void above_half_the_capacity_a_request_waits_for_the_writer_a_little_then_is_queued_or_refused() throws Exception {
        Recorder recorder = new Recorder();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BrowsingIntake intake = new BrowsingIntake(recorder, 10, 10, meters);
        assertThat(intake.offer(A, events(5))).as("at half: no wait").isTrue();
        assertThat(intake.offer(A, events(1))).isTrue();

        long started = System.nanoTime();
        assertThat(intake.offer(A, events(2)))
                .as("over half: waits, then queued")
                .isTrue();
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(BrowsingIntake.PACE.toNanos());
        assertThat(intake.offer(A, events(5)))
                .as("full after the wait: refused")
                .isFalse();

        // the writer takes a batch: a waiting request goes on at once
        intake.start();
        recorder.gate.countDown();
        assertThat(intake.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(intake.offer(A, events(6))).isTrue();
        CountDownLatch queued = new CountDownLatch(1);
        Thread paced = new Thread(() -> {
            if (intake.offer(A, events(1))) {
                queued.countDown();
            }
        });
        paced.start();
        assertThat(queued.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(intake.flush(Duration.ofSeconds(10))).isTrue();
        intake.stop();
        assertThat(meters.counter("basira.browsing.written").count()).isEqualTo(15);
    }

    private static List<BrowsingEvent> events(int count) {
        List<BrowsingEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new BrowsingEvent(
                    EventKind.PAGE, "visitor-1", "session-1", Instant.EPOCH, "/" + i, null, null, null, null));
        }
        return events;
    }
}
