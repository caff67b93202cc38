package digitlab.train;

import digitlab.train.internal.InstanceLocation;
import digitlab.train.internal.Json;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The experiment runs under one root folder (in the product: {@code <instance location>/runs}), one
 * sub-folder per {@link Run}. Lists, creates, opens, renames, deletes and compares runs. Thread-safe;
 * several stores on the same root agree (state lives in the files).
 */
public final class RunStore {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Folders of the runs that a session of this process is training now. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    /**
     * Locks for run.json updates, striped by folder: a fixed set, so nothing is kept per run (a map of one
     * lock per folder grew by a few hundred bytes with every run of a session). Two runs may share a stripe;
     * the critical section is one small file update and never takes a second stripe.
     */
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) LOCKS[i] = new Object();
    }
    private static volatile RunStore workspace;

    private final Path root;
    private final List<RunStoreListener> listeners = new CopyOnWriteArrayList<>();

    /** A store over {@code root} (created on the first write). */
    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The shared store of the workspace: {@code <instance location>/runs} when running in the product
     * ({@code -data WS}), else {@code ~/.digitlab/workspace/runs}.
     *
     * <p>Why static: one folder of runs per workspace, shared by the views, the jobs and the command line (which
     * runs without a service registry); stores elsewhere are made with the constructor.
     */
    public static RunStore workspace() {
        RunStore s = workspace;
        if (s == null) {
            synchronized (RunStore.class) {
                if (workspace == null) workspace = new RunStore(InstanceLocation.directory().resolve("runs"));
                s = workspace;
            }
        }
        return s;
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /**
     * Creates a new run for {@code request} with status {@link RunStatus#NEW}; its id is the UTC time and
     * the preset, e.g. {@code 20261124-004512-mlp} (with a suffix when taken).
     */
    public Run create(TrainingRequest request) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(Instant.now()) + "-" + request.preset().replaceAll("[^A-Za-z0-9._-]", "_");
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            Path dir = root.resolve(id);
            try {
                Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", request.displayName());
            m.put("created", Instant.now().toString());
            m.put("status", RunStatus.NEW.name());
            m.put("message", "");
            m.put("request", Run.RequestJson.toMap(request));
            m.put("architecture", "");
            m.put("epochsCompleted", 0);
            m.put("seconds", 0);
            digitlab.train.internal.AtomicFiles.writeString(dir.resolve(Run.INFO_FILE), Json.writePretty(m));
            fireChanged(id);
            return new Run(this, id);
        }
    }

    /**
     * The summaries of all runs, newest first. A folder whose run.json is broken is listed with status
     * {@link RunStatus#FAILED} and the problem as its message, so it can still be seen and deleted.
     */
    public List<RunInfo> list() throws IOException {
        List<RunInfo> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                String id = d.getFileName().toString();
                if (!ID.matcher(id).matches() || !Files.isRegularFile(d.resolve(Run.INFO_FILE))) continue;
                Run run = new Run(this, id);
                try {
                    out.add(run.info());
                } catch (IOException e) {
                    out.add(new RunInfo(id, id, Instant.EPOCH, RunStatus.FAILED, e.getMessage(), "", "", "", 0, 0, 0,
                            Double.NaN, Double.NaN, Files.isRegularFile(run.modelFile()),
                            Files.isRegularFile(run.checkpointFile())));
                }
            }
        }
        out.sort(Comparator.comparing(RunInfo::created).reversed().thenComparing(RunInfo::id, Comparator.reverseOrder()));
        return out;
    }

    /**
     * The run with this id.
     *
     * @throws NoSuchFileException naming the id when there is no such run
     */
    public Run open(String id) throws IOException {
        Path dir = checkedDir(id);
        if (!Files.isRegularFile(dir.resolve(Run.INFO_FILE))) {
            throw new NoSuchFileException(dir.toString(), null, "no run '" + id + "' in " + root);
        }
        return new Run(this, id);
    }

    /** Gives run {@code id} a new display name (its folder and id stay). */
    public void rename(String id, String name) throws IOException {
        String n = Objects.requireNonNull(name, "name").strip();
        if (n.isEmpty()) throw new IllegalArgumentException("name: a run needs a name");
        if (n.length() > 200) throw new IllegalArgumentException("name: longer than 200 characters");
        open(id).update(m -> m.put("name", n));
    }

    /**
     * Deletes run {@code id} and its files.
     *
     * @throws IllegalStateException when the run is training now (cancel it first)
     */
    public void delete(String id) throws IOException {
        Run run = open(id);
        if (run.isActive() || digitlab.train.internal.OwnerLock.ownedElsewhere(run.directory())) {
            throw new IllegalStateException("run '" + id + "' is training; cancel it before deleting it");
        }
        // First move the folder aside in one step, so a half-deleted run is never listed.
        Path trash = root.resolve("." + id + ".deleted");
        Files.move(run.directory(), trash, StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> walk = Files.walk(trash)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        fireChanged(id);
    }

    /** Two runs side by side: their summaries, configurations, histories and the fields that differ. */
    public RunComparison compare(String a, String b) throws IOException {
        Run ra = open(a);
        Run rb = open(b);
        return RunComparison.of(ra.info(), ra.request(), ra.history(), rb.info(), rb.request(), rb.history());
    }

    /** Adds a listener for created, changed and deleted runs. */
    public void addListener(RunStoreListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /** Removes a listener. */
    public void removeListener(RunStoreListener l) {
        listeners.remove(l);
    }

    void fireChanged(String id) {
        for (RunStoreListener l : listeners) {
            try {
                l.runChanged(this, id);
            } catch (RuntimeException e) {
                System.getLogger(RunStore.class.getName()).log(System.Logger.Level.WARNING,
                        "a run store listener failed: " + e, e);
            }
        }
    }

    private Path checkedDir(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("'" + id + "' is not a run id");
        return root.resolve(id);
    }

    // ---------------------------------------------------------------- process-wide state of runs being trained

    static boolean isActive(Path dir) {
        return ACTIVE.contains(dir.toAbsolutePath().normalize());
    }

    /** Marks a run as being trained; false when another session already trains it. */
    static boolean markActive(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!ACTIVE.add(key)) return false;
        if (!digitlab.train.internal.OwnerLock.acquire(key)) { // another program trains it
            ACTIVE.remove(key);
            return false;
        }
        return true;
    }

    static void markInactive(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        digitlab.train.internal.OwnerLock.release(key);
        ACTIVE.remove(key);
    }

    /** The lock guarding updates of the run in {@code dir}. */
    static Object lockFor(Path dir) {
        return LOCKS[Math.floorMod(dir.toAbsolutePath().normalize().hashCode(), LOCKS.length)];
    }

    @Override
    public String toString() {
        return "RunStore[" + root + "]";
    }
}
