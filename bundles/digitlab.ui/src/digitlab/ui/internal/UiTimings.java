package digitlab.ui.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The longest time each kind of UI-thread work of the views took (chart refresh, picture swap,
 * guess display ...), so that responsiveness can be measured and attributed (the UI tests print
 * them). Recording is one map update per refresh; nothing is kept but the maximum per kind.
 */
public final class UiTimings {

    private static final Map<String, Long> LONGEST = new ConcurrentHashMap<>();

    private UiTimings() {
    }

    /** Notes that {@code what} took {@code nanos}. */
    public static void record(String what, long nanos) {
        LONGEST.merge(what, nanos, Math::max);
    }

    /** Runs {@code r} and records its time under {@code what}. */
    public static void time(String what, Runnable r) {
        long t0 = System.nanoTime();
        try {
            r.run();
        } finally {
            record(what, System.nanoTime() - t0);
        }
    }

    /** The longest time per kind so far, in milliseconds, sorted by kind. */
    public static Map<String, Double> longestMillis() {
        Map<String, Double> out = new TreeMap<>();
        LONGEST.forEach((k, v) -> out.put(k, v / 1e6));
        return out;
    }

    /** Forgets everything recorded. */
    public static void reset() {
        LONGEST.clear();
    }
}
