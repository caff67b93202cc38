package digitlab.bench;

import digitlab.nn.SampleSource;
import java.util.SplittableRandom;

/**
 * Random samples: a pool of {@value #POOL} random images (values in [0, 1)) and labels, any number of
 * samples cycling through it. Speed does not depend on the values, and it keeps the benchmark
 * independent of the dataset bundles.
 */
final class SyntheticSamples implements SampleSource {

    static final int POOL = 4096;

    private final int inputSize;
    private final float[] pool;
    private final int[] labels;
    private int size;

    SyntheticSamples(int inputSize, int classes) {
        this.inputSize = inputSize;
        SplittableRandom rnd = new SplittableRandom(42);
        pool = new float[POOL * inputSize];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = (float) rnd.nextDouble();
        }
        labels = new int[POOL];
        for (int i = 0; i < POOL; i++) {
            labels[i] = rnd.nextInt(classes);
        }
    }

    /** Sets the number of samples an epoch has. */
    void resize(int size) {
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int label(int i) {
        return labels[i % POOL];
    }

    @Override
    public void copyInput(int i, float[] dst, int off) {
        System.arraycopy(pool, (i % POOL) * inputSize, dst, off, inputSize);
    }
}
