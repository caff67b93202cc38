package digitlab.nn.internal;

import digitlab.nn.Optimizer;
import digitlab.nn.kernel.Parallel;

/**
 * The shape every built-in optimizer shares: a step is one element-wise loop over the flat
 * parameter, gradient and decay-mask arrays (and the optimizer's own per-parameter state arrays, e.g.
 * Adam's moments), split over threads in contiguous ranges. Being element-wise, the split cannot change
 * any result. A subclass gives the update of a range ({@link #update}) and, if it needs them,
 * per-step scalars ({@link #beginStep}); this class owns the step count, the threading and saving and
 * restoring the state arrays.
 */
public abstract class ElementwiseOptimizer implements Optimizer {

    /** Loops shorter than this run on one thread: handing work over would cost more than it saves. */
    static final int PARALLEL_MIN = 1 << 15;

    private final String name;
    private final int threads;
    private final float[][] state;
    private final Parallel.RangeTask task = this::update;
    private long steps;

    // The step in progress, for update(): set for the duration of step(), so the task object is reused.
    /** The parameters being updated. */
    protected float[] p;
    /** This step's gradients. */
    protected float[] g;
    /** Per parameter 1 where weight decay applies, 0 where not. */
    protected float[] mask;
    /** This step's learning rate. */
    protected float lr;

    /**
     * @param name    the optimizer's id, for messages
     * @param state   the per-parameter state arrays (saved and restored in this order; none for plain SGD)
     * @param threads how many threads a step's loop is split over
     */
    protected ElementwiseOptimizer(String name, float[][] state, int threads) {
        this.name = name;
        this.state = state;
        this.threads = threads;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void step(float[] params, float[] grads, float[] decayMask, float rate) {
        p = params;
        g = grads;
        mask = decayMask;
        lr = rate;
        beginStep(steps + 1);
        try {
            Parallel.forRange(params.length < PARALLEL_MIN ? 1 : threads, params.length, task);
        } finally {
            p = g = mask = null;
        }
        steps++;
    }

    /** Computes this step's scalars (e.g. bias corrections) before the loop; {@code t} counts from 1. */
    protected void beginStep(long t) {
    }

    /** Updates parameters {@code [from, to)} from {@link #p}, {@link #g}, {@link #mask}, {@link #lr} and the state. */
    protected abstract void update(int from, int to);

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final float[][] state() {
        float[][] copy = new float[state.length][];
        for (int i = 0; i < state.length; i++) copy[i] = state[i].clone();
        return copy;
    }

    /**
     * Restores the state arrays after checking their number and lengths.
     *
     * @throws IllegalArgumentException naming the optimizer and what does not fit
     */
    @Override
    public final void restore(float[][] saved, long steps) {
        if (saved == null || saved.length != state.length) {
            throw new IllegalArgumentException(name + " state: expected " + state.length + " arrays, got "
                    + (saved == null ? "none" : saved.length));
        }
        for (int i = 0; i < state.length; i++) {
            if (saved[i] == null || saved[i].length != state[i].length) {
                throw new IllegalArgumentException(name + " state: array " + i + " has "
                        + (saved[i] == null ? "no" : saved[i].length) + " values, expected " + state[i].length);
            }
        }
        for (int i = 0; i < state.length; i++) System.arraycopy(saved[i], 0, state[i], 0, state[i].length);
        this.steps = steps;
    }
}
