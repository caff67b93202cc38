package digitlab.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs file loads for the fuzz tests on one worker thread, each with a generous time limit, and measures
 * the bytes each load allocated (HotSpot's per-thread allocation counter, read through
 * {@code com.sun.management.ThreadMXBean} by reflection so the fragment needs no extra import; -1 where the
 * JVM does not offer it). Any throwable, including {@link OutOfMemoryError} and {@link StackOverflowError},
 * is captured and returned, so the test can say which input produced it.
 */
public final class Bounded implements AutoCloseable {

    /** What one call did: its value or its throwable, and the bytes it allocated (-1 when unknown). */
    public record Outcome(Object value, Throwable error, long allocatedBytes) {
    }

    private static final Method CURRENT_ALLOCATED = currentAllocatedMethod();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz worker");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code task} on the worker; fails the test (with {@code what} in the message) when it takes longer
     * than {@code timeoutSeconds}: a hang.
     */
    public Outcome run(String what, long timeoutSeconds, Callable<?> task) {
        Future<Outcome> f = worker.submit(() -> measure(task));
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + ": no answer within " + timeoutSeconds + " s (a hang?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": " + e.getCause(), e.getCause());
        }
    }

    /** A piece of a test that may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs a whole loop of loads on the worker (one hand-over instead of one per load) with a time limit for
     * all of them; an assertion failure inside is rethrown here.
     */
    public void batch(String what, long timeoutSeconds, Body body) {
        Outcome o = run(what, timeoutSeconds, () -> {
            body.run();
            return null;
        });
        if (o.error() instanceof Error e) throw e;
        if (o.error() != null) throw new AssertionError(what + ": " + o.error(), o.error());
    }

    /** Calls {@code task} in the calling thread, capturing its throwable and the bytes it allocated. */
    public static Outcome measure(Callable<?> task) {
        long before = allocatedBytes();
        try {
            Object v = task.call();
            return new Outcome(v, null, delta(before));
        } catch (Throwable t) {
            return new Outcome(null, t, delta(before));
        }
    }

    private static long delta(long before) {
        long after = allocatedBytes();
        return before < 0 || after < 0 ? -1 : after - before;
    }

    /** Bytes allocated so far by the calling thread, or -1 when the JVM cannot tell. */
    public static long allocatedBytes() {
        if (CURRENT_ALLOCATED == null) return -1;
        try {
            return (long) CURRENT_ALLOCATED.invoke(ManagementFactory.getThreadMXBean());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Method currentAllocatedMethod() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            Class<?> type = Class.forName("com.sun.management.ThreadMXBean", false, ClassLoader.getPlatformClassLoader());
            if (!type.isInstance(bean)) return null;
            Method m = type.getMethod("getCurrentThreadAllocatedBytes");
            long probe = (long) m.invoke(bean);
            return probe < 0 ? null : m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A new scratch folder for thousands of small files: in memory ({@code /dev/shm}) where the machine has one,
     * since on a disk each write costs milliseconds; else the default temporary folder.
     */
    public static java.nio.file.Path scratchDirectory() throws java.io.IOException {
        java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
        if (java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)) {
            try {
                return java.nio.file.Files.createTempDirectory(shm, "digitlab-fuzz-");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                // fall back to the default temporary folder
            }
        }
        return java.nio.file.Files.createTempDirectory("digitlab-fuzz-");
    }

    /** Deletes a scratch folder and everything in it. */
    public static void deleteTree(java.nio.file.Path dir) throws java.io.IOException {
        if (dir == null || !java.nio.file.Files.exists(dir)) return;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.deleteIfExists(p);
        }
    }

    /** One example message per kind of problem (digits folded), for the report of what the loaders say. */
    private static final java.util.Map<String, String> EXAMPLES = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Remembers {@code problem} as the example of its kind (the message with its numbers replaced by #). */
    public static void remember(String problem) {
        String kind = problem.replaceAll("\\b[0-9a-f]{8}\\b", "#").replaceAll("0x[0-9a-f]+", "#").replaceAll("'[^']*'", "'#'").replaceAll("[0-9]+", "#");
        kind = kind.length() > 40 ? kind.substring(0, 40) : kind;
        EXAMPLES.putIfAbsent(kind, problem);
    }

    /** Prints the remembered examples and forgets them. */
    public static void printRemembered(String title) {
        System.out.println(title + ": " + EXAMPLES.size() + " kinds of refusal seen; examples:");
        EXAMPLES.values().stream().limit(60).forEach(m -> System.out.println("  " + (m.length() > 200 ? m.substring(0, 200) + "..." : m)));
        EXAMPLES.clear();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
