package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.ReferenceKernels;
import org.junit.jupiter.api.Test;

/** New points (a drawing, an image not in the map) land among their class. */
class PlacementTest {

    /** The share of the 10 map points nearest to {@code at} that have label {@code c}. */
    private static double shareOfClassAround(Embedding map, double[] at, int c) {
        int n = map.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(dist(map, a, at), dist(map, b, at)));
        int same = 0;
        for (int m = 0; m < 10; m++) if (map.points().labels()[order[m]] == c) same++;
        return same / 10.0;
    }

    private static double dist(Embedding map, int i, double[] at) {
        return Math.pow(map.x(i) - at[0], 2) + Math.pow(map.y(i) - at[1], 2);
    }

    @Test
    void aNewPointLandsAmongItsClassInTheTsneMap() {
        // 60 dimensions: wider than t-SNE's input, so the placer also goes through the PCA reduction.
        Clusters c = new Clusters(500, 60, 5, 1);
        Embedding map = Embedder.tsne(c.asActivations(), TsneSettings.DEFAULT.withIterations(300).withPerplexity(20),
                new ReferenceKernels(2), 2, EmbedProgress.NONE);
        for (int cls = 0; cls < 5; cls++) {
            double[] at = map.placer().place(c.sample(cls, 100 + cls));
            assertTrue(shareOfClassAround(map, at, cls) >= 0.9, "class " + cls);
        }
    }

    @Test
    void aPointOfTheMapIsPlacedOnItself() {
        Clusters c = new Clusters(200, 8, 4, 2);
        Embedding map = Embedder.tsne(c.asActivations(), TsneSettings.DEFAULT.withIterations(100).withPerplexity(10),
                new ReferenceKernels(1), 1, EmbedProgress.NONE);
        double[] at = map.placer().place(c.asActivations().row(17));
        assertArrayEquals(new double[] {map.x(17), map.y(17)}, at, 0);
    }

    @Test
    void pcaPlacesAPointExactlyWhereItsProjectionIs() {
        Clusters c = new Clusters(300, 10, 3, 3);
        Embedding map = Embedder.pca(c.asActivations(), EmbedProgress.NONE);
        double[] at = map.placer().place(c.asActivations().row(5));
        assertEquals(map.x(5), at[0], 1e-4);
        assertEquals(map.y(5), at[1], 1e-4);
        for (int cls = 0; cls < 3; cls++) {
            assertTrue(shareOfClassAround(map, map.placer().place(c.sample(cls, 7 + cls)), cls) >= 0.9, "class " + cls);
        }
    }

    @Test
    void knnAgreementIsOneForSeparatedClassesAndLowForShuffledLabels() {
        // Four clouds of spread 1, 20 apart.
        int n = 400;
        int[] labels = new int[n];
        double[] xy = new double[2 * n];
        digitlab.nn.Rng noise = new digitlab.nn.Rng(4);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            xy[2 * i] = 20 * labels[i] + noise.nextGaussian();
            xy[2 * i + 1] = noise.nextGaussian();
        }
        assertEquals(1, KnnAgreement.of(xy, labels, 10));
        int[] shuffled = labels.clone();
        digitlab.nn.Rng rng = new digitlab.nn.Rng(5);
        rng.shuffle(shuffled, shuffled.length);
        assertTrue(KnnAgreement.of(xy, shuffled, 10) < 0.1);
    }
}
