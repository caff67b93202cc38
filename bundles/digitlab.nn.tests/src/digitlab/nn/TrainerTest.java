package digitlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.kernel.ReferenceKernels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    static final Architecture ARCH = Architecture.parse(
            "12 -> dense(16, init=he) -> relu -> dropout(rate=0.2) -> dense(9) -> tanh -> dense(4) -> softmax");
    static final TrainingConfig CONFIG = TrainingConfig.defaults().withBatchSize(16).withEpochs(3)
            .withLearningRate(0.01).withSchedule("cosine").withWeightDecay(1e-3).withSeed(11);
    static final Blobs TRAIN = new Blobs(300, 12, 4, 1);   // 19 batches per epoch, the last one of 12
    static final Blobs TEST = new Blobs(200, 12, 4, 2);

    private static Trainer trainer(TrainingConfig config, int threads) {
        return new Trainer(new Network(ARCH), config, new ReferenceKernels(threads));
    }

    private static float[] trainedParameters(TrainingConfig config, int threads) {
        Trainer t = trainer(config, threads);
        assertEquals(TrainingResult.Status.COMPLETED, t.train(TRAIN, null, null, null).status());
        return t.snapshot().parameters();
    }

    @Test
    void learnsASeparableProblem() {
        Trainer t = trainer(CONFIG, 1);
        double before = t.evaluate(TEST).accuracy();
        List<EpochMetrics> epochs = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        TrainingResult r = t.train(TRAIN, TEST, new TrainerListener() {
            @Override public void onBatch(BatchMetrics m) {
                batches.incrementAndGet();
                assertTrue(m.learningRate() > 0 && m.learningRate() <= 0.01);
            }
            @Override public void onEpoch(EpochMetrics m) {
                epochs.add(m);
            }
        }, null);
        assertEquals(TrainingResult.Status.COMPLETED, r.status());
        assertEquals(3 * 19, batches.get());
        assertEquals(3, epochs.size());
        assertTrue(epochs.get(2).trainLoss() < epochs.get(0).trainLoss(), epochs.toString());
        Evaluation e = r.snapshot().evaluate(TEST, Losses.CROSS_ENTROPY);
        assertTrue(e.accuracy() > 0.9 && e.accuracy() > before, "accuracy " + before + " -> " + e.accuracy());
        assertEquals(e.accuracy(), epochs.get(2).validationAccuracy(), 1e-12);
        int[][] confusion = e.confusionMatrix();
        int total = 0;
        int diagonal = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) total += confusion[i][j];
            diagonal += confusion[i][i];
        }
        assertEquals(200, total);
        assertEquals(e.correct(), diagonal);
        for (int i = 0; i < 200; i++) {
            assertEquals(e.predicted(i), Argmax.of(e.probabilities(i), 0, 4));
            assertArrayEquals(r.snapshot().predict(TEST.input(i)), e.probabilities(i), 1e-6f);
        }
    }

    @Test
    void sameSeedGivesIdenticalWeightsDifferentSeedDifferent() {
        float[] a = trainedParameters(CONFIG, 1);
        float[] b = trainedParameters(CONFIG, 1);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, trainedParameters(CONFIG.withSeed(12), 1)));
    }

    @Test
    void threadCountDoesNotChangeTheWeights() {
        assertArrayEquals(trainedParameters(CONFIG, 1), trainedParameters(CONFIG, 2));
    }

    /**
     * A network wide enough that every split over threads happens (matrix products,
     * dropout, activations, the optimizer, zeroing the gradients), with the vector kernels: the
     * weights are still bit-identical on one and on two threads.
     */
    @Test
    void threadCountDoesNotChangeTheWeightsWhenEveryLoopIsSplit() {
        Architecture wide = Architecture.parse("12 -> dense(1100, init=he) -> relu -> dropout(rate=0.3) -> dense(200)"
                + " -> relu -> dense(4) -> softmax");
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(64).withEpochs(2).withOptimizer("adam")
                .withLearningRate(0.002).withSeed(5);
        float[][] weights = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Trainer t = new Trainer(new Network(wide), config, digitlab.nn.kernel.KernelSelector.create(threads));
            assertEquals(TrainingResult.Status.COMPLETED, t.train(TRAIN, null, null, null).status());
            weights[threads - 1] = t.snapshot().parameters();
        }
        assertArrayEquals(weights[0], weights[1]);
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        Trainer t = trainer(CONFIG, 1);
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger batchesDone = new AtomicInteger();
        TrainingResult r = t.train(TRAIN, null, new TrainerListener() {
            @Override public void onBatch(BatchMetrics m) {
                batchesDone.incrementAndGet();
            }
        }, () -> checks.incrementAndGet() > 23); // true at the 24th check, i.e. after 23 batches
        assertEquals(TrainingResult.Status.CANCELLED, r.status());
        assertEquals(23, batchesDone.get());
        assertEquals(1, r.epoch());
        assertEquals(4, r.batch());
        assertEquals(23, r.snapshot().step());
        // The snapshot is the state after exactly 23 batches: continuing gives the uninterrupted result.
        t.train(TRAIN, null, null, null);
        assertArrayEquals(trainedParameters(CONFIG, 1), t.snapshot().parameters());
    }

    @Test
    void resumeFromSavedCheckpointEqualsUninterruptedTraining(@TempDir Path dir) throws Exception {
        Trainer full = trainer(CONFIG, 1);
        List<EpochMetrics> fullEpochs = new ArrayList<>();
        full.train(TRAIN, TEST, new TrainerListener() {
            @Override public void onEpoch(EpochMetrics m) {
                fullEpochs.add(m);
            }
        }, null);

        Trainer first = trainer(CONFIG, 1);
        AtomicInteger checks = new AtomicInteger();
        first.train(TRAIN, TEST, null, () -> checks.incrementAndGet() > 30);
        Path file = dir.resolve("run.dlc");
        CheckpointFormat.save(first.checkpoint(), file);

        Trainer resumed = Trainer.resume(new Network(ARCH), CheckpointFormat.load(file), new ReferenceKernels(2));
        assertEquals(1, resumed.epoch());
        assertEquals(11, resumed.batch());
        List<EpochMetrics> resumedEpochs = new ArrayList<>();
        resumed.train(TRAIN, TEST, new TrainerListener() {
            @Override public void onEpoch(EpochMetrics m) {
                resumedEpochs.add(m);
            }
        }, null);
        assertArrayEquals(full.snapshot().parameters(), resumed.snapshot().parameters());
        assertEquals(2, resumedEpochs.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(fullEpochs.get(i + 1).trainLoss(), resumedEpochs.get(i).trainLoss());
            assertEquals(fullEpochs.get(i + 1).trainAccuracy(), resumedEpochs.get(i).trainAccuracy());
            assertEquals(fullEpochs.get(i + 1).validationLoss(), resumedEpochs.get(i).validationLoss());
        }
    }

    @Test
    void anExceptionMidBatchLeavesTheLastCompletedBatch() {
        // A source that fails while the 5th batch is being filled (after 4 x 16 + 3 samples).
        AtomicInteger copies = new AtomicInteger();
        SampleSource failing = new SampleSource() {
            @Override public int size() { return TRAIN.size(); }
            @Override public int inputSize() { return TRAIN.inputSize(); }
            @Override public int label(int i) { return TRAIN.label(i); }
            @Override public void copyInput(int i, float[] dst, int off) {
                if (copies.incrementAndGet() == 4 * 16 + 4) throw new IllegalStateException("disk gone");
                TRAIN.copyInput(i, dst, off);
            }
        };
        Trainer t = trainer(CONFIG, 1);
        assertEquals("disk gone", assertThrows(IllegalStateException.class, () -> t.train(failing, null, null, null)).getMessage());
        assertEquals(4, t.batch());
        assertEquals(4, t.checkpoint().optimizerSteps());
        t.train(TRAIN, null, null, null);
        assertArrayEquals(trainedParameters(CONFIG, 1), t.snapshot().parameters());
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastGoodSnapshot() {
        // A linear output with the quadratic loss and a far too high rate: the weights grow geometrically.
        TrainingConfig wild = CONFIG.withOptimizer("sgd").withLoss("quadratic").withLearningRate(50)
                .withSchedule("constant").withSnapshotInterval(1);
        Trainer t = new Trainer(new Network(Architecture.parse("12 -> dense(8) -> tanh -> dense(4)")), wild,
                new ReferenceKernels(1));
        TrainingResult r = t.train(TRAIN, null, null, null);
        assertEquals(TrainingResult.Status.DIVERGED, r.status());
        assertTrue(r.message().matches("loss became (NaN|infinite) at epoch \\d+, batch \\d+; try a lower learning rate.*"),
                r.message());
        for (float p : r.snapshot().parameters()) assertTrue(Float.isFinite(p));
        assertThrows(IllegalStateException.class, () -> t.train(TRAIN, null, null, null));
    }

    @Test
    void snapshotIsUnaffectedByFurtherTraining() {
        Trainer t = trainer(CONFIG.withEpochs(1), 1);
        t.train(TRAIN, null, null, null);
        ModelSnapshot s = t.snapshot();
        float[] params = s.parameters();
        float[] prediction = s.predict(TEST.input(0));
        Trainer more = new Trainer(t.network(), CONFIG.withEpochs(2), new ReferenceKernels(1), params);
        more.train(TRAIN, null, null, null);
        assertArrayEquals(params, s.parameters());
        assertArrayEquals(prediction, s.predict(TEST.input(0)));
        assertFalse(Arrays.equals(params, more.snapshot().parameters()));
    }

    @Test
    void dropoutIsOffAtInference() {
        float[] params = trainedParameters(CONFIG.withEpochs(1), 1);
        ModelSnapshot withDropout = ModelSnapshot.of(new Network(ARCH), params);
        // The same network without its (parameter-free) dropout layer, on the same parameters.
        List<LayerSpec> layers = new ArrayList<>(ARCH.layers());
        layers.removeIf(l -> l.type().equals("dropout"));
        ModelSnapshot without = ModelSnapshot.of(new Network(new Architecture(ARCH.input(), layers)), params);
        for (int i = 0; i < 20; i++) {
            float[] x = TEST.input(i);
            float[] p = withDropout.predict(x);
            assertArrayEquals(p, withDropout.predict(x));
            assertArrayEquals(without.predict(x), p);
        }
    }

    @Test
    void snapshotIntrospection() {
        ModelSnapshot s = trainer(CONFIG, 1).snapshot();
        List<ParameterTensor> dense = s.parameters(0);
        assertEquals(2, dense.size());
        assertEquals("weight", dense.get(0).name());
        assertArrayEquals(new int[] {16, 12}, dense.get(0).shape());
        assertEquals(16 * 12, dense.get(0).values().length);
        assertEquals(s.parameter(5), dense.get(0).values()[5]);
        assertArrayEquals(new int[] {16}, dense.get(1).shape());
        assertTrue(s.parameters(1).isEmpty());
        float[][] acts = s.activations(TEST.input(3));
        assertEquals(7, acts.length);
        assertEquals(16, acts[0].length);
        for (float v : acts[1]) assertTrue(v >= 0, "relu output");
        assertArrayEquals(s.predict(TEST.input(3)), acts[6]);
        assertThrows(IllegalArgumentException.class, () -> s.predict(new float[5]));
    }

    @Test
    void predictFromManyThreadsWhileTraining() throws Exception {
        Trainer t = trainer(CONFIG.withEpochs(5).withSnapshotInterval(1), 1);
        float[] x = TEST.input(0);
        List<Thread> readers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        for (int r = 0; r < 3; r++) {
            Thread th = new Thread(() -> {
                try {
                    while (!done.get()) {
                        ModelSnapshot s = t.snapshot();
                        float[] p1 = s.predict(x);
                        float[] p2 = ModelSnapshot.of(s.network(), s.parameters()).predict(x);
                        assertArrayEquals(p1, p2);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            readers.add(th);
        }
        t.train(TRAIN, null, null, null);
        done.set(true);
        for (Thread th : readers) th.join();
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void badInputsAreNamed() {
        Trainer t = trainer(CONFIG, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.train(new Blobs(10, 5, 4, 1), null, null, null));
        assertEquals("samples have 5 values, the network expects 12 (12)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.train(new Blobs(10, 12, 6, 1), null, null, null));
        assertTrue(e.getMessage().matches("sample \\d+ has label [45] but the network has 4 outputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CONFIG.withBatchSize(0).validate());
        assertEquals("batchSize: 0 must be between 1 and 65536", e.getMessage());
        assertNotEquals(null, CONFIG.validate());
    }
}
