package digitlab.nn.conv;

import digitlab.nn.LayerRegistry;
import digitlab.nn.Presets;

/**
 * Registers this bundle's layer types and preset for plain-Java use (tests, benchmarks, programs
 * without OSGi). Inside the lab the plugin registry does the same from {@code plugin.xml}.
 */
public final class ConvLayers {

    private ConvLayers() {
    }

    /** Registers {@code conv2d}, {@code maxpool} and {@code flatten} in {@code registry}. */
    public static void registerLayers(LayerRegistry registry) {
        registry.register(Conv2d.TYPE, new Conv2d.Factory());
        registry.register(MaxPool2d.TYPE, new MaxPool2d.Factory());
        registry.register(Flatten.TYPE, new Flatten.Factory());
    }

    /** Registers the layer types in the standard registry and the {@code lenet} preset in {@link Presets}. */
    public static void registerStandard() {
        registerLayers(LayerRegistry.standard());
        Presets.register(LeNet.PRESET);
        Presets.register(Handwriting.PRESET);
    }
}
