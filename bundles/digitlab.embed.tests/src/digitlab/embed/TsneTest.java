package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.kernel.ReferenceKernels;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TsneTest {

    private static final TsneSettings SHORT = TsneSettings.DEFAULT.withIterations(300).withPerplexity(20);

    @Test
    void separatesClustersThatPcaCannotShowApart() {
        // 10 clouds in 20 dimensions: a 2-D linear view overlaps them; t-SNE must not.
        Clusters c = new Clusters(600, 20, 10, 1);
        Embedding tsne = Embedder.tsne(c.asActivations(), SHORT, new ReferenceKernels(2), 2, EmbedProgress.NONE);
        Embedding pca = Embedder.pca(c.asActivations(), EmbedProgress.NONE);
        double t = tsne.knnAgreement(), p = pca.knnAgreement();
        assertTrue(t > 0.97, "t-SNE kNN agreement " + t);
        assertTrue(t > p, "t-SNE " + t + " vs PCA " + p);
    }

    @Test
    void theSameSeedGivesTheSameMapOnAnyNumberOfThreads() {
        Clusters c = new Clusters(300, 8, 4, 2);
        double[] a = Tsne.map(c.x, c.n, c.d, SHORT, new ReferenceKernels(1), 1, EmbedProgress.NONE);
        double[] b = Tsne.map(c.x, c.n, c.d, SHORT, new ReferenceKernels(2), 2, EmbedProgress.NONE);
        assertArrayEquals(a, b);
        double[] other = Tsne.map(c.x, c.n, c.d, SHORT.withSeed(2), new ReferenceKernels(1), 1, EmbedProgress.NONE);
        assertFalse(java.util.Arrays.equals(a, other), "another seed, another start, another map");
    }

    @Test
    void stopsWhenCancelledAndReportsProgressOnTheWay() {
        Clusters c = new Clusters(200, 5, 3, 3);
        AtomicInteger reports = new AtomicInteger();
        double[] last = {0};
        EmbedProgress progress = new EmbedProgress() {
            @Override
            public void report(String phase, double fraction) {
                assertTrue(fraction >= last[0] - 1e-12 && fraction <= 1 + 1e-12, phase + " " + fraction);
                last[0] = fraction;
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return reports.get() >= 40;
            }
        };
        assertThrows(CancellationException.class,
                () -> Tsne.map(c.x, c.n, c.d, SHORT, new ReferenceKernels(1), 1, progress));
        assertEquals(40, reports.get());
    }

    @Test
    void refusesAPerplexityTooLargeForThePoints() {
        Clusters c = new Clusters(30, 3, 2, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tsne.map(c.x, c.n, c.d, TsneSettings.DEFAULT, new ReferenceKernels(1), 1, EmbedProgress.NONE));
        assertEquals("perplexity 30 is outside 2 to 9 (at most a third of the points less one)", e.getMessage());
    }
}
