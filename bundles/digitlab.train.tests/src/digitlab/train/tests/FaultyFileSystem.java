package digitlab.train.tests;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file system for fault-injection tests: the default file system seen through wrapped paths, where writes
 * to chosen files fail like a full disk. The code under test needs no seam: it gets a {@link Path} from
 * {@link #wrap(Path)} (e.g. a {@code RunStore} folder) and every path it derives from it goes through this
 * provider, so {@code Files.createTempFile}, {@code FileChannel.open}, {@code Files.move} ... all arrive here.
 *
 * <p>{@link #diskFullFor(String, int, long)}: writes to files whose name starts with a prefix (e.g.
 * {@code ".checkpoint.dlc"}, the temporary file of an atomic save) succeed for the first {@code openings}
 * files (counted by path: an atomic save opens its temporary file twice) and then fail after {@code bytes} bytes with {@code IOException("No space left on device")}, the
 * message the JDK gives for ENOSPC.
 */
final class FaultyFileSystem extends FileSystem {

    private final FileSystem base = FileSystems.getDefault();
    private final Provider provider = new Provider();
    private volatile String prefix;
    private final AtomicInteger openingsLeft = new AtomicInteger();
    private volatile long bytesPerFile;
    private final java.util.concurrent.ConcurrentHashMap<Path, Long> budgets = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many writes failed so far. */
    final AtomicInteger failures = new AtomicInteger();

    /** The same file as seen through this file system. */
    Path wrap(Path real) {
        return real == null ? null : new FaultyPath(this, real);
    }

    static Path unwrap(Path p) {
        return p instanceof FaultyPath f ? f.real : p;
    }

    /** From now on: see the class comment. {@code null} prefix switches faults off. */
    void diskFullFor(String namePrefix, int openings, long bytes) {
        this.budgets.clear();
        this.openingsLeft.set(openings);
        this.bytesPerFile = bytes;
        this.prefix = namePrefix;
    }

    /** Switches the faults off (the disk has room again). */
    void healthy() {
        this.prefix = null;
    }

    /** The write budget of a file, fixed when it is first opened (an atomic save opens its temporary file twice). */
    private long budgetFor(Path real) {
        String p = prefix;
        Path name = real.getFileName();
        if (p == null || name == null || !name.toString().startsWith(p)) return Long.MAX_VALUE;
        return budgets.computeIfAbsent(real, f -> openingsLeft.getAndDecrement() > 0 ? Long.MAX_VALUE : bytesPerFile);
    }

    // ------------------------------------------------------------------ FileSystem

    @Override public FileSystemProvider provider() { return provider; }
    @Override public void close() { throw new UnsupportedOperationException(); }
    @Override public boolean isOpen() { return true; }
    @Override public boolean isReadOnly() { return false; }
    @Override public String getSeparator() { return base.getSeparator(); }
    @Override public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        for (Path r : base.getRootDirectories()) roots.add(wrap(r));
        return roots;
    }
    @Override public Iterable<FileStore> getFileStores() { return base.getFileStores(); }
    @Override public Set<String> supportedFileAttributeViews() { return base.supportedFileAttributeViews(); }
    @Override public Path getPath(String first, String... more) { return wrap(base.getPath(first, more)); }
    @Override public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = base.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(unwrap(p));
    }
    @Override public UserPrincipalLookupService getUserPrincipalLookupService() { return base.getUserPrincipalLookupService(); }
    @Override public WatchService newWatchService() { throw new UnsupportedOperationException(); }

    // ------------------------------------------------------------------ Path

    private static final class FaultyPath implements Path {
        final FaultyFileSystem fs;
        final Path real;

        FaultyPath(FaultyFileSystem fs, Path real) {
            this.fs = fs;
            this.real = real;
        }

        @Override public FileSystem getFileSystem() { return fs; }
        @Override public boolean isAbsolute() { return real.isAbsolute(); }
        @Override public Path getRoot() { return fs.wrap(real.getRoot()); }
        @Override public Path getFileName() { return fs.wrap(real.getFileName()); }
        @Override public Path getParent() { return fs.wrap(real.getParent()); }
        @Override public int getNameCount() { return real.getNameCount(); }
        @Override public Path getName(int index) { return fs.wrap(real.getName(index)); }
        @Override public Path subpath(int beginIndex, int endIndex) { return fs.wrap(real.subpath(beginIndex, endIndex)); }
        @Override public boolean startsWith(Path other) { return real.startsWith(unwrap(other)); }
        @Override public boolean endsWith(Path other) { return real.endsWith(unwrap(other)); }
        @Override public Path normalize() { return fs.wrap(real.normalize()); }
        @Override public Path resolve(Path other) { return fs.wrap(real.resolve(unwrap(other))); }
        @Override public Path relativize(Path other) { return fs.wrap(real.relativize(unwrap(other))); }
        @Override public URI toUri() { return real.toUri(); }
        @Override public Path toAbsolutePath() { return fs.wrap(real.toAbsolutePath()); }
        @Override public Path toRealPath(LinkOption... options) throws IOException { return fs.wrap(real.toRealPath(options)); }
        @Override public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException();
        }
        @Override public int compareTo(Path other) { return real.compareTo(unwrap(other)); }
        @Override public boolean equals(Object o) { return o instanceof FaultyPath f && f.real.equals(real); }
        @Override public int hashCode() { return real.hashCode(); }
        @Override public String toString() { return real.toString(); }
    }

    // ------------------------------------------------------------------ provider

    private final class Provider extends FileSystemProvider {
        private final FileSystemProvider p = base.provider();

        @Override public String getScheme() { return "faulty"; }
        @Override public FileSystem newFileSystem(URI uri, Map<String, ?> env) { throw new UnsupportedOperationException(); }
        @Override public FileSystem getFileSystem(URI uri) { return FaultyFileSystem.this; }
        @Override public Path getPath(URI uri) { return wrap(p.getPath(uri)); }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return newFileChannel(path, options, attrs);
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            Path real = unwrap(path);
            FileChannel ch = p.newFileChannel(real, options, attrs);
            long budget = budgetFor(real);
            return budget == Long.MAX_VALUE ? ch : new FullDiskChannel(ch, budget);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            DirectoryStream<Path> s = p.newDirectoryStream(unwrap(dir), e -> filter.accept(wrap(e)));
            return new DirectoryStream<>() {
                @Override public Iterator<Path> iterator() {
                    Iterator<Path> it = s.iterator();
                    return new Iterator<>() {
                        @Override public boolean hasNext() { return it.hasNext(); }
                        @Override public Path next() { return wrap(it.next()); }
                    };
                }
                @Override public void close() throws IOException { s.close(); }
            };
        }

        @Override public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException { p.createDirectory(unwrap(dir), attrs); }
        @Override public void delete(Path path) throws IOException { p.delete(unwrap(path)); }
        @Override public void copy(Path source, Path target, CopyOption... options) throws IOException { p.copy(unwrap(source), unwrap(target), options); }
        @Override public void move(Path source, Path target, CopyOption... options) throws IOException { p.move(unwrap(source), unwrap(target), options); }
        @Override public boolean isSameFile(Path a, Path b) throws IOException { return p.isSameFile(unwrap(a), unwrap(b)); }
        @Override public boolean isHidden(Path path) throws IOException { return p.isHidden(unwrap(path)); }
        @Override public FileStore getFileStore(Path path) throws IOException { return p.getFileStore(unwrap(path)); }
        @Override public void checkAccess(Path path, AccessMode... modes) throws IOException { p.checkAccess(unwrap(path), modes); }
        @Override public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return p.getFileAttributeView(unwrap(path), type, options);
        }
        @Override public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
            return p.readAttributes(unwrap(path), type, options);
        }
        @Override public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return p.readAttributes(unwrap(path), attributes, options);
        }
        @Override public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            p.setAttribute(unwrap(path), attribute, value, options);
        }
    }

    /** A channel that accepts {@code budget} bytes and then fails every write like a full disk. */
    private final class FullDiskChannel extends FileChannel {
        private final FileChannel d;
        private long budget;

        FullDiskChannel(FileChannel d, long budget) {
            this.d = d;
            this.budget = budget;
        }

        private ByteBuffer admit(ByteBuffer src) throws IOException {
            if (src.remaining() <= budget) {
                budget -= src.remaining();
                return src;
            }
            if (budget > 0) {
                // Write what fits, then fail: the file holds a prefix of the content, as on a real full disk.
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + (int) budget);
                int n = d.write(part);
                src.position(src.position() + n);
                budget = 0;
            }
            failures.incrementAndGet();
            throw new IOException("No space left on device");
        }

        @Override public int read(ByteBuffer dst) throws IOException { return d.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return d.read(dsts, offset, length); }
        @Override public int write(ByteBuffer src) throws IOException { return d.write(admit(src)); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = 0;
            for (int i = offset; i < offset + length; i++) n += write(srcs[i]);
            return n;
        }
        @Override public long position() throws IOException { return d.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { d.position(newPosition); return this; }
        @Override public long size() throws IOException { return d.size(); }
        @Override public FileChannel truncate(long size) throws IOException { d.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { d.force(metaData); }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return d.transferTo(position, count, target);
        }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException("not needed by the code under test");
        }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return d.read(dst, position); }
        @Override public int write(ByteBuffer src, long position) throws IOException {
            ByteBuffer admitted = admit(src);
            return d.write(admitted, position);
        }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override public FileLock tryLock(long position, long size, boolean shared) { throw new UnsupportedOperationException(); }
        @Override protected void implCloseChannel() throws IOException { d.close(); }
    }
}
