package io.basira.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.roaringbitmap.ArrayContainer;
import org.roaringbitmap.BitmapContainer;
import org.roaringbitmap.Container;
import org.roaringbitmap.RoaringBitmap;

/**
 * Runs a {@link Scan} over all rows, one RoaringBitmap chunk (65,536 rows = 1,024 words) at a
 * time: the window and the per-depth temporaries stay in L1/L2 cache, and each finished window
 * becomes one Roaring container (an array container up to 4,096 members, else a bitmap
 * container) appended in key order — no intermediate full-size bitset, no per-row adds.
 *
 * <p>In parallel, the chunks are split into contiguous ranges, one task per range, each with its
 * own scratch; containers are collected by chunk number and appended in order, so the result
 * does not depend on the thread schedule.
 */
final class ChunkedScan {

    static final int CHUNK_ROWS = 1 << 16;
    static final int CHUNK_WORDS = CHUNK_ROWS >>> 6;
    private static final int ARRAY_CONTAINER_MAX = 4096;

    private ChunkedScan() {}

    static RoaringBitmap run(Scan root, int rows) {
        Container[] containers = new Container[chunks(rows)];
        scanChunks(root, rows, 0, containers.length, containers);
        return assemble(containers);
    }

    static RoaringBitmap run(Scan root, int rows, Executor executor, int parts) {
        int chunks = chunks(rows);
        Container[] containers = new Container[chunks];
        int perPart = Math.max(1, (chunks + parts - 1) / parts);
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int from = 0; from < chunks; from += perPart) {
            int start = from;
            int end = Math.min(chunks, from + perPart);
            tasks.add(CompletableFuture.runAsync(() -> scanChunks(root, rows, start, end, containers), executor));
        }
        CompletableFuture.allOf(tasks.toArray(new CompletableFuture<?>[0])).join();
        return assemble(containers);
    }

    private static int chunks(int rows) {
        return (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    }

    private static void scanChunks(Scan root, int rows, int fromChunk, int toChunk, Container[] into) {
        long[] window = new long[CHUNK_WORDS];
        Scratch scratch = new Scratch(CHUNK_WORDS);
        for (int chunk = fromChunk; chunk < toChunk; chunk++) {
            int firstRow = chunk * CHUNK_ROWS;
            int rowsHere = Math.min(CHUNK_ROWS, rows - firstRow);
            int words = (rowsHere + 63) >>> 6;
            root.fill(window, firstRow, words, scratch, 0);
            if ((rowsHere & 63) != 0) {
                window[words - 1] &= (1L << rowsHere) - 1;
            }
            into[chunk] = containerOf(window, words);
        }
    }

    private static Container containerOf(long[] window, int words) {
        int cardinality = 0;
        for (int w = 0; w < words; w++) {
            cardinality += Long.bitCount(window[w]);
        }
        if (cardinality == 0) {
            return null;
        }
        if (cardinality > ARRAY_CONTAINER_MAX) {
            long[] bits = new long[CHUNK_WORDS];
            System.arraycopy(window, 0, bits, 0, words);
            return new BitmapContainer(bits, cardinality);
        }
        char[] members = new char[cardinality];
        int n = 0;
        for (int w = 0; w < words; w++) {
            long word = window[w];
            while (word != 0) {
                members[n++] = (char) ((w << 6) + Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
        return new ArrayContainer(cardinality, members);
    }

    private static RoaringBitmap assemble(Container[] containers) {
        RoaringBitmap result = new RoaringBitmap();
        for (int chunk = 0; chunk < containers.length; chunk++) {
            if (containers[chunk] != null) {
                result.append((char) chunk, containers[chunk]);
            }
        }
        return result;
    }
}
