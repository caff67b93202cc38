package digitlab.train.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic file writes: the content goes to a temporary file in the target's folder, is flushed to the
 * disk, and then replaces the target with one atomic rename. A reader sees the old file or the new one,
 * never a mix; a write that fails midway (disk full, crash, an exception) leaves the old file intact and
 * no temporary file behind.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A hook for fault-injection tests: called with the target after the content is written to the
     * temporary file and before the rename; throwing there simulates a failure midway. Null in normal use.
     */
    public static volatile FaultInjector faultInjector;

    /** See {@link #faultInjector}. */
    @FunctionalInterface
    public interface FaultInjector {
        void beforeRename(Path target) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code content} to {@code target} atomically (creating the folder if needed).
     *
     * @throws IOException from the content or the file system; the previous target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            FaultInjector f = faultInjector;
            if (f != null) f.beforeRename(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            // The JDK's "No space left on device" does not say which file; the message must.
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            if (m.contains(String.valueOf(target.getFileName()))) throw e;
            throw new IOException(target + ": cannot save: " + m, e);
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }
}
