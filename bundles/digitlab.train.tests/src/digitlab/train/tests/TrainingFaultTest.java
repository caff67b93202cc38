package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.nn.Architecture;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Model;
import digitlab.nn.Pass;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.Shape;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import digitlab.nn.io.CheckpointFormat;
import digitlab.nn.io.ModelFormat;
import digitlab.train.Datasets;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during training: a full disk while checkpointing, a NaN-producing learning rate, an exception in a
 * contributed layer and in a contributed dataset. Each ends the run with a clear one-line message, keeps the
 * last good checkpoint and model loadable, and (where it makes sense) the run resumes once the cause is gone.
 * The disk is made "full" by {@link FaultyFileSystem}, a wrapping file system the run store is opened on: no
 * seam in the production code is needed.
 */
class TrainingFaultTest {

    @TempDir
    Path dir;

    /** No temporary file of an atomic save may be left behind in a run folder. */
    static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(FaultyFileSystem.unwrap(folder))) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.contains(".tmp"))
                    .filter(n -> !n.equals(".owner.lock")).toList(); // the run's lock file (RunStore), not a temporary one
            assertTrue(left.isEmpty(), "temporary files left behind: " + left);
        }
    }

    static void assertOneLine(String message) {
        assertNotNull(message);
        assertFalse(message.isBlank(), "empty message");
        assertFalse(message.contains("\n"), "more than one line: " + message);
        assertFalse(message.contains("\tat "), "a stack trace: " + message);
    }

    @Test
    void aFullDiskWhileCheckpointingEndsTheRunKeepsTheLastCheckpointAndTheRunResumes() throws IOException {
        FaultyFileSystem fs = new FaultyFileSystem();
        RunStore store = new RunStore(fs.wrap(dir));
        // The first checkpoint (epoch 1) is written; the second (epoch 2) finds the disk full after 100 bytes.
        fs.diskFullFor(".checkpoint.dlc", 1, 100);
        TrainingSession s = TrainingSession.start(store, TrainingSessionTest.small(600, 3));
        RunOutcome o = s.execute(null, null);
        System.out.println("full disk while checkpointing: " + o.status() + " \"" + o.message() + "\"");
        assertEquals(RunStatus.FAILED, o.status(), o.message());
        assertOneLine(o.message());
        assertTrue(o.message().contains("No space left on device"), o.message());
        assertTrue(o.message().contains("checkpoint.dlc"), "the message names the file: " + o.message());
        assertTrue(fs.failures.get() >= 1);
        Run run = s.run();
        assertEquals(RunStatus.FAILED, run.info().status());
        assertTrue(run.info().canResume(), "a run stopped by a full disk can be resumed");
        assertNoTemporaryFiles(run.directory());
        // The checkpoint and model of epoch 1 (30 batches of 20) are intact.
        TrainingCheckpoint cp = CheckpointFormat.load(run.checkpointFile());
        assertEquals(30, cp.optimizerSteps());
        Model m = ModelFormat.load(run.modelFile());
        assertEquals(30, m.snapshot().step());

        // Room again: the run resumes from epoch 1 and completes, its history without a gap.
        fs.healthy();
        RunOutcome resumed = TrainingSession.resume(run).execute(null, null);
        assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.message());
        List<Integer> epochs = run.history().epochs().stream().map(e -> e.epoch()).toList();
        assertEquals(List.of(1, 2, 3), epochs);
    }

    @Test
    void aFullDiskWhileSavingTheFinalModelKeepsTheEpochModel() throws IOException {
        FaultyFileSystem fs = new FaultyFileSystem();
        RunStore store = new RunStore(fs.wrap(dir));
        // One epoch: the epoch's model save succeeds, the final one (with the test accuracy) fails midway.
        fs.diskFullFor(".model.dlm", 1, 2000);
        TrainingSession s = TrainingSession.start(store, TrainingSessionTest.small(600, 1));
        RunOutcome o = s.execute(null, null);
        System.out.println("full disk while saving the final model: " + o.status() + " \"" + o.message() + "\"");
        assertEquals(RunStatus.FAILED, o.status(), o.message());
        assertOneLine(o.message());
        assertTrue(o.message().contains("model.dlm") && o.message().contains("No space left on device"), o.message());
        assertNoTemporaryFiles(s.run().directory());
        Model m = ModelFormat.load(s.run().modelFile());
        assertEquals(30, m.snapshot().step(), "the model of the completed epoch");
    }

    @Test
    void aNaNLearningRateStopsTheJobWithAWarningAndAFiniteModel() throws Exception {
        TrainingRequest r = TrainingSessionTest.small(600, 2).toBuilder().hiddenLayers(List.of(64, 64, 64))
                .optimizer("sgd").learningRate(1000).build();
        TrainingJob job = TrainingJob.start(new RunStore(dir), r);
        job.schedule();
        job.join();
        IStatus status = job.getResult();
        System.out.println("learning rate 1000: severity " + status.getSeverity() + " \"" + status.getMessage() + "\"");
        assertEquals(IStatus.WARNING, status.getSeverity(), status.getMessage());
        assertEquals(TrainingJob.DIVERGED, status.getCode());
        assertOneLine(status.getMessage());
        assertTrue(status.getMessage().matches("loss became (NaN|infinite) at epoch \\d+, batch \\d+; try a lower learning rate.*"),
                status.getMessage());
        Model m = ModelFormat.load(job.run().modelFile());
        for (float v : m.snapshot().parameters()) assertTrue(Float.isFinite(v), "the kept model is the last good one");
        for (float p : m.predictPixels(new float[784])) assertTrue(Float.isFinite(p));
        assertEquals(RunStatus.DIVERGED, job.run().info().status());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrainingSession.resume(job.run()));
        assertTrue(e.getMessage().contains("lower learning rate"), e.getMessage());
    }

    /** An identity layer (what a plugin might contribute) that throws in its {@code n}-th training forward pass. */
    static final class FailingLayer implements Layer {
        static final AtomicInteger TRAINING_PASSES = new AtomicInteger();
        static volatile int failAt = Integer.MAX_VALUE;
        private final LayerSpec spec;
        private final Shape shape;

        FailingLayer(LayerSpec spec, Shape shape) {
            this.spec = spec;
            this.shape = shape;
        }

        @Override public String type() { return "reliabilityfail"; }
        @Override public LayerSpec spec() { return spec; }
        @Override public Shape inputShape() { return shape; }
        @Override public Shape outputShape() { return shape; }

        @Override
        public void forward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] scratch) {
            if (pass.training() && TRAINING_PASSES.incrementAndGet() == failAt) {
                throw new IllegalStateException("reliabilityfail: simulated bug in a contributed layer");
            }
            System.arraycopy(input, 0, output, 0, pass.batch() * shape.size());
        }

        @Override
        public void backward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] outputGrad,
                             float[] inputGrad, float[] grads, float[] scratch) {
            if (inputGrad != null) System.arraycopy(outputGrad, 0, inputGrad, 0, pass.batch() * shape.size());
        }
    }

    @Test
    void anExceptionInAContributedLayerFailsTheRunWithOneLineAndKeepsTheEpochCheckpoint() throws Exception {
        LayerRegistry.standard().register("reliabilityfail", FailingLayer::new);
        Architecture arch = Architecture.parse("1x28x28 -> reliabilityfail -> dense(16) -> relu -> dense(10) -> softmax");
        Presets.register(new Preset("reliability-fail", "a network with a layer that fails", arch,
                TrainingConfig.defaults().withOptimizer("adam").withLearningRate(0.002).withBatchSize(20).withEpochs(2)));
        try {
            FailingLayer.TRAINING_PASSES.set(0);
            FailingLayer.failAt = 45; // in the second epoch of 30 batches
            TrainingRequest r = TrainingRequest.forPreset("reliability-fail").toBuilder().trainingLimit(600)
                    .validationImages(200).threads(1).seed(3).build();
            TrainingJob job = TrainingJob.start(new RunStore(dir), r);
            job.schedule();
            job.join();
            IStatus status = job.getResult();
            System.out.println("exception in a contributed layer: severity " + status.getSeverity() + " \"" + status.getMessage() + "\"");
            assertEquals(IStatus.ERROR, status.getSeverity(), status.getMessage());
            assertEquals(TrainingJob.FAILED, status.getCode());
            assertOneLine(status.getMessage());
            assertTrue(status.getMessage().contains("simulated bug in a contributed layer"), status.getMessage());
            Run run = job.run();
            assertEquals(RunStatus.FAILED, run.info().status());
            assertEquals(30, CheckpointFormat.load(run.checkpointFile()).optimizerSteps(), "epoch 1's checkpoint");
            assertEquals(30, ModelFormat.load(run.modelFile()).snapshot().step(), "epoch 1's model");
            // The bug is gone (the plugin was fixed): the run resumes from epoch 1 and completes.
            FailingLayer.failAt = Integer.MAX_VALUE;
            TrainingJob again = TrainingJob.resume(run);
            again.schedule();
            again.join();
            assertEquals(IStatus.OK, again.getResult().getSeverity(), again.getResult().getMessage());
        } finally {
            Presets.unregister("reliability-fail");
            LayerRegistry.standard().unregister("reliabilityfail");
        }
    }

    /** A contributed dataset whose loading fails, with an I/O problem or with a bug. */
    static final class FailingProvider implements DatasetProvider {
        private final String id;
        private final boolean bug;

        FailingProvider(String id, boolean bug) {
            this.id = id;
            this.bug = bug;
        }

        @Override public String id() { return id; }
        @Override public String displayName() { return "Failing " + id; }
        @Override public boolean isAvailable() { return true; }

        @Override
        public Dataset load() throws IOException {
            if (bug) throw new ArrayIndexOutOfBoundsException("Index 784 out of bounds for length 784");
            throw new IOException("/data/" + id + "/train-images-idx3-ubyte: the disk returned an I/O error");
        }
    }

    @Test
    void aContributedDatasetThatFailsEndsTheRunWithItsMessage() throws Exception {
        FailingProvider io = new FailingProvider("reliability-io", false);
        FailingProvider bug = new FailingProvider("reliability-bug", true);
        Datasets.registry().register(io);
        Datasets.registry().register(bug);
        try {
            for (FailingProvider p : List.of(io, bug)) {
                TrainingRequest r = TrainingSessionTest.small(600, 1).toBuilder().dataset(p.id()).build();
                TrainingJob job = TrainingJob.start(new RunStore(dir), r);
                job.schedule();
                job.join();
                IStatus status = job.getResult();
                System.out.println("dataset " + p.id() + ": severity " + status.getSeverity() + " \"" + status.getMessage() + "\"");
                assertEquals(IStatus.ERROR, status.getSeverity(), status.getMessage());
                assertOneLine(status.getMessage());
                assertTrue(status.getMessage().contains(p.bug ? "784" : "the disk returned an I/O error"), status.getMessage());
                assertEquals(RunStatus.FAILED, job.run().info().status());
            }
            // The lab goes on: a good run right after.
            TrainingJob good = TrainingJob.start(new RunStore(dir), TrainingSessionTest.small(400, 1));
            good.schedule();
            good.join();
            assertEquals(IStatus.OK, good.getResult().getSeverity(), good.getResult().getMessage());
        } finally {
            Datasets.registry().unregister(io.id());
            Datasets.registry().unregister(bug.id());
        }
    }

    @Test
    void aFullDiskAtAnyPointOfAnAtomicSaveLeavesThePreviousFileLoadable() throws IOException {
        FaultyFileSystem fs = new FaultyFileSystem();
        Path folder = fs.wrap(dir);
        // Models and checkpoints (digitlab.nn's container) ...
        Model first = ModelFormatSamples.model(1);
        Model second = ModelFormatSamples.model(2);
        Path model = folder.resolve("model.dlm");
        ModelFormat.save(first, model);
        long size = Files.size(model);
        int tried = 0;
        for (long budget = 0; budget < size; budget += Math.max(1, size / 97)) {
            fs.diskFullFor(".model.dlm", 0, budget);
            long b = budget;
            IOException e = assertThrows(IOException.class, () -> ModelFormat.save(second, model), "budget " + b);
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            fs.healthy();
            assertArrayEquals(first.snapshot().parameters(), ModelFormat.load(model).snapshot().parameters(), "budget " + b);
            assertNoTemporaryFiles(folder);
            tried++;
        }
        ModelFormat.save(second, model);
        assertArrayEquals(second.snapshot().parameters(), ModelFormat.load(model).snapshot().parameters());

        Path checkpoint = folder.resolve("checkpoint.dlc");
        TrainingCheckpoint c1 = ModelFormatSamples.checkpoint(1);
        CheckpointFormat.save(c1, checkpoint);
        long csize = Files.size(checkpoint);
        for (long budget = 0; budget < csize; budget += Math.max(1, csize / 41)) {
            fs.diskFullFor(".checkpoint.dlc", 0, budget);
            assertThrows(IOException.class, () -> CheckpointFormat.save(ModelFormatSamples.checkpoint(2), checkpoint));
            fs.healthy();
            assertEquals(c1.optimizerSteps(), CheckpointFormat.load(checkpoint).optimizerSteps());
            assertNoTemporaryFiles(folder);
            tried++;
        }

        // ... and the run files (run.json, history.csv: the training bundle's AtomicFiles).
        RunStore store = new RunStore(folder);
        TrainingSession s = TrainingSession.start(store, TrainingSessionTest.small(200, 1));
        s.execute(null, null);
        Run run = s.run();
        String name = run.info().name();
        String history = Files.readString(run.directory().resolve("history.csv"));
        for (long budget = 0; budget < 400; budget += 37) {
            fs.diskFullFor(".run.json", 0, budget);
            assertThrows(IOException.class, () -> store.rename(run.id(), "renamed on a full disk"));
            fs.healthy();
            assertEquals(name, store.open(run.id()).info().name(), "run.json intact");
            assertEquals(RunStatus.COMPLETED, store.open(run.id()).info().status());
            assertNoTemporaryFiles(run.directory());
            tried++;
        }
        assertEquals(history, Files.readString(run.directory().resolve("history.csv")));
        store.rename(run.id(), "renamed with room");
        assertEquals("renamed with room", store.open(run.id()).info().name());
        System.out.println("atomic saves: " + tried + " interrupted saves, every previous file intact");
    }
}
