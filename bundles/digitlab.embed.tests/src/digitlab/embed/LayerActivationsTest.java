package digitlab.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.SampleSource;
import digitlab.nn.kernel.ReferenceKernels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerActivationsTest {

    private static final Architecture ARCH = Architecture.parse(
            "1x3x3 -> dense(6) -> relu -> dropout(rate=0.5) -> dense(4) -> tanh -> dense(3) -> softmax");

    private static Model model(InputNormalization norm) {
        Network net = new Network(ARCH);
        ModelSnapshot s = ModelSnapshot.of(net, net.initialParameters(3));
        return new Model(s, new ModelMetadata("test", List.of("a", "b", "c"), norm, null, Map.of(), Instant.EPOCH, Map.of()));
    }

    private static SampleSource pixels(int n) {
        return new SampleSource() {
            @Override public int size() { return n; }
            @Override public int inputSize() { return 9; }
            @Override public int label(int i) { return i % 3; }
            @Override public void copyInput(int i, float[] dst, int off) {
                for (int k = 0; k < 9; k++) dst[off + k] = ((i * 7 + k * 3) % 11) / 10f;
            }
        };
    }

    @Test
    void eachRowIsThatImagesLayerOutputAndGuess() {
        Model m = model(new InputNormalization(0.3, 0.7));
        SampleSource px = pixels(300); // more than one batch
        ActivationSet set = LayerActivations.compute(m, px, 5, 300, new ReferenceKernels(1), EmbedProgress.NONE);
        assertEquals(4, set.dimension());
        float[] in = new float[9];
        for (int i = 0; i < 300; i += 37) {
            px.copyInput(i, in, 0);
            float[][] all = m.snapshot().activations(m.metadata().normalization().apply(in));
            assertArrayEquals(all[4], set.row(i), 1e-6f);
            assertArrayEquals(all[4], LayerActivations.of(m, in, 5), 1e-6f);
            assertEquals(m.snapshot().predictClass(m.metadata().normalization().apply(in)), set.guesses()[i]);
            assertEquals(i % 3, set.labels()[i]);
            assertEquals(i, set.indices()[i]);
        }
    }

    @Test
    void theLastHiddenLayerSkipsDropoutAndStopsBeforeTheClassifier() {
        assertEquals(5, Layers.lastHidden(new Network(ARCH)));
        Network mlp = new Network(Architecture.parse("1x2x2 -> dense(5) -> relu -> dropout(rate=0.2) -> dense(2) -> softmax"));
        assertEquals(2, Layers.lastHidden(mlp));
        assertEquals("2: relu (5)", Layers.describe(mlp, 2));
        assertEquals(2, Layers.parse(mlp, "last"));
        assertEquals(4, Layers.parse(mlp, " 4 "));
    }

    @Test
    void badLayersAndLimitsAreNamedInOneLine() {
        Model m = model(InputNormalization.IDENTITY);
        Network net = m.snapshot().network();
        assertEquals("layer 9 does not exist: this network has layers 1 to 7",
                assertThrows(IllegalArgumentException.class, () -> Layers.parse(net, "9")).getMessage());
        assertEquals("layer 'relu' is not a layer number (1 to 7) or 'last'",
                assertThrows(IllegalArgumentException.class, () -> Layers.parse(net, "relu")).getMessage());
        assertEquals("the number of images must be between 1 and 50 (the test set's size): 0",
                assertThrows(IllegalArgumentException.class, () -> LayerActivations.compute(m, pixels(50), 2, 0,
                        new ReferenceKernels(1), EmbedProgress.NONE)).getMessage());
        assertEquals("the number of images must be between 1 and 50 (the test set's size): 51",
                assertThrows(IllegalArgumentException.class, () -> LayerActivations.compute(m, pixels(50), 2, 51,
                        new ReferenceKernels(1), EmbedProgress.NONE)).getMessage());
    }

    @Test
    void theCacheKeepsMapsPerModelLayerAndLimitAndSharesActivationsAcrossMethods() {
        Model m = model(InputNormalization.IDENTITY);
        EmbeddingCache cache = new EmbeddingCache(4);
        EmbedRequest pca = new EmbedRequest(5, 100, EmbedMethod.PCA, TsneSettings.DEFAULT);
        EmbeddingCache.Key key = new EmbeddingCache.Key("model-a", pca);
        Embedding map = Embedder.embed(m, pixels(100), pca, null, new ReferenceKernels(1), 1, EmbedProgress.NONE);
        cache.put(key, map);
        assertSame(map, cache.get(new EmbeddingCache.Key("model-a",
                new EmbedRequest(5, 100, EmbedMethod.PCA, TsneSettings.DEFAULT.withPerplexity(5)))));
        assertEquals(null, cache.get(new EmbeddingCache.Key("model-b", pca)));
        assertEquals(null, cache.get(new EmbeddingCache.Key("model-a", new EmbedRequest(5, 99, EmbedMethod.PCA, null))));
        EmbeddingCache.Key tsne = new EmbeddingCache.Key("model-a", new EmbedRequest(5, 100, EmbedMethod.TSNE,
                TsneSettings.DEFAULT.withPerplexity(10).withIterations(50)));
        assertEquals(null, cache.get(tsne));
        assertSame(map.points(), cache.activations(tsne));
        cache.forget("model-a");
        assertEquals(null, cache.get(key));
    }
}
