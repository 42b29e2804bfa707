package io.basira.analytics;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An unmodifiable map built the first time anyone looks inside it (at most once, also under concurrent
 * readers), for the per-customer parts of a report that most callers never read — the 80/20 report's
 * percentile of every buyer is printed by no interface, only the refresh of the card fields uses it. Its
 * size is known without building it; {@code equals}, {@code hashCode} and {@code toString} are those of the
 * built map.
 */
final class OnDemandMap<V> extends AbstractMap<String, V> {

    private final int size;
    private Supplier<Map<String, V>> build;
    private volatile Map<String, V> built;

    OnDemandMap(int size, Supplier<Map<String, V>> build) {
        this.size = size;
        this.build = build;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public V get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return map().entrySet();
    }

    private Map<String, V> map() {
        Map<String, V> map = built;
        if (map == null) {
            synchronized (this) {
                map = built;
                if (map == null) {
                    map = build.get();
                    built = map;
                    build = null;
                }
            }
        }
        return map;
    }
}
