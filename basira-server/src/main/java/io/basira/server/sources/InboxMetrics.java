package io.basira.server.sources;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The webhooks' counters (Prometheus names {@code basira_webhooks_*_total}), labelled by platform: received
 * (stored), duplicates (redeliveries acknowledged, not stored), rejected (401: missing, bad or stale
 * signature — nothing else of such a request is kept), parked (stored but not applicable).
 */
public final class InboxMetrics {

    private final MeterRegistry registry;

    InboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Platform platform) {
        counter("basira.webhooks.received", platform).increment();
    }

    public void duplicate(Platform platform) {
        counter("basira.webhooks.duplicates", platform).increment();
    }

    public void rejected(Platform platform, Signatures.Refusal refusal) {
        Counter.builder("basira.webhooks.rejected")
                .tag("platform", platform.code())
                .tag("reason", refusal.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment();
    }

    void parked(Platform platform) {
        counter("basira.webhooks.parked", platform).increment();
    }

    /** The count of a counter by platform, summed over its other tags (for tests and the dashboard). */
    double count(String name, Platform platform) {
        return registry.find(name).tag("platform", platform.code()).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private Counter counter(String name, Platform platform) {
        return Counter.builder(name).tag("platform", platform.code()).register(registry);
    }
}
