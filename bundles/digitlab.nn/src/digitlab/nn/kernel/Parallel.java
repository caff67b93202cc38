package digitlab.nn.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of independent work items over a fixed number of threads, deterministically:
 * the range {@code [0, n)} is cut into {@code parts} contiguous chunks of (almost) equal size,
 * and the calling thread and pool threads run the chunks. Chunk boundaries depend only on
 * {@code n} and {@code parts}; which thread runs which chunk does not matter to the result.
 *
 * <p>The pool threads are daemon threads shared by the whole process, created on first use. A
 * training step calls this a dozen times for products that take tens of microseconds, so handing
 * work over must be cheap: a worker that has just finished keeps spinning for a short while
 * ({@link #SPIN_NANOS}, yielding the core after the first {@link #BUSY_SPIN_NANOS}) waiting for the
 * next job, and only then parks. A hand-over to a spinning
 * worker costs well under a microsecond; to a parked one, the few microseconds of an unpark.
 *
 * <p>Chunks are claimed one at a time from a shared counter by the caller and the workers it
 * engaged, so a worker the scheduler does not run (a busy machine) delays at most the one chunk it
 * has started: the caller takes all the others, and takes the job back from a worker that has not
 * started at all. {@link #forRange(int, int, int, RangeTask)} cuts the range into more chunks than
 * threads to make that loss small.
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

    /**
     * How long an idle worker waits for the next job before it parks: long enough to bridge the
     * gaps in a training step. It spins hard for {@link #BUSY_SPIN_NANOS} (the next product often
     * follows within microseconds), then yields between checks, so that on a machine with more
     * runnable threads than cores the waiting worker does not keep a core from the others (the
     * training thread among them).
     */
    static final long SPIN_NANOS = 150_000;
    /** The first part of {@link #SPIN_NANOS}, spent spinning without yielding. */
    static final long BUSY_SPIN_NANOS = 20_000;

    private static final AtomicInteger THREAD_COUNTER = new AtomicInteger();
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    /** The one job in flight, reused: only the owner of {@link #BUSY} sets it up. */
    private static final Job JOB = new Job();
    private static volatile Worker[] workers = new Worker[0];

    private Parallel() {
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into at most {@code parts} chunks, on up to
     * {@code parts} threads (the caller and pool threads), and returns when all chunks are done.
     * Chunk boundaries depend only on {@code n} and {@code parts}. An exception thrown by any
     * chunk is rethrown here.
     */
    public static void forRange(int parts, int n, RangeTask task) {
        forRange(parts, parts, n, task);
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into at most {@code parts} chunks, on at most
     * {@code threads} threads (the caller and pool threads), and returns when all chunks are done.
     * Chunk boundaries depend only on {@code n} and {@code parts}. An exception thrown by any chunk
     * is rethrown here (the first one, if several fail).
     */
    public static void forRange(int threads, int parts, int n, RangeTask task) {
        int chunks = Math.max(1, Math.min(parts, n));
        int helpers = Math.min(threads, chunks) - 1;
        if (helpers <= 0 || !BUSY.compareAndSet(false, true)) {
            for (int c = 0; c < chunks; c++) {
                task.run(bound(n, chunks, c), bound(n, chunks, c + 1));
            }
            return;
        }
        try {
            Worker[] pool = workers(helpers);
            JOB.set(task, n, chunks);
            for (int w = 0; w < helpers; w++) {
                pool[w].offer(JOB);
            }
            JOB.work();
            for (int w = 0; w < helpers; w++) {
                pool[w].withdrawOrAwait(JOB);
            }
            Throwable failure = JOB.failure;
            JOB.set(null, 0, 0);
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
     * A range cut into chunks that threads claim one at a time. The fields are written by the owner
     * before the job is offered (a volatile write in {@link Worker#offer}) and read by workers after
     * they take it (a volatile read), so they are visible without being volatile themselves.
     */
    private static final class Job {
        private RangeTask task;
        private int n;
        private int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private volatile Throwable failure;

        void set(RangeTask t, int size, int count) {
            task = t;
            n = size;
            chunks = count;
            next.set(0);
            failure = null;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    task.run(bound(n, chunks, c), bound(n, chunks, c + 1));
                } catch (Throwable e) {
                    if (failure == null) failure = e;
                }
            }
        }
    }

    /**
     * One pool thread with a one-job mailbox. Whoever takes the job out of the mailbox (a
     * compare-and-set) decides: the worker, which then works on it and sets {@code done}, or the
     * owner, withdrawing a job the worker has not started, which then need not wait.
     */
    private static final class Worker implements Runnable {
        final Thread thread;
        private final AtomicReference<Job> mailbox = new AtomicReference<>();
        private volatile boolean done;
        private volatile boolean parked;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void offer(Job job) {
            done = false;
            mailbox.set(job);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        /** Takes the job back if the worker has not started it, else waits until it has finished. */
        void withdrawOrAwait(Job job) {
            if (mailbox.compareAndSet(job, null)) {
                return;
            }
            int spins = 0;
            while (!done) {
                if (++spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                take().work();
                done = true;
            }
        }

        /** Spins for a job, parks after {@link #SPIN_NANOS} without one, and claims it. */
        private Job take() {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (true) {
                Job job = mailbox.get();
                if (job != null) {
                    if (mailbox.compareAndSet(job, null)) {
                        return job;
                    }
                    continue;
                }
                if ((++spins & 255) != 0) {
                    Thread.onSpinWait();
                    continue;
                }
                long waited = System.nanoTime() - spinStart;
                if (waited < BUSY_SPIN_NANOS) {
                    continue;
                }
                if (waited < SPIN_NANOS) {
                    // Still ready at once, but let whatever else wants this core run meanwhile.
                    Thread.yield();
                    continue;
                }
                // Park; the owner unparks us when it sees 'parked' after offering a job.
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
