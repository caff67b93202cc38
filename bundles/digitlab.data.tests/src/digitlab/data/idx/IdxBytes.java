package digitlab.data.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX file contents (well-formed or deliberately broken) for the tests. */
final class IdxBytes {

    private IdxBytes() {
    }

    /** A header with the given type byte and dimensions, followed by {@code data}. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    /** A well-formed unsigned-byte labels file with the given labels. */
    static byte[] labels(int... labels) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(0x08, new int[] {labels.length}, data);
    }

    /** Labels 0,1,2,...,count-1 modulo {@code classes}. */
    static byte[] cyclicLabels(int count, int classes) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            l[i] = i % classes;
        }
        return labels(l);
    }

    /** A well-formed images file: image i is filled with (i * 7 + pixel) & 0xFF. */
    static byte[] images(int count, int rows, int cols) {
        byte[] data = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                data[i * rows * cols + p] = (byte) (i * 7 + p);
            }
        }
        return idx(0x08, new int[] {count, rows, cols}, data);
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncate(byte[] b, int length) {
        return Arrays.copyOf(b, length);
    }

    static byte[] append(byte[] b, int... extra) {
        byte[] r = Arrays.copyOf(b, b.length + extra.length);
        for (int i = 0; i < extra.length; i++) {
            r[b.length + i] = (byte) extra[i];
        }
        return r;
    }
}
