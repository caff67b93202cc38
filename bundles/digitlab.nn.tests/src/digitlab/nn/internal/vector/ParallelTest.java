package digitlab.nn.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import digitlab.nn.kernel.Parallel;

/**
 * The spinning pool behind the vector kernels ({@link Parallel}): chunks cover the range exactly
 * once with boundaries that depend only on n and parts, failures come back to the caller, and
 * nested or concurrent callers (training and canvas inference at once) get correct results.
 */
class ParallelTest {

    @Test
    void chunksCoverTheRangeOnceWithFixedBoundaries() {
        for (int parts = 1; parts <= 4; parts++) {
            for (int n : new int[] {0, 1, 2, 3, 7, 100, 1001}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
                Parallel.forRange(parts, n, (from, to) -> {
                    chunks.add(new int[] {from, to});
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, hits.get(i), "index " + i + " of " + n + " with " + parts + " parts");
                }
                int expected = Math.max(1, Math.min(parts, n));
                assertEquals(expected, chunks.size(), "chunks for n=" + n + ", parts=" + parts);
                chunks.sort((a, b) -> Integer.compare(a[0], b[0]));
                for (int c = 0; c < expected; c++) {
                    assertEquals((int) ((long) n * c / expected), chunks.get(c)[0]);
                    assertEquals((int) ((long) n * (c + 1) / expected), chunks.get(c)[1]);
                }
            }
        }
    }

    @Test
    void moreChunksThanThreadsKeepTheBoundariesOfTheChunkCount() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int parts : new int[] {1, 4, 8, 13}) {
                int n = 1000;
                List<int[]> chunks = Collections.synchronizedList(new ArrayList<>());
                Parallel.forRange(threads, parts, n, (from, to) -> chunks.add(new int[] {from, to}));
                assertEquals(parts, chunks.size());
                chunks.sort((a, b) -> Integer.compare(a[0], b[0]));
                for (int c = 0; c < parts; c++) {
                    assertEquals(n * c / parts, chunks.get(c)[0], "threads=" + threads + ", parts=" + parts);
                    assertEquals(n * (c + 1) / parts, chunks.get(c)[1]);
                }
            }
        }
    }

    @Test
    void aFailingChunkIsRethrownAndThePoolStillWorks() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallel.forRange(2, 10, (from, to) -> {
                    if (from > 0) throw boom;
                }));
        assertSame(boom, thrown);
        AtomicIntegerArray hits = new AtomicIntegerArray(10);
        Parallel.forRange(2, 10, (from, to) -> {
            for (int i = from; i < to; i++) hits.incrementAndGet(i);
        });
        for (int i = 0; i < 10; i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void nestedCallsRunAndGiveTheSameResult() {
        int n = 64;
        long[] sums = new long[n];
        Parallel.forRange(2, n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int row = i;
                long[] part = new long[3];
                Parallel.forRange(3, 3, (a, b) -> {
                    for (int j = a; j < b; j++) part[j] = (long) row * (j + 1);
                });
                sums[i] = part[0] + part[1] + part[2];
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(6L * i, sums[i]);
        }
    }

    @Test
    void concurrentCallersGetCorrectResults() throws InterruptedException {
        AtomicBoolean wrong = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            Thread caller = new Thread(() -> {
                for (int r = 0; r < 500; r++) {
                    int round = r;
                    int n = 1 + (round * 7 + seed) % 200;
                    int[] values = new int[n];
                    Parallel.forRange(2, n, (from, to) -> {
                        for (int i = from; i < to; i++) values[i] = i * seed + round;
                    });
                    for (int i = 0; i < n; i++) {
                        if (values[i] != i * seed + round) wrong.set(true);
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(60_000);
        }
        assertFalse(wrong.get(), "some chunk was skipped or run on stale data");
    }
}
