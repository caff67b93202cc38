package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.Architecture;
import digitlab.nn.Layer;
import digitlab.nn.LayerRegistry;
import digitlab.nn.LayerSpec;
import digitlab.nn.Pass;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.Shape;
import digitlab.nn.TrainingConfig;
import digitlab.nn.io.CheckpointFormat;
import digitlab.train.EpochPoint;
import digitlab.train.Run;
import digitlab.train.RunOutcome;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer whose code throws in the middle of training: the run fails with its message and keeps what it learnt. */
class FailingLayerTest {

    @TempDir
    Path dir;

    /** Passes its input through; throws on the 25th training batch. */
    static final class FlakyLayer implements Layer {
        static final AtomicInteger TRAINING_CALLS = new AtomicInteger();
        private final LayerSpec spec;
        private final Shape shape;

        FlakyLayer(LayerSpec spec, Shape shape) {
            this.spec = spec;
            this.shape = shape;
        }

        @Override public String type() { return "flaky"; }
        @Override public LayerSpec spec() { return spec; }
        @Override public Shape inputShape() { return shape; }
        @Override public Shape outputShape() { return shape; }

        @Override
        public void forward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] scratch) {
            if (pass.training() && TRAINING_CALLS.incrementAndGet() == 25) throw new IllegalStateException("flaky layer broke");
            System.arraycopy(input, 0, output, 0, pass.batch() * shape.size());
        }

        @Override
        public void backward(Pass pass, float[] params, int offset, float[] input, float[] output, float[] outputGrad,
                             float[] inputGrad, float[] grads, float[] scratch) {
            if (inputGrad != null) System.arraycopy(outputGrad, 0, inputGrad, 0, pass.batch() * shape.size());
        }
    }

    @Test
    void theRunFailsWithTheMessageAndKeepsTheLastCompletedBatch() throws Exception {
        LayerRegistry.standard().register("flaky", FlakyLayer::new);
        Architecture arch = new Architecture(new Shape(1, 28, 28), List.of(LayerSpec.of("dense", "units", "16"),
                LayerSpec.of("flaky"), LayerSpec.of("dense", "units", "10"), LayerSpec.of("softmax")));
        Presets.register(new Preset("flakynet", "test network with a failing layer", arch, TrainingConfig.defaults()));
        try {
            FlakyLayer.TRAINING_CALLS.set(0);
            TrainingRequest r = TrainingRequest.forPreset("flakynet").toBuilder().trainingLimit(400).batchSize(20)
                    .validationImages(200).threads(1).epochs(2).build();
            assertEquals(List.of(), r.validate());
            TrainingSession s = TrainingSession.start(new RunStore(dir), r);
            RunOutcome o = s.execute(null, null);
            assertEquals(RunStatus.FAILED, o.status());
            assertTrue(o.message().contains("flaky layer broke"), o.message());
            Run run = s.run();
            assertEquals(RunStatus.FAILED, run.info().status());
            assertEquals(24, run.loadModel().snapshot().step(), "the model of the last completed batch");
            assertEquals(24, CheckpointFormat.load(run.checkpointFile()).optimizerSteps());
            assertEquals(List.of(1), run.history().epochs().stream().map(EpochPoint::epoch).toList());
            assertTrue(run.info().canResume());
        } finally {
            Presets.unregister("flakynet");
            LayerRegistry.standard().unregister("flaky");
        }
    }
}
