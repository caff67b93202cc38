package digitlab.train.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Which program runs a sweep: its runner holds an exclusive lock on the sweep folder's {@value #LOCK_FILE} while it
 * runs; the operating system drops it when the program ends in any way, so a sweep.json that says RUNNING with no
 * lock held was interrupted. As for runs (digitlab.train's RunOwnership): on Linux closing any channel of a file drops
 * the process's locks on it, so a check never opens the file of a sweep this process runs.
 */
final class SweepLock {

    static final String LOCK_FILE = "owner.lock";

    private static final Map<Path, FileChannel> HELD = new HashMap<>();

    private SweepLock() {
    }

    /** Takes the lock; false when this process or another one holds it. */
    static synchronized boolean acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) return false;
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return false;
            }
            HELD.put(key, channel);
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            // a file system without locks: run anyway, known to this process only
            close(channel);
            HELD.put(key, null);
            return true;
        }
    }

    static synchronized void release(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) close(HELD.remove(key));
    }

    /** Whether a runner of this process or another one runs the sweep in {@code dir} now. */
    static synchronized boolean held(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) return true;
        Path file = key.resolve(LOCK_FILE);
        if (!Files.isRegularFile(file)) return false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static void close(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // the lock goes with the channel either way
        }
    }
}
