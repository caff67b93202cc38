package digitlab.nn.internal;

import digitlab.nn.kernel.KernelSelector;

/**
 * Whether element-wise code in this package may call its Vector API twin in
 * {@code digitlab.nn.internal.vector}. The twins need the {@code jdk.incubator.vector} module; a class
 * that names them is loaded only when {@link #AVAILABLE} is true, so the bundle runs, on the plain
 * scalar loops, on a JVM started without {@code --add-modules jdk.incubator.vector}.
 *
 * <p>False also when the kernels are forced to the reference ones ({@code -Ddigitlab.kernels=reference}),
 * so that that switch gives an all-scalar run to compare against.
 */
public final class VectorTwins {

    /** True when the vector twins can be used (checked once, at class initialisation). */
    public static final boolean AVAILABLE = KernelSelector.vectorCodeUsable(VectorTwins.class.getClassLoader(),
            "digitlab.nn.internal.vector.VectorOptimizers", "digitlab.nn.internal.vector.VectorDropout",
            "digitlab.nn.internal.vector.VectorActivations");

    private VectorTwins() {
    }
}
