package digitlab.nn.conv;

import digitlab.nn.kernel.KernelSelector;

/**
 * Whether this bundle's Vector API code paths ({@link VectorPooling}, {@link VectorConv}) may run:
 * the {@code jdk.incubator.vector} module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and the kernels are not forced to the reference ones
 * ({@code -Ddigitlab.kernels=reference}). Those classes are loaded only after this check says yes,
 * so without the module the layers run their plain loops and the bundle still resolves.
 */
final class VectorSupport {

    /** True when the vector code paths are used (decided once, at class initialisation). */
    static final boolean AVAILABLE = check();

    private VectorSupport() {
    }

    private static boolean check() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        if ("reference".equalsIgnoreCase(System.getProperty(KernelSelector.PROPERTY, "").trim())) return false;
        try {
            Class.forName("digitlab.nn.conv.VectorPooling", true, VectorSupport.class.getClassLoader());
            Class.forName("digitlab.nn.conv.VectorConv", true, VectorSupport.class.getClassLoader());
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
