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
public final class VectorSupport {

    /** True when the vector twins can be used (checked once, at class initialisation). */
    public static final boolean AVAILABLE = check();

    private VectorSupport() {
    }

    private static boolean check() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        if ("reference".equalsIgnoreCase(System.getProperty(KernelSelector.PROPERTY, "").trim())) return false;
        try {
            // Loads (and so links against jdk.incubator.vector) one twin; a failure means none can run.
            Class.forName("digitlab.nn.internal.vector.VectorOptimizers", true, VectorSupport.class.getClassLoader());
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
