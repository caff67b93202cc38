package digitlab.embed;

import digitlab.nn.Rng;

/**
 * Seeded test data: {@code classes} Gaussian clouds in {@code d} dimensions, centres 4 apart on average and
 * spread 1, so that nearest neighbours almost always share their cloud.
 */
final class Clusters {

    final int n, d;
    final float[] x;
    final int[] labels;
    final float[] centres;

    Clusters(int n, int d, int classes, long seed) {
        this.n = n;
        this.d = d;
        Rng centreRng = new Rng(7);
        centres = new float[classes * d];
        for (int i = 0; i < centres.length; i++) centres[i] = (float) (3 * centreRng.nextGaussian());
        Rng rng = new Rng(seed);
        x = new float[n * d];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < d; j++) x[i * d + j] = centres[labels[i] * d + j] + (float) rng.nextGaussian();
        }
    }

    /** A new point of cloud {@code c}, drawn from its own seed. */
    float[] sample(int c, long seed) {
        Rng rng = new Rng(seed);
        float[] p = new float[d];
        for (int j = 0; j < d; j++) p[j] = centres[c * d + j] + (float) rng.nextGaussian();
        return p;
    }

    ActivationSet asActivations() {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        return new ActivationSet(n, d, x.clone(), indices, labels.clone(), labels.clone());
    }
}
