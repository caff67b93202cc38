package digitlab.train.sweep;

import digitlab.train.RunStore;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sweeps of a workspace: one folder per sweep under {@code <workspace>/sweeps}, beside {@code runs}, holding its
 * {@value #FILE} (written atomically after every change: spec, points, each point's run id and state) and
 * {@code owner.lock} (held by the program running it). The runs themselves are ordinary runs of the {@link RunStore}.
 * Thread-safe; several stores on the same folder agree (the state is in the files).
 */
public final class SweepStore {

    /** The record's file name in a sweep's folder. */
    public static final String FILE = "sweep.json";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final System.Logger LOG = System.getLogger(SweepStore.class.getName());

    private final Path root;
    private final RunStore runs;

    /** A store of sweeps in {@code root} whose runs are in {@code runs}. */
    public SweepStore(Path root, RunStore runs) {
        this.root = root.toAbsolutePath().normalize();
        this.runs = runs;
    }

    /** The sweeps beside a run store: {@code <runs folder>/../sweeps}. */
    public static SweepStore beside(RunStore runs) {
        return new SweepStore(runs.root().resolveSibling("sweeps"), runs);
    }

    /** The workspace's sweeps: beside {@link RunStore#workspace()}. */
    public static SweepStore workspace() {
        return beside(RunStore.workspace());
    }

    /** The folder of the sweeps. */
    public Path root() {
        return root;
    }

    /** The store of the sweeps' runs. */
    public RunStore runs() {
        return runs;
    }

    /**
     * Makes a sweep of {@code spec} with every point pending (status {@link SweepStatus#NEW}); its id is the UTC time,
     * e.g. {@code 20261203-170512-sweep}. Nothing is trained yet: give the id to a {@link SweepRunner} or
     * {@link SweepJob}.
     *
     * @throws digitlab.train.InvalidRequestException naming the first problem of the spec
     * @throws IOException when the folder cannot be written
     */
    public SweepRecord create(SweepSpec spec) throws IOException {
        spec.requireValid();
        List<SweepPoint> points = new ArrayList<>();
        var settings = spec.points();
        for (int i = 0; i < settings.size(); i++) points.add(SweepPoint.pending(i, settings.get(i)));
        Files.createDirectories(root);
        String base = STAMP.format(Instant.now()) + "-sweep";
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            try {
                Files.createDirectory(root.resolve(id));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            Instant now = Instant.now();
            SweepRecord r = new SweepRecord(id, spec.displayName(), now, now, SweepStatus.NEW, "", spec, points, 0);
            write(r);
            return r;
        }
    }

    /**
     * The sweep with this id. A sweep whose file says RUNNING while no program runs it reads as
     * {@link SweepStatus#INTERRUPTED}.
     *
     * @throws NoSuchFileException naming the id when there is no such sweep
     * @throws IOException         naming the file when it is broken
     */
    public SweepRecord open(String id) throws IOException {
        Path dir = directory(id);
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) throw new NoSuchFileException(dir.toString(), null, "no sweep '" + id + "' in " + root);
        SweepRecord r;
        try {
            r = SweepFile.fromMap(Json.parseObject(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
        if (r.status() == SweepStatus.RUNNING && !SweepLock.held(dir)) {
            r = new SweepRecord(r.id(), r.name(), r.created(), r.updated(), SweepStatus.INTERRUPTED,
                    "the program running it ended before the sweep finished; resume it to continue", r.spec(), r.points(),
                    r.seconds());
        }
        return r;
    }

    /** All sweeps, newest first; a folder whose sweep.json is broken is left out (and logged). */
    public List<SweepRecord> list() throws IOException {
        List<SweepRecord> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                String id = d.getFileName().toString();
                if (!ID.matcher(id).matches() || !Files.isRegularFile(d.resolve(FILE))) continue;
                try {
                    out.add(open(id));
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "sweep left out: " + e.getMessage());
                }
            }
        }
        out.sort(Comparator.comparing(SweepRecord::created).reversed().thenComparing(SweepRecord::id, Comparator.reverseOrder()));
        return out;
    }

    /**
     * The sweeps that were running when their program ended and have points left: what the workbench offers to
     * resume after a restart (it asks first).
     */
    public List<SweepRecord> interrupted() throws IOException {
        return list().stream().filter(r -> r.status() == SweepStatus.INTERRUPTED && r.hasWorkLeft()).toList();
    }

    /**
     * Deletes a sweep's record (its runs stay in the run store).
     *
     * @throws IllegalStateException when it is running
     */
    public void delete(String id) throws IOException {
        Path dir = directory(id);
        open(id);
        if (SweepLock.held(dir)) throw new IllegalStateException("sweep '" + id + "' is running; cancel it before deleting it");
        Path trash = root.resolve("." + id + ".deleted");
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> walk = Files.walk(trash)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The folder of sweep {@code id}. */
    Path directory(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("'" + id + "' is not a sweep id");
        return root.resolve(id);
    }

    /** Writes the record atomically. */
    void write(SweepRecord r) throws IOException {
        Map<String, Object> m = SweepFile.toMap(r);
        AtomicFiles.writeString(directory(r.id()).resolve(FILE), Json.writePretty(m));
    }

    @Override
    public String toString() {
        return "SweepStore[" + root + "]";
    }
}
