package digitlab.nn.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The binary container shared by model and checkpoint files: a fixed header, a self-describing
 * JSON header, float arrays, and a CRC32 of everything before it. All integers big-endian.
 * <pre>
 *   offset  size  field
 *   0       8     magic, e.g. "DLMODEL\n" or "DLCHKPT\n"
 *   8       4     format version (1)
 *   12      4     flags (0, reserved)
 *   16      8     total file length in bytes (detects truncation before anything else)
 *   24      4     H = length of the JSON header in bytes
 *   28      H     JSON header, UTF-8
 *   28+H    4     A = number of float arrays (at most 64)
 *   ...           per array: 4-byte length L, then L floats (IEEE 754, big-endian)
 *   end-4   4     CRC32 of all preceding bytes
 * </pre>
 */
final class Container {

    static final int VERSION = 1;
    static final int FIXED = 28;
    static final int MAX_ARRAYS = 64;
    /** Larger files are refused before reading: 50M parameters with two optimizer moments fit easily. */
    static final long MAX_FILE = 1L << 30;

    /** What a container holds. */
    record Content(Map<String, Object> header, float[][] arrays) {
    }

    private Container() {
    }

    /** Writes atomically: a temporary file in the same directory, flushed to disk, then renamed over {@code file}. */
    static void write(Path file, byte[] magic, Map<String, Object> header, float[][] arrays) throws IOException {
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        long total = FIXED + json.length + 4L + 4;
        for (float[] a : arrays) total += 4 + 4L * a.length;
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                CRC32 crc = new CRC32();
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
                out.write(magic);
                out.writeInt(VERSION);
                out.writeInt(0);
                out.writeLong(total);
                out.writeInt(json.length);
                out.write(json);
                out.writeInt(arrays.length);
                byte[] chunk = new byte[1 << 16];
                ByteBuffer buf = ByteBuffer.wrap(chunk);
                for (float[] a : arrays) {
                    out.writeInt(a.length);
                    for (int i = 0; i < a.length; ) {
                        buf.clear();
                        int n = Math.min(a.length - i, chunk.length / 4);
                        buf.asFloatBuffer().put(a, i, n);
                        out.write(chunk, 0, n * 4);
                        i += n;
                    }
                }
                out.flush();
                // The checksum goes outside the checked stream.
                new DataOutputStream(raw).writeInt((int) crc.getValue());
                raw.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw naming(file, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A write error that names the file: the JDK's "No space left on device" does not say which file it was.
     * Errors whose message already names it are returned as they are.
     */
    static IOException naming(Path file, IOException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains(String.valueOf(file.getFileName()))) return e;
        return new IOException(file + ": cannot save: " + m, e);
    }

    /**
     * Reads and checks a container; every failure is a {@link ModelFormatException} naming the file.
     *
     * @param kind       e.g. "model" for messages
     * @param otherMagic the magic of the other kind of file (to say "this is a checkpoint, not a model")
     * @param otherKind  its name
     */
    static Content read(Path file, byte[] magic, String kind, byte[] otherMagic, String otherKind) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, Files.isDirectory(file) ? "is a folder, not a " + kind + " file" : "no such file");
        }
        long size = Files.size(file);
        if (size == 0) throw new ModelFormatException(file, "the file is empty");
        if (size > MAX_FILE) {
            throw new ModelFormatException(file, "the file has " + size + " bytes, more than any " + kind
                    + " file can (" + MAX_FILE + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) throw new ModelFormatException(file, "the file changed while it was read");
        if (!startsWith(bytes, magic)) {
            if (startsWith(bytes, otherMagic)) {
                throw new ModelFormatException(file, "this is a Digit Lab " + otherKind + " file, not a " + kind + " file");
            }
            if (bytes.length < magic.length && startsWith(magic, bytes)) {
                throw new ModelFormatException(file, "truncated: only " + bytes.length + " bytes");
            }
            throw new ModelFormatException(file, "not a Digit Lab " + kind + " file (it does not start with \""
                    + new String(magic, StandardCharsets.US_ASCII).trim() + "\")");
        }
        if (bytes.length < FIXED + 8) {
            throw new ModelFormatException(file, "truncated: only " + bytes.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(magic.length);
        int version = in.getInt();
        if (version > VERSION) {
            throw new ModelFormatException(file, "written by a newer Digit Lab (format version " + version
                    + "; this version reads up to " + VERSION + ")");
        }
        if (version < 1) throw new ModelFormatException(file, "corrupted: format version " + version);
        in.getInt(); // flags
        long total = in.getLong();
        if (total != size) {
            throw new ModelFormatException(file, total > size
                    ? "truncated: the file has " + size + " bytes, its header says " + total
                    : "corrupted: the file has " + size + " bytes, its header says " + total);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(file, String.format(
                    "corrupted: checksum mismatch (stored %08x, computed %08x)", stored, (int) crc.getValue()));
        }
        // The checksum holds, so the lengths below were written by us; they are still bounded by
        // the bytes that remain, never trusted blindly.
        int headerLength = in.getInt();
        if (headerLength < 2 || headerLength > in.remaining() - 8) {
            throw new ModelFormatException(file, "corrupted: header length " + headerLength);
        }
        String json = new String(bytes, in.position(), headerLength, StandardCharsets.UTF_8);
        in.position(in.position() + headerLength);
        Object parsed;
        try {
            parsed = Json.parse(json);
        } catch (Json.SyntaxException e) {
            throw new ModelFormatException(file, "corrupted header: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) throw new ModelFormatException(file, "corrupted header: not a JSON object");
        int count = in.getInt();
        if (count < 0 || count > MAX_ARRAYS) throw new ModelFormatException(file, "corrupted: " + count + " arrays");
        float[][] arrays = new float[count][];
        for (int a = 0; a < count; a++) {
            if (in.remaining() < 8) throw new ModelFormatException(file, "corrupted: array " + a + " is cut off");
            int length = in.getInt();
            if (length < 0 || (long) length * 4 > in.remaining() - 4) {
                throw new ModelFormatException(file, "corrupted: array " + a + " claims " + length
                        + " values but only " + (in.remaining() - 4) / 4 + " fit in the file");
            }
            arrays[a] = new float[length];
            in.asFloatBuffer().get(arrays[a]);
            in.position(in.position() + 4 * length);
        }
        if (in.remaining() != 4) {
            throw new ModelFormatException(file, "corrupted: " + (in.remaining() - 4) + " unexpected bytes before the checksum");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) parsed;
        return new Content(header, arrays);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
