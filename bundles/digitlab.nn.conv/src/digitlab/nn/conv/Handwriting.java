package digitlab.nn.conv;

import digitlab.nn.Architecture;
import digitlab.nn.Preset;
import digitlab.nn.TrainingConfig;
import java.util.function.Supplier;

/**
 * The {@code handwriting} preset, the recipe of the ready model: a convolutional network trained on MNIST
 * distorted the ways people draw and scan digits (slant, rotation, aspect, elastic distortion, thinner and
 * thicker pens, low resolution: the {@code drawn} augmentation), so it reads the user's digits, not only
 * MNIST's.
 * <pre>
 *   1x28x28 -> conv2d 20 filters 5x5, same  -> relu -> maxpool 2   20x14x14
 *           -> conv2d 40 filters 5x5, valid -> relu -> maxpool 2   40x5x5
 *           -> flatten -> dense 150 -> relu -> dropout 0.3 -> dense 10 -> softmax
 * </pre>
 * About 0.14 M parameters and 2.4 M multiply-adds per image forward. Adam (lr 0.002, cosine decay over the
 * run), batch 64, cross-entropy, 20 epochs (the validation accuracy levels out at about 99.5 % from the tenth).
 */
public final class Handwriting implements Supplier<Preset> {

    /** The architecture text (needs the conv2d, maxpool and flatten layer types registered). */
    public static final String ARCHITECTURE = "1x28x28"
            + " -> conv2d(filters=20, kernel=5, padding=same) -> relu -> maxpool(2)"
            + " -> conv2d(filters=40, kernel=5, padding=valid) -> relu -> maxpool(2)"
            + " -> flatten -> dense(units=150, init=he) -> relu -> dropout(rate=0.3) -> dense(units=10) -> softmax";

    /** The preset. */
    public static final Preset PRESET = new Preset("handwriting",
            "CNN for digits as people draw them: conv 5x5x20, pool, conv 5x5x40, pool, dense 150; drawn-style augmentation",
            Architecture.parse(ARCHITECTURE),
            TrainingConfig.builder().loss("xent").optimizer("adam")
                    .learningRate(0.002).batchSize(64).epochs(20).schedule("cosine").build(),
            "drawn");

    /** Returns {@link #PRESET}. */
    @Override
    public Preset get() {
        return PRESET;
    }
}
