package digitlab.nn.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of independent work items over a fixed number of threads, deterministically:
 * the range {@code [0, n)} is cut into {@code parts} contiguous chunks of (almost) equal size,
 * the calling thread runs the first chunk and pool threads run the rest.
 *
 * <p>The pool threads are daemon threads shared by the whole process, created on first use. A
 * training step calls this a dozen times for products that take tens of microseconds, so handing
 * work over must be cheap: a worker that has just finished a chunk keeps spinning for a short while
 * ({@link #SPIN_NANOS}) waiting for the next one, and only then parks. A hand-over to a spinning
 * worker costs well under a microsecond; to a parked one, the few microseconds of an unpark.
 * A chunk that no worker has started by the time the caller finishes its own (the worker is not
 * scheduled, because the machine is busy) is run by the caller, so a busy machine makes a parallel
 * product no slower than a serial one rather than waiting for the scheduler.
 *
 * <p>One caller at a time owns the pool. When it is busy (another thread is running a parallel
 * product, or a chunk itself calls {@code forRange}), the caller runs all chunks itself, one after
 * the other: the chunk boundaries, and so the results, are the same, only slower.
 */
public final class Parallel {

    /** The work on one chunk {@code [from, to)} of the range. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /** How long an idle worker spins before it parks: long enough to bridge the gaps in a training step. */
    static final long SPIN_NANOS = 200_000;

    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Worker[] workers = new Worker[0];

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
        if (!BUSY.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) {
                task.run(bound(n, chunks, c), bound(n, chunks, c + 1));
            }
            return;
        }
        try {
            Worker[] pool = workers(chunks - 1);
            for (int c = 1; c < chunks; c++) {
                pool[c - 1].assign(task, bound(n, chunks, c), bound(n, chunks, c + 1));
            }
            Throwable failure = null;
            try {
                task.run(0, bound(n, chunks, 1));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (int c = 1; c < chunks; c++) {
                Throwable f = pool[c - 1].awaitDone();
                if (failure == null) failure = f;
            }
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error err) throw err;
            if (failure != null) throw new IllegalStateException("parallel task failed", failure);
        } finally {
            BUSY.set(false);
        }
    }

    /** Start of chunk {@code c} of {@code chunks} over {@code [0, n)}. */
    static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** The number of processors the JVM may use: the natural upper bound for thread counts. */
    public static int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** At least {@code count} started workers; only called by the thread that owns the pool. */
    private static Worker[] workers(int count) {
        Worker[] pool = workers;
        if (pool.length >= count) {
            return pool;
        }
        Worker[] grown = java.util.Arrays.copyOf(pool, count);
        for (int i = pool.length; i < count; i++) {
            grown[i] = new Worker("digitlab-kernel-" + THREAD_COUNTER.incrementAndGet());
            grown[i].thread.start();
        }
        workers = grown;
        return grown;
    }

    /**
     * One pool thread with a single-task mailbox. The owner writes {@code from} and {@code to}, then
     * publishes the task in {@code mailbox}; whoever takes it out of the mailbox (a compare-and-set)
     * runs it: normally the worker, but when the owner has finished its own chunk and the worker has
     * not yet started (descheduled on a busy machine), the owner takes the chunk back and runs it
     * itself instead of waiting. The chunk boundaries, and so the results, stay the same.
     */
    private static final class Worker implements Runnable {
        final Thread thread;
        private final AtomicReference<RangeTask> mailbox = new AtomicReference<>();
        private volatile boolean done;
        private volatile boolean parked;
        private int from;
        private int to;
        private Throwable failure;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void assign(RangeTask t, int f, int e) {
            from = f;
            to = e;
            failure = null;
            done = false;
            mailbox.set(t);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        /**
         * Runs the assigned chunk here if the worker has not taken it yet, else waits for the worker
         * (spinning: chunks are short); returns the chunk's failure, if any.
         */
        Throwable awaitDone() {
            RangeTask t = mailbox.get();
            if (t != null && mailbox.compareAndSet(t, null)) {
                try {
                    t.run(from, to);
                    return null;
                } catch (RuntimeException | Error e) {
                    return e;
                }
            }
            int spins = 0;
            while (!done) {
                if (++spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                RangeTask t = take();
                try {
                    t.run(from, to);
                } catch (Throwable e) {
                    failure = e;
                }
                done = true;
            }
        }

        /** Spins for a task, parks after {@link #SPIN_NANOS} without one, and claims it. */
        private RangeTask take() {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (true) {
                RangeTask t = mailbox.get();
                if (t != null) {
                    if (mailbox.compareAndSet(t, null)) {
                        return t;
                    }
                    continue;
                }
                if ((++spins & 255) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                // Park; the owner unparks us when it sees 'parked' after publishing a task.
                parked = true;
                if (mailbox.get() == null) {
                    LockSupport.park(this);
                }
                parked = false;
                spinStart = System.nanoTime();
            }
        }
    }
}
