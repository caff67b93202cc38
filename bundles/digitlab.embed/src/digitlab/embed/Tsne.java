package digitlab.embed;

import digitlab.embed.internal.QuadTree;
import digitlab.nn.Rng;
import digitlab.nn.kernel.Kernels;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014): sparse input affinities from exact nearest neighbours, a quadtree for
 * the repulsive forces, gradient descent with momentum and per-coordinate gains. Deterministic: the same data,
 * settings and seed give the same map on any number of threads.
 */
public final class Tsne {

    private Tsne() {
    }

    /**
     * The 2-D map ({@code [n x 2]}) of the rows of {@code x} ({@code [n x d]}); use the rows as they are (reduce
     * them first, e.g. with {@link Pca}, when they are wide).
     *
     * @throws IllegalArgumentException for settings that do not fit {@code n} ({@link TsneSettings#validate})
     * @throws java.util.concurrent.CancellationException when {@code progress} cancels
     */
    public static double[] map(float[] x, int n, int d, TsneSettings settings, Kernels kernels, int threads,
                               EmbedProgress progress) {
        settings.validate(n);
        Neighbours neighbours = Neighbours.of(x, n, d, settings.neighbours(n), kernels,
                scaled(progress, 0, 0.15, "t-SNE neighbours"));
        Affinities p = Affinities.of(neighbours, n, settings.perplexity());
        return optimise(p, settings, threads, scaled(progress, 0.15, 1, "t-SNE"));
    }

    /** Gradient descent on the map for affinities {@code p}, from a seeded Gaussian start of spread 1e-4. */
    public static double[] optimise(Affinities p, TsneSettings settings, int threads, EmbedProgress progress) {
        int n = p.n();
        double[] y = new double[2 * n];
        Rng rng = new Rng(settings.seed());
        for (int k = 0; k < y.length; k++) y[k] = 1e-4 * rng.nextGaussian();
        double[] grad = new double[2 * n];
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double eta = TsneSettings.learningRate(n);
        int early = settings.earlyIterations();
        QuadTree tree = new QuadTree();
        for (int it = 0; it < settings.iterations(); it++) {
            progress.checkCancelled();
            double exaggeration = it < early ? TsneSettings.EXAGGERATION : 1;
            double momentum = it < early ? 0.5 : 0.8;
            TsneGradient.barnesHut(p, exaggeration, y, n, settings.theta(), tree, threads, grad);
            for (int k = 0; k < y.length; k++) {
                // Gains grow where the gradient keeps pointing against the last step, shrink where it flips.
                gains[k] = Math.signum(grad[k]) != Math.signum(update[k]) ? gains[k] + 0.2 : gains[k] * 0.8;
                if (gains[k] < 0.01) gains[k] = 0.01;
                update[k] = momentum * update[k] - eta * gains[k] * grad[k];
                y[k] += update[k];
            }
            centre(y, n);
            progress.report("iteration " + (it + 1) + " of " + settings.iterations(),
                    (it + 1.0) / settings.iterations());
        }
        return y;
    }

    private static void centre(double[] y, int n) {
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    /** {@code progress} seeing this step's fractions mapped to {@code [from, to]} of the whole. */
    static EmbedProgress scaled(EmbedProgress progress, double from, double to, String phase) {
        return new EmbedProgress() {
            @Override
            public void report(String step, double fraction) {
                progress.report(phase.isEmpty() ? step : phase + ": " + step, from + (to - from) * fraction);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }
}
