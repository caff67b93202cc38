package digitlab.data.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed, and checks everything before trusting it.
 * <p>
 * The format: a 4-byte magic {@code 0x00 0x00 type rank}, then {@code rank} big-endian 32-bit dimensions,
 * then the data, item after item. Only type {@code 0x08} (unsigned byte) is accepted, which is what MNIST,
 * Fashion-MNIST, KMNIST and EMNIST use.
 * <p>
 * Checks, each failing with an {@link IdxFormatException} that names the file and the problem: empty file;
 * a file named {@code .gz} that is not gzip (gzip is recognised by its magic bytes {@code 1f 8b}, never by
 * the name); a corrupt or truncated gzip stream; a header cut short; a wrong magic; an unsupported data type;
 * a dimension count outside 1..{@value #MAX_RANK}; a zero or negative dimension; a declared size above the
 * cap; data shorter than the header declares ("header says 60000 labels but the file holds 59990"); bytes
 * after the declared data.
 * <p>
 * Memory safety: the header is never trusted for an allocation. Raw files are checked against their length
 * before anything is allocated. Streams (and gzip files, whose decompressed length is unknown) are read in
 * chunks into a buffer that grows only as data actually arrives (at most twice what arrived, and never
 * beyond the declared size), so a lying header costs nothing and a truncated file fails when it ends.
 * Declared sizes above {@link #maxDataBytes()} (by default {@value #DEFAULT_MAX_DATA_BYTES} bytes, 1 GiB)
 * are refused outright.
 */
public final class IdxReader {

    /** The default cap on the data size of one file: 1 GiB (MNIST's largest file is 47 MB). */
    public static final long DEFAULT_MAX_DATA_BYTES = 1L << 30;
    /** The largest dimension count accepted. */
    public static final int MAX_RANK = 4;
    /** The largest image side accepted in an images file (rows or columns). */
    public static final int MAX_IMAGE_SIDE = 4096;
    /** The IDX type code for unsigned bytes, the only one supported. */
    public static final int TYPE_UNSIGNED_BYTE = 0x08;

    /** The first read allocates at most this much; the buffer then doubles as data arrives. */
    private static final int FIRST_CHUNK = 1 << 20;
    /** Java arrays cannot be quite as long as Integer.MAX_VALUE. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int IO_BUFFER = 1 << 16;

    private final long maxDataBytes;

    /** A reader with the default cap of {@value #DEFAULT_MAX_DATA_BYTES} data bytes per file. */
    public IdxReader() {
        this(DEFAULT_MAX_DATA_BYTES);
    }

    /**
     * @param maxDataBytes the largest data size (after the header) a file may declare; 1..2^31-17
     */
    public IdxReader(long maxDataBytes) {
        if (maxDataBytes < 1 || maxDataBytes > MAX_ARRAY) {
            throw new IllegalArgumentException("maxDataBytes must be in 1.." + MAX_ARRAY + ", got " + maxDataBytes);
        }
        this.maxDataBytes = maxDataBytes;
    }

    /** The largest data size a file may declare. */
    public long maxDataBytes() {
        return maxDataBytes;
    }

    /**
     * Reads an images file: three dimensions (count, rows, columns).
     *
     * @throws IdxFormatException naming the file and the problem
     * @throws IOException        when the file cannot be read at all (missing, permissions)
     */
    public IdxArray readImages(Path file) throws IOException {
        return read(file, "images", 3);
    }

    /** Reads an images file from a stream; {@code sourceName} names it in messages. See {@link #readImages(Path)}. */
    public IdxArray readImages(InputStream in, String sourceName) throws IOException {
        return read(in, sourceName, "images", 3, -1);
    }

    /**
     * Reads a labels file: one dimension (count).
     *
     * @throws IdxFormatException naming the file and the problem
     * @throws IOException        when the file cannot be read at all
     */
    public IdxArray readLabels(Path file) throws IOException {
        return read(file, "labels", 1);
    }

    /** Reads a labels file from a stream; {@code sourceName} names it in messages. See {@link #readLabels(Path)}. */
    public IdxArray readLabels(InputStream in, String sourceName) throws IOException {
        return read(in, sourceName, "labels", 1, -1);
    }

    /**
     * Reads any unsigned-byte IDX file from disk. A raw (not gzipped) file's length is checked against its
     * header before the data is read.
     *
     * @param noun what the items are called in messages ("images", "labels", "items")
     */
    public IdxArray read(Path file, String noun) throws IOException {
        return read(file, noun, 0);
    }

    private IdxArray read(Path file, String noun, int expectedRank) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw Files.exists(file) ? new IdxFormatException(name, "is not a regular file (" + file + ")")
                    : new NoSuchFileException(file.toString(), null, "no such file");
        }
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, noun, expectedRank, length);
        }
    }

    /**
     * Reads any unsigned-byte IDX file from a stream (raw or gzip; the stream is not closed).
     *
     * @param sourceName the file or resource name for messages
     * @param noun       what the items are called in messages ("images", "labels", "items")
     */
    public IdxArray read(InputStream in, String sourceName, String noun) throws IOException {
        return read(in, sourceName, noun, 0, -1);
    }

    /**
     * @param expectedRank the dimension count required (3 for images, 1 for labels), 0 for any
     * @param rawLength    the length of the underlying file, or -1 when unknown
     */
    private IdxArray read(InputStream in, String name, String noun, int expectedRank, long rawLength)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, IO_BUFFER);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 < 0) {
            throw new IdxFormatException(name, "the file is empty");
        }
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (b1 < 0 && b0 == 0x1f) {
            throw new IdxFormatException(name, "the file is 1 byte long: a cut-off gzip file?");
        }
        if (!gzip && name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            throw new IdxFormatException(name, "named .gz but is not gzip-compressed (it starts with "
                    + hex(b0) + (b1 < 0 ? "" : " " + hex(b1)) + ", gzip starts with 0x1f 0x8b)");
        }
        InputStream data = gzip ? openGzip(buffered, name) : buffered;
        try {
            return readIdx(data, name, noun, expectedRank, gzip ? -1 : rawLength);
        } catch (EOFException e) {
            // Only GZIPInputStream throws this here (our own reads check for -1): a cut-off gzip stream.
            throw new IdxFormatException(name, "the gzip stream ends early (truncated file?)", e);
        } catch (ZipException e) {
            throw new IdxFormatException(name, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream openGzip(InputStream in, String name) throws IOException {
        try {
            return new GZIPInputStream(in, IO_BUFFER);
        } catch (EOFException e) {
            throw new IdxFormatException(name, "the gzip file ends inside its header (truncated file?)", e);
        } catch (ZipException e) {
            throw new IdxFormatException(name, "corrupt gzip header (" + e.getMessage() + ")", e);
        }
    }

    /** Parses header and data from the (decompressed) stream. */
    private IdxArray readIdx(InputStream in, String name, String noun, int expectedRank, long rawLength)
            throws IOException {
        byte[] magic = new byte[4];
        int got = readUpTo(in, magic, 4);
        if (got == 0) {
            throw new IdxFormatException(name, "the decompressed content is empty");
        }
        if (got < 4) {
            throw new IdxFormatException(name, "the file ends inside the IDX header after " + got
                    + " byte(s); an IDX header needs at least 8");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(name, "not an IDX file: the magic number starts with " + hex(magic[0] & 0xFF)
                    + " " + hex(magic[1] & 0xFF) + " instead of 0x00 0x00");
        }
        int type = magic[2] & 0xFF;
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new IdxFormatException(name, "data type " + hex(type) + " (" + typeName(type)
                    + ") is not supported; only 0x08 (unsigned byte) is");
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_RANK) {
            throw new IdxFormatException(name, "the header declares " + rank + " dimensions; 1.." + MAX_RANK
                    + " are allowed");
        }
        byte[] dimBytes = new byte[4 * rank];
        got = readUpTo(in, dimBytes, dimBytes.length);
        if (got < dimBytes.length) {
            throw new IdxFormatException(name, "the file ends inside the IDX header after " + (4 + got)
                    + " bytes; a header with " + rank + " dimensions needs " + (4 + dimBytes.length));
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            int v = ((dimBytes[4 * d] & 0xFF) << 24) | ((dimBytes[4 * d + 1] & 0xFF) << 16)
                    | ((dimBytes[4 * d + 2] & 0xFF) << 8) | (dimBytes[4 * d + 3] & 0xFF);
            if (v <= 0) {
                throw new IdxFormatException(name, "dimension " + d + " is " + Integer.toUnsignedString(v)
                        + (v == 0 ? "" : " (negative as a signed 32-bit number)") + "; dimensions must be positive");
            }
            dims[d] = v;
        }
        if (expectedRank != 0 && rank != expectedRank) {
            throw new IdxFormatException(name, "has " + rank + " dimension(s) (" + shape(dims) + ") but " + noun
                    + " files have " + expectedRank + (expectedRank == 3 ? " (count, rows, columns)" : " (count)"));
        }
        if (expectedRank == 3 && (dims[1] > MAX_IMAGE_SIDE || dims[2] > MAX_IMAGE_SIDE)) {
            throw new IdxFormatException(name, "image size " + dims[1] + "x" + dims[2]
                    + " is not plausible; sides up to " + MAX_IMAGE_SIDE + " are accepted");
        }
        // Each dimension is below 2^31 and the running product stays <= the cap (< 2^31) before each
        // multiplication, so the long never overflows.
        long total = 1;
        for (int d = 0; d < rank && total <= maxDataBytes; d++) {
            total *= dims[d];
        }
        if (total > maxDataBytes) {
            throw new IdxFormatException(name, "the header declares " + shape(dims)
                    + " bytes of data, more than the cap of " + maxDataBytes + " bytes");
        }
        long headerLength = 4L + 4L * rank;
        int itemSize = (int) (total / dims[0]);
        if (rawLength >= 0) {
            // A raw file: compare its length with the header before allocating anything.
            long available = rawLength - headerLength;
            if (available < total) {
                throw new IdxFormatException(name, shortage(dims, noun, available / itemSize, available % itemSize != 0));
            }
            if (available > total) {
                throw new IdxFormatException(name, trailing(available - total, dims, noun));
            }
        }
        byte[] data = readData(in, (int) total, rawLength >= 0, name, dims, noun, itemSize);
        long extra = countTrailing(in);
        if (extra > 0) {
            throw new IdxFormatException(name, trailing(extra, dims, noun));
        }
        return new IdxArray(name, dims, data);
    }

    /** Reads exactly {@code total} bytes, growing the buffer only as data arrives unless the length is known. */
    private static byte[] readData(InputStream in, int total, boolean lengthKnown, String name, int[] dims,
            String noun, int itemSize) throws IOException {
        byte[] buf = new byte[lengthKnown ? total : Math.min(total, FIRST_CHUNK)];
        int filled = 0;
        while (filled < total) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(total, 2L * buf.length));
            }
            int n;
            try {
                n = in.read(buf, filled, buf.length - filled);
            } catch (EOFException e) {
                throw new IdxFormatException(name, shortage(dims, noun, filled / itemSize, filled % itemSize != 0)
                        + " (the gzip stream ends early)", e);
            }
            if (n < 0) {
                throw new IdxFormatException(name, shortage(dims, noun, filled / itemSize, filled % itemSize != 0));
            }
            filled += n;
        }
        return buf;
    }

    /** Reads up to {@code len} bytes; returns how many arrived before the end of the stream. */
    private static int readUpTo(InputStream in, byte[] b, int len) throws IOException {
        int got = 0;
        while (got < len) {
            int n = in.read(b, got, len - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return got;
    }

    /** Counts bytes after the declared data (stops counting past 1 MiB: enough to say "more than"). */
    private static long countTrailing(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long count = 0;
        int n;
        while (count <= (1 << 20) && (n = in.read(sink)) >= 0) {
            count += n;
        }
        return count;
    }

    private static String shortage(int[] dims, String noun, long whole, boolean partial) {
        return "header says " + dims[0] + " " + noun + (dims.length > 1 ? " of " + shape(Arrays.copyOfRange(dims, 1, dims.length)) : "")
                + " but the file holds " + whole + (partial ? " and part of another" : "");
    }

    private static String trailing(long extra, int[] dims, String noun) {
        return (extra > (1 << 20) ? "more than " + (1 << 20) : String.valueOf(extra))
                + " unexpected byte(s) after the " + dims[0] + " " + noun + " the header declares";
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < dims.length; d++) {
            sb.append(d == 0 ? "" : "x").append(dims[d]);
        }
        return sb.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> "unknown";
        };
    }

    private static String hex(int b) {
        return String.format("0x%02x", b);
    }
}
