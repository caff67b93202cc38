package digitlab.nn.onnx;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.nn.Architecture;
import digitlab.nn.InputNormalization;
import digitlab.nn.Model;
import digitlab.nn.ModelMetadata;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.Network;
import digitlab.nn.Preset;
import digitlab.nn.Trainer;
import digitlab.nn.TrainingConfig;
import digitlab.nn.conv.ConvLayers;
import digitlab.nn.conv.LeNet;
import digitlab.train.Datasets;
import digitlab.train.ImageSetSource;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Models and data the ONNX tests share: MNIST, presets trained for a moment, models with random weights. */
final class TestModels {

    static {
        ConvLayers.registerStandard();
    }

    private static Dataset mnist;

    private TestModels() {
    }

    /** The embedded MNIST (loaded once). */
    static synchronized Dataset mnist() throws IOException {
        if (mnist == null) mnist = Datasets.load("mnist", -1);
        return mnist;
    }

    /** The 10,000 MNIST test images as pixels in [0, 1], {@code [10000 x 784]}. */
    static float[] testPixels() throws IOException {
        ImageSet test = mnist().part(Split.TEST);
        float[] x = new float[test.size() * 784];
        for (int i = 0; i < test.size(); i++) test.copyNormalized(i, x, i * 784);
        return x;
    }

    /** {@code preset} trained for one epoch on the first {@code images} training images. */
    static Model trained(Preset preset, int images, long seed) throws IOException {
        TrainingConfig config = preset.config().withEpochs(1).withSeed(seed);
        Network network = new Network(preset.architecture());
        Trainer trainer = new Trainer(network, config);
        ImageSet train = mnist().part(Split.TRAIN).range(0, images);
        trainer.train(new ImageSetSource(train), null, null, null);
        return model(trainer.snapshot(), InputNormalization.IDENTITY, "mnist");
    }

    /** A model of {@code architecture} with weights drawn from {@code seed}. */
    static Model random(String architecture, long seed, InputNormalization norm) {
        Network network = new Network(Architecture.parse(architecture));
        return model(ModelSnapshot.of(network, network.initialParameters(seed)), norm,
                network.inputSize() == 784 ? "mnist" : "unknown");
    }

    static Model model(ModelSnapshot s, InputNormalization norm, String dataset) {
        return new Model(s, new ModelMetadata(dataset, ModelMetadata.digitLabels(s.network().outputSize()), norm, null,
                Map.of("test_accuracy", 0.5), Instant.parse("2026-12-03T10:00:00Z"), Map.of()));
    }

    /** The lenet preset (registered with the convolution layers). */
    static Preset lenet() {
        return LeNet.PRESET;
    }
}
