package @@ID@@;

import digitlab.nn.Architecture;
import digitlab.nn.Preset;
import digitlab.nn.TrainingConfig;
import java.util.function.Supplier;

/**
 * The preset {@code @@SHORT@@-mlp}: a one-hidden-layer network for 28x28 digits with the plugin's layer as its
 * activation ({@code ./digitlab train --arch @@SHORT@@-mlp}):
 * <pre>
 *   1x28x28 -> dense 128 -> @@SHORT@@ -> dense 10 -> softmax       Adam, lr 0.002, batch 64, 3 epochs
 * </pre>
 * The lab creates it once at start-up, after every plugin's layer types are registered.
 */
public final class @@CLASS@@Preset implements Supplier<Preset> {

    /** The preset's name, as in plugin.xml. */
    public static final String NAME = "@@SHORT@@-mlp";
    /** The architecture text (needs the layer type {@value @@CLASS@@#TYPE} registered to be built). */
    public static final String ARCHITECTURE =
            "1x28x28 -> dense(units=128, init=he) -> " + @@CLASS@@.TYPE + " -> dense(units=10, init=xavier) -> softmax";

    @Override
    public Preset get() {
        return new Preset(NAME, "dense 128 with the " + @@CLASS@@.TYPE + " activation (a plugin's layer); Adam, 3 epochs",
                Architecture.parse(ARCHITECTURE),
                TrainingConfig.builder().loss("xent").optimizer("adam").learningRate(0.002).batchSize(64).epochs(3)
                        .build());
    }
}
