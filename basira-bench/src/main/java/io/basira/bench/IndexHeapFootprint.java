package io.basira.bench;

import io.basira.segment.audience.IndexedAudience;

/**
 * Prints the heap bytes per customer of an {@link IndexedAudience} of the synthetic store (every
 * segment field plus the birth month-day), two ways: from array lengths ({@code heapBytes()},
 * includes unused capacity) and from the JVM's used heap after GC, before and after loading.
 *
 * <p>Run: {@code java -Xmx6g -cp basira-bench/target/classes:$(cat /tmp/cp.txt) io.basira.bench.IndexHeapFootprint 1000000}
 */
public final class IndexHeapFootprint {

    private IndexHeapFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        IndexedAudience audience = SyntheticStore.build(rows, DuckDbSideBySide.DATA_SEED, null, 1);
        long after = usedAfterGc();
        System.out.printf("customers: %,d%n", audience.size());
        System.out.printf("computed from arrays: %.1f bytes per customer%n", (double) audience.heapBytes() / rows);
        System.out.printf("measured (used heap after GC): %.1f bytes per customer%n", (double) (after - before) / rows);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
