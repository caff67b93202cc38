package digitlab.nn.conv;

import digitlab.nn.Architecture;
import digitlab.nn.Preset;
import digitlab.nn.TrainingConfig;
import java.util.function.Supplier;

/**
 * The {@code lenet} preset: a LeNet-5-style convolutional network for 28x28 digits, widened a little
 * (16 and 32 filters instead of 6 and 16) and with ReLU and max pooling instead of tanh and average
 * pooling, as modern reproductions do:
 * <pre>
 *   1x28x28 -> conv2d 16 filters 5x5, same  -> relu -> maxpool 2   16x14x14
 *           -> conv2d 32 filters 5x5, valid -> relu -> maxpool 2   32x5x5
 *           -> flatten -> dense 128 -> relu -> dense 10 -> softmax
 * </pre>
 * About 0.12 M parameters and 3.4 M multiply-adds per image forward. Trained with Adam (lr 0.002, cosine
 * decay over the run), batch 64, cross-entropy; it passes 99 % test accuracy within 5 epochs.
 *
 * <p>A {@link Supplier} so the plugin registry can create it from the {@code digitlab.nn.presets}
 * extension; plain-Java users take {@link #PRESET}.
 */
public final class LeNet implements Supplier<Preset> {

    /** The architecture text (needs the conv2d, maxpool and flatten layer types registered). */
    public static final String ARCHITECTURE = "1x28x28"
            + " -> conv2d(filters=16, kernel=5, padding=same) -> relu -> maxpool(2)"
            + " -> conv2d(filters=32, kernel=5, padding=valid) -> relu -> maxpool(2)"
            + " -> flatten -> dense(units=128, init=he) -> relu -> dense(units=10) -> softmax";

    /** The preset. */
    public static final Preset PRESET = new Preset("lenet",
            "LeNet-5-style CNN: conv 5x5x16, pool, conv 5x5x32, pool, dense 128, softmax; Adam, 5 epochs",
            Architecture.parse(ARCHITECTURE),
            TrainingConfig.builder().loss("xent").optimizer("adam")
                    .learningRate(0.002).batchSize(64).epochs(5).schedule("cosine").build());

    /** Returns {@link #PRESET}. */
    @Override
    public Preset get() {
        return PRESET;
    }
}
