package io.basira.server.platform.throttle;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate limit per key (an account, a client address): every key has a token bucket (Bucket4j) of
 * {@link Limit#attempts()} tokens, refilled one at a time, evenly over {@link Limit#period()} ("5 per
 * 15 minutes" lets 5 attempts at once, then one every 3 minutes). Reusable for every public door:
 * sign-in today, webhooks and the tracking snippet when they come (docs/security.md).
 *
 * <p>The buckets live in this process's memory: several servers behind a load balancer throttle each
 * on its own, and a restart forgets. At most {@code maxKeys} keys are remembered; beyond that the key
 * used least recently is forgotten (bounded memory under a flood of distinct keys). Time comes from
 * the injected {@link Clock}. Thread-safe.
 */
public final class Throttle {

    /** {@code attempts} per {@code period}: both positive. */
    public record Limit(int attempts, Duration period) {
        public Limit {
            Objects.requireNonNull(period, "period");
            if (attempts < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a throttle needs at least one attempt over a positive period, not "
                        + attempts + " per " + period);
            }
        }
    }

    private final Limit limit;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public Throttle(Limit limit, int maxKeys, Clock clock) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive, not " + maxKeys);
        }
        this.limit = limit;
        this.time = new ClockTime(clock);
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    public Limit limit() {
        return limit;
    }

    /**
     * Uses one attempt of {@code key}. @return empty when the attempt may go ahead; otherwise how long
     * until the next one is allowed (the attempt was not used)
     */
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(duration(probe.getNanosToWaitForRefill()));
    }

    /**
     * Whether {@code key} has an attempt left, without using it. @return empty when it has; otherwise how
     * long until it has
     */
    public Optional<Duration> check(String key) {
        EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(duration(probe.getNanosToWaitForRefill()));
    }

    /** Uses one attempt of {@code key} if it has one left (counting a failure after the fact). */
    public void spend(String key) {
        bucket(key).tryConsume(1);
    }

    /** Gives {@code key} its full allowance back (a successful sign-in ends the account's count). */
    public void forget(String key) {
        synchronized (buckets) {
            buckets.remove(key);
        }
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    key,
                    k -> Bucket.builder()
                            .withCustomTimePrecision(time)
                            .addLimit(bandwidth ->
                                    bandwidth.capacity(limit.attempts()).refillGreedy(limit.attempts(), limit.period()))
                            .build());
        }
    }

    private static Duration duration(long nanos) {
        return Duration.ofNanos(Math.max(nanos, 0));
    }

    /** Bucket4j's time source from the application's {@link Clock} (milliseconds). */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
