package digitlab.train.sweep;

import digitlab.train.internal.OwnerLock;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which program runs a sweep: its runner holds the sweep folder's {@code owner.lock} ({@link OwnerLock}, as a
 * training process holds its run's) while it runs, so a sweep.json that says RUNNING with no lock held was
 * interrupted. The sweeps this process runs are also kept in a set, which answers for this process (also on a file
 * system without locks).
 */
final class SweepLock {

    /** Folders of the sweeps a runner of this process runs now. */
    private static final Set<Path> HERE = ConcurrentHashMap.newKeySet();

    private SweepLock() {
    }

    /** Takes the sweep in {@code dir}; false when this process or another one runs it. */
    static boolean acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!HERE.add(key)) return false;
        if (!OwnerLock.acquire(key)) {
            HERE.remove(key);
            return false;
        }
        return true;
    }

    static void release(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        OwnerLock.release(key);
        HERE.remove(key);
    }

    /** Whether a runner of this process or of another one runs the sweep in {@code dir} now. */
    static boolean held(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        return HERE.contains(key) || OwnerLock.ownedElsewhere(key);
    }
}
