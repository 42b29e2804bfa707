package io.basira.analytics;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map over two parallel arrays (keys distinct), iterating in array order: what a
 * {@code LinkedHashMap} of the same entries would show (same {@code equals}, {@code hashCode},
 * {@code toString}), without an entry object per key until someone looks keys up ({@link #get} builds an
 * index on first use).
 */
final class ColumnMap<V> extends AbstractMap<String, V> {

    private final String[] keys;
    private final V[] values;
    private volatile Map<String, Integer> index;

    ColumnMap(String[] keys, V[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException("keys and values of different lengths");
        }
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public V get(Object key) {
        Integer at = index().get(key);
        return at == null ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return index().containsKey(key);
    }

    private Map<String, Integer> index() {
        Map<String, Integer> map = index;
        if (map == null) {
            map = new HashMap<>(Math.max(16, keys.length * 4 / 3 + 1));
            for (int i = 0; i < keys.length; i++) {
                map.put(keys[i], i);
            }
            index = map;
        }
        return map;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }
}
