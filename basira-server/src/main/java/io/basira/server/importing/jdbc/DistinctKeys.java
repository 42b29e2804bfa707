package io.basira.server.importing.jdbc;

/**
 * Whether every key staged into one table was different, judged from 64-bit hashes of the keys in an
 * open-addressing set of {@code long}s (16 bytes a key at most, instead of the keys themselves). Two keys
 * with the same hash count as a repeat: the answer "all distinct" is exact, "repeated" may rarely be a
 * collision, which only makes the caller take its general path (the one that picks each record's last
 * version). The same general path is taken, without the memory, for a table of more than {@value #MAX_KEYS}
 * keys (the set would outgrow a bounded heap: 256 MB at that size) and for keys added after {@link #seal}.
 * Not thread-safe.
 */
final class DistinctKeys {

    /** The most keys followed; beyond them the answer is "may repeat" and the set is dropped. */
    static final int MAX_KEYS = 1 << 24;

    private final int maxKeys;
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean repeated;

    DistinctKeys() {
        this(MAX_KEYS);
    }

    /** A set that follows at most {@code maxKeys} keys. */
    DistinctKeys(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Notes one key, given as its parts (a record named by two columns gives both). */
    void add(Object... parts) {
        if (repeated) {
            return;
        }
        if (slots == null || size == maxKeys) {
            // sealed (the table was ended, its keys forgotten) or too many to follow in bounded memory
            giveUp();
            return;
        }
        long hash = hash(parts);
        int mask = slots.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (slots[i] != 0) {
            if (slots[i] == hash) {
                giveUp();
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        if (++size * 2 > slots.length) {
            grow();
        }
    }

    /** Whether every key added so far was different from every other. */
    boolean allDistinct() {
        return !repeated;
    }

    /**
     * Keeps the answer and frees the keys (the table they were staged into is complete): a key added after this
     * makes the answer "may repeat".
     */
    void seal() {
        slots = null;
    }

    /** The answer is "may repeat" from now on; the memory is freed. */
    private void giveUp() {
        repeated = true;
        slots = null;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int i = (int) (hash ^ (hash >>> 32)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = hash;
            }
        }
    }

    /** FNV-1a over the parts' characters (a null part and the separator between parts hashed too); never 0. */
    static long hash(Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            String text = part == null ? "\u0000null" : part.toString();
            for (int i = 0; i < text.length(); i++) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0xffff;
            h *= 0x100000001b3L;
        }
        // a final mix spreads the low bits the slot index uses
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
