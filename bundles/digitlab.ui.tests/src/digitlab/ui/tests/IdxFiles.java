package digitlab.ui.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small, valid IDX dataset folders for tests: raw files, images of {@code side}x{@code side} pixels. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** The four standard files with {@code train} and {@code test} images of {@code classes} labels, cycling. */
    static Path writeFolder(Path folder, int train, int test, int side, int classes) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte"), images(train, side));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), labels(train, classes));
        Files.write(folder.resolve("t10k-images-idx3-ubyte"), images(test, side));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels(test, classes));
        return folder;
    }

    /** An IDX3 file: magic 0x00000803, count, rows, columns, then the pixels (a diagonal ramp per image). */
    static byte[] images(int count, int side) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * side * side);
        b.putInt(0x00000803).putInt(count).putInt(side).putInt(side);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < side * side; p++) b.put((byte) ((p * 7 + i * 13) & 0xFF));
        }
        return b.array();
    }

    /** An IDX1 file: magic 0x00000801, count, then the labels 0, 1, ..., classes-1, 0, ... */
    static byte[] labels(int count, int classes) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(0x00000801).putInt(count);
        for (int i = 0; i < count; i++) b.put((byte) (i % classes));
        return b.array();
    }
}
