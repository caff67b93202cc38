package digitlab.nn.conv;

import digitlab.nn.Pass;

/**
 * One convolution pass's arguments, for the tasks that {@link digitlab.nn.kernel.Parallel} runs over a group of its
 * samples ({@link FilterConvPath}, {@link DirectConvPath}): each path keeps one per calling thread and reuses it, so
 * that a training step allocates nothing (a capturing lambda per call would). The arrays are let go after each pass.
 */
abstract class ConvCall {

    Pass pass;
    float[] params;
    int offset;
    float[] x;
    float[] y;
    float[] dy;
    float[] dx;
    float[] scratch;
    /** The group: its first sample, its size, and how many parts to split it into. */
    int from;
    int count;
    int parts;

    /** Takes a pass's arguments; {@code n} samples a group, for the scratch offsets of the subclass. */
    ConvCall set(Pass pass, float[] params, int offset, float[] x, float[] scratch, int n) {
        this.pass = pass;
        this.params = params;
        this.offset = offset;
        this.x = x;
        this.scratch = scratch;
        offsets(n);
        return this;
    }

    /** Sets the subclass's offsets in scratch for groups of {@code n} samples. */
    abstract void offsets(int n);

    /** The next group: samples {@code [from, from + count)}, each {@code sampleWork} floats touched. */
    void group(int from, int count, long sampleWork) {
        this.from = from;
        this.count = count;
        this.parts = Conv2d.parts(pass, count * sampleWork);
    }

    /** After the pass: keeps no array alive. */
    void clear() {
        pass = null;
        params = x = y = dy = dx = scratch = null;
    }
}
