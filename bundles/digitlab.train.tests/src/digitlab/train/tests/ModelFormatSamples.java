package digitlab.train.tests;

import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.TrainingCheckpoint;
import digitlab.nn.TrainingConfig;
import java.time.Instant;
import java.util.Map;

/** Small models and checkpoints that differ by seed, for save/load tests. */
final class ModelFormatSamples {

    private ModelFormatSamples() {
    }

    static final Architecture SMALL = Architecture.parse("1x28x28 -> dense(16) -> relu -> dense(10) -> softmax");

    static Model model(int seed) {
        Network net = new Network(SMALL);
        return new Model(ModelSnapshot.of(net, net.initialParameters(seed), 1, 0, seed),
                new ModelMetadata("mnist", ModelMetadata.digitLabels(10), InputNormalization.IDENTITY, TrainingConfig.defaults(),
                        Map.of(), Instant.parse("2026-11-24T00:00:00Z"), Map.of()));
    }

    static TrainingCheckpoint checkpoint(int seed) {
        Network net = new Network(SMALL);
        float[] p = net.initialParameters(seed);
        return new TrainingCheckpoint(SMALL, TrainingConfig.defaults(), p, new float[][] {new float[p.length]},
                seed, 0, 0, seed, 0, 0, 0);
    }
}
