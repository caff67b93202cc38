package digitlab.nn.onnx.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file atomically: a temporary file in the same folder, forced to disk, then renamed over the target.
 * Readers see the old file or the new one, never a part; a failure leaves the old file and no temporary file.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /**
     * Writes {@code bytes} to {@code file}.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) channel.write(b);
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new IOException(file + ": cannot be written: " + reason, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
