package digitlab.train.internal;

import java.util.function.BooleanSupplier;

/**
 * Shares the machine's cores between training runs, so that two runs side by side do not
 * oversubscribe them: a run takes as many threads as it wants and are free (at least one), and waits
 * while none is free. Results never depend on the thread count, so a run given fewer threads than it
 * asked for trains the same model, only slower.
 */
public final class ThreadBudget {

    private static final ThreadBudget SHARED = new ThreadBudget(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final int total;
    private int free;

    /** A budget of {@code total} threads. */
    public ThreadBudget(int total) {
        if (total < 1) throw new IllegalArgumentException("total must be at least 1");
        this.total = total;
        this.free = total;
    }

    /**
     * The process-wide budget: one thread per available processor. Static because the cores are a property of
     * the process: every run of it, started from a view or the command line, must draw from the same budget.
     */
    public static ThreadBudget shared() {
        return SHARED;
    }

    /** The budget's size. */
    public int total() {
        return total;
    }

    /** Threads not taken now. */
    public synchronized int free() {
        return free;
    }

    /**
     * Takes between 1 and {@code wanted} threads, waiting while none is free.
     *
     * @param cancel checked every 100 ms while waiting; true gives up
     * @return the threads granted, or 0 when cancelled while waiting
     */
    public synchronized int acquire(int wanted, BooleanSupplier cancel) throws InterruptedException {
        int want = Math.max(1, Math.min(wanted, total));
        while (free == 0) {
            if (cancel != null && cancel.getAsBoolean()) return 0;
            wait(100);
        }
        int granted = Math.min(want, free);
        free -= granted;
        return granted;
    }

    /** Gives back threads from {@link #acquire}. */
    public synchronized void release(int threads) {
        free = Math.min(total, free + threads);
        notifyAll();
    }
}
