package digitlab.examples.tests;

import digitlab.nn.Architecture;
import digitlab.nn.Preset;
import digitlab.nn.TrainingConfig;
import java.util.function.Supplier;

/** A contributed preset using the contributed layer and optimizer. */
public final class StripesPreset implements Supplier<Preset> {

    static final Preset PRESET = new Preset("stripes-net", "8x8 stripes: scaleshift, dense 16, relu, softmax; RMSprop",
            Architecture.parse("1x8x8 -> scaleshift -> dense(units=16, init=he) -> relu -> dense(2) -> softmax"),
            TrainingConfig.defaults().withOptimizer("rmsprop").withLearningRate(0.003).withBatchSize(20).withEpochs(4));

    @Override
    public Preset get() {
        return PRESET;
    }
}
