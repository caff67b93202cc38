package digitlab.nn.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a range of independent work items over a fixed number of threads, deterministically:
 * the range {@code [0, n)} is cut into {@code parts} contiguous chunks of (almost) equal size,
 * the calling thread runs the first chunk and pool threads run the rest.
 *
 * <p>The pool threads are daemon threads shared by the whole process, created on first use.
 * Kernels call this once per matrix product, so the cost of handing work over (a few
 * microseconds) matters only for tiny products; callers should pass {@code parts = 1} for those.
 */
public final class Parallel {

    /** The work on one chunk {@code [from, to)} of the range. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();
    private static volatile ExecutorService pool;

    private Parallel() {
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into at most {@code parts} chunks and returns when
     * all chunks are done. Chunk boundaries depend only on {@code n} and {@code parts}.
     * An exception thrown by any chunk is rethrown here.
     */
    public static void forRange(int parts, int n, RangeTask task) {
        int chunks = Math.max(1, Math.min(parts, n));
        if (chunks == 1) {
            task.run(0, n);
            return;
        }
        ExecutorService executor = pool();
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = bound(n, chunks, c);
            int to = bound(n, chunks, c + 1);
            futures[c - 1] = executor.submit(() -> task.run(from, to));
        }
        Throwable failure = null;
        try {
            task.run(0, bound(n, chunks, 1));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = e;
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) failure = e.getCause();
            }
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException("parallel task failed", failure);
    }

    /** Start of chunk {@code c} of {@code chunks} over {@code [0, n)}. */
    static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** The number of processors the JVM may use: the natural upper bound for thread counts. */
    public static int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "digitlab-kernel-" + THREAD_COUNTER.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
