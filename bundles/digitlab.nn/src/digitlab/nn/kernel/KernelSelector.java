package digitlab.nn.kernel;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the kernel implementation at run time: the Vector API kernels
 * ({@code digitlab.nn.internal.vector.VectorKernels}) when the {@code jdk.incubator.vector} module
 * is in the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}),
 * otherwise the {@link ReferenceKernels}. The class touching the Vector API is loaded by
 * reflection only after that check, so the bundle works without the module.
 *
 * <p>The system property {@code digitlab.kernels=reference|vector} forces a choice. The first
 * choice of each kind logs one line saying which kernels are used and why; later calls that choose
 * the same way stay quiet (a training run creates kernels several times).
 */
public final class KernelSelector {

    /** The system property that forces a choice. */
    public static final String PROPERTY = "digitlab.kernels";

    static final String VECTOR_CLASS = "digitlab.nn.internal.vector.VectorKernels";

    private static final Logger LOG = System.getLogger(KernelSelector.class.getName());

    private static volatile Kernels shared;

    /** The reasons already logged, without thread counts: one line per kind of choice. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private KernelSelector() {
    }

    /**
     * A process-wide single-thread kernel set for inference (snapshot predictions), created on first
     * use. Kernel implementations are stateless, so one instance serves all threads.
     *
     * <p>Why static: the choice depends on the JVM only (its modules, a system property), not on anything a
     * service registry could configure, and this bundle is plain Java.
     */
    public static Kernels shared() {
        Kernels k = shared;
        if (k == null) {
            synchronized (KernelSelector.class) {
                k = shared;
                if (k == null) {
                    k = create(1);
                    shared = k;
                }
            }
        }
        return k;
    }

    /**
     * Whether Vector API code beside the kernels (a layer's or an optimizer's vector twin, in this bundle or a
     * plugin) may run: the {@code jdk.incubator.vector} module is in the boot layer, the kernels are not forced
     * to the reference ones ({@code -Ddigitlab.kernels=reference}, which so gives an all-scalar run), and the
     * named classes, which use the Vector API, load and link through {@code loader}. Call it once and keep the
     * answer; the code naming those classes must run only when it is true, so that without the module the
     * bundle still resolves and runs its plain loops.
     */
    public static boolean vectorCodeUsable(ClassLoader loader, String... vectorClasses) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        if ("reference".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) return false;
        try {
            for (String name : vectorClasses) Class.forName(name, true, loader);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /** The best available kernels for {@code threads} threads (see the class comment). */
    public static Kernels create(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("reference")) {
            return reference(threads, "-D" + PROPERTY + "=reference");
        }
        if (!forced.isEmpty() && !forced.equals("vector")) {
            return reference(threads, "-D" + PROPERTY + "=" + forced + " is not 'reference' or 'vector'");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return reference(threads, "the jdk.incubator.vector module is not enabled"
                    + " (start the JVM with --add-modules jdk.incubator.vector)");
        }
        try {
            Class<?> type = Class.forName(VECTOR_CLASS, true, KernelSelector.class.getClassLoader());
            Kernels k = (Kernels) type.getConstructor(int.class).newInstance(threads);
            logOnce("vector", "digitlab.nn kernels: " + k.name() + " (jdk.incubator.vector is available"
                    + (forced.isEmpty() ? "" : ", forced by -D" + PROPERTY + "=vector") + ")");
            return k;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return reference(threads, "the vector kernels could not be loaded: " + e);
        }
    }

    private static Kernels reference(int threads, String why) {
        Kernels k = new ReferenceKernels(threads);
        logOnce("reference: " + why, "digitlab.nn kernels: " + k.name() + " because " + why);
        return k;
    }

    private static void logOnce(String kind, String message) {
        if (LOGGED.add(kind)) {
            LOG.log(Level.INFO, message);
        }
    }
}
