package io.basira.bench;

import io.basira.index.CustomerIndex;

/**
 * Prints the heap bytes per customer of a {@link SyntheticStore} index (20 fields), two ways:
 * from array lengths ({@link CustomerIndex#heapBytes()}, includes unused capacity) and from the
 * JVM's used heap after GC, before and after building.
 *
 * <p>Run: {@code java -Xmx4g -cp basira-bench/target/classes:$(cat /tmp/cp.txt) io.basira.bench.IndexHeapFootprint 1000000}
 */
public final class IndexHeapFootprint {

    private IndexHeapFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedAfterGc();
        CustomerIndex index = SyntheticStore.build(rows, IndexScanBenchmark.DATA_SEED);
        long after = usedAfterGc();
        System.out.printf("rows: %,d%n", index.size());
        System.out.printf("computed from arrays: %.1f bytes per customer%n", (double) index.heapBytes() / rows);
        System.out.printf("measured (used heap after GC): %.1f bytes per customer%n", (double) (after - before) / rows);
        System.out.println(index.size() > 0 ? "" : "(empty)");
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
