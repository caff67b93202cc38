package digitlab.nn.conv;

import digitlab.nn.kernel.KernelSelector;

/**
 * Whether this bundle's Vector API code paths ({@link VectorPooling}, {@link VectorConv}) may run:
 * the {@code jdk.incubator.vector} module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and the kernels are not forced to the reference ones
 * ({@code -Ddigitlab.kernels=reference}). Those classes are loaded only after this check says yes,
 * so without the module the layers run their plain loops and the bundle still resolves.
 */
final class ConvVectorPaths {

    /** True when the vector code paths are used (decided once, at class initialisation). */
    static final boolean AVAILABLE = KernelSelector.vectorCodeUsable(ConvVectorPaths.class.getClassLoader(),
            "digitlab.nn.conv.VectorPooling", "digitlab.nn.conv.VectorConv", "digitlab.nn.conv.FilterKernels");

    private ConvVectorPaths() {
    }
}
