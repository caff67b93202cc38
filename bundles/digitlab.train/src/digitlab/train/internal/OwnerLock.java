package digitlab.train.internal;

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
 * Which program works on a folder: a run's (the process training it) or a sweep's (the process running it). That
 * process holds an exclusive lock on the folder's {@value #LOCK_FILE} for as long as it works. The operating
 * system drops the lock when that process ends in any way (kill -9, a crash, power loss), so a run or sweep whose
 * file says RUNNING while nobody holds its lock was interrupted, and another process (the workbench beside a
 * command-line run) can tell "worked on elsewhere" from "abandoned".
 *
 * <p>One process-wide monitor guards all of it: on Linux, closing any channel of a file drops every lock the
 * process holds on that file, so a check must never open the file of a run this process is training.
 */
public final class OwnerLock {

    /** The lock file in a run's folder. */
    public static final String LOCK_FILE = "owner.lock";

    private static final Map<Path, FileChannel> HELD = new HashMap<>();

    private OwnerLock() {
    }

    /**
     * Takes the lock of the folder {@code dir}; false when this process or another one holds it. On a file system
     * without locks it answers true and guards nothing (the caller's own bookkeeping still does, in its process).
     */
    public static synchronized boolean acquire(Path dir) {
        Path key = key(dir);
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
            // a read-only folder, or a file system without locks: go on, owned as before by this process's own
            // list of active runs or sweeps
            closeQuietly(channel);
            return true;
        }
    }

    /** Gives up the lock of the folder {@code dir} (nothing when not held). */
    public static synchronized void release(Path dir) {
        closeQuietly(HELD.remove(key(dir)));
    }

    /** Whether another process holds the lock of the folder {@code dir} (it works on it now). */
    public static synchronized boolean ownedElsewhere(Path dir) {
        Path key = key(dir);
        Path file = key.resolve(LOCK_FILE);
        if (HELD.containsKey(key) || !Files.isRegularFile(file)) return false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }

    private static void closeQuietly(FileChannel c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // the lock goes with the channel either way
        }
    }
}
