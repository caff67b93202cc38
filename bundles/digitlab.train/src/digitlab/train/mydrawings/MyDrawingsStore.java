package digitlab.train.mydrawings;

import digitlab.train.internal.InstanceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * My drawings: the drawings the user taught the lab ("It's a 4"), kept in one file of the workspace
 * ({@code <workspace>/mydrawings/drawings.json}, {@link MyDrawingsFile}) and offered as the dataset
 * {@value MyDrawingsDataset#ID} ({@link MyDrawingsDataset}).
 *
 * <p>The file is the state: every call reads it, and every change writes it whole and atomically (temporary
 * file + rename), so a crash or a full disk leaves the previous file. A damaged file is never overwritten:
 * reading, adding and removing all fail with an {@link IOException} naming the file until the user moves it
 * away. Thread-safe (one lock for all stores of the process).
 *
 * <p>Held-out part: when a drawing is added it is assigned for good to the training part or the held-out
 * part, by the number of drawings of its digit already there: the 2nd, 6th, 10th ... drawing of each digit
 * is held out (a quarter, spread over the digits; the first drawing of a digit is always trained on).
 */
public final class MyDrawingsStore {

    /** The store's file name in its folder. */
    public static final String FILE = "drawings.json";

    private static final Object LOCK = new Object();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static volatile MyDrawingsStore workspace;

    private final Path file;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A store in {@code folder} (created on the first write). */
    public MyDrawingsStore(Path folder) {
        this.file = folder.toAbsolutePath().normalize().resolve(FILE);
    }

    /**
     * The store of the workspace: {@code <instance location>/mydrawings} ({@code DIGITLAB_WORKSPACE}).
     * Static for the reason of {@code RunStore.workspace()}: one folder per workspace, shared by the views and
     * the command line; stores elsewhere are made with the constructor.
     */
    public static MyDrawingsStore workspace() {
        MyDrawingsStore s = workspace;
        if (s == null) {
            synchronized (MyDrawingsStore.class) {
                if (workspace == null) workspace = new MyDrawingsStore(InstanceLocation.directory().resolve("mydrawings"));
                s = workspace;
            }
        }
        return s;
    }

    /** The file the drawings are kept in. */
    public Path file() {
        return file;
    }

    /**
     * All drawings, oldest first.
     *
     * @throws IOException naming the file when it cannot be read or is damaged
     */
    public List<MyDrawing> list() throws IOException {
        synchronized (LOCK) {
            return MyDrawingsFile.read(file);
        }
    }

    /**
     * Teaches one drawing: adds it with its label and saves the store.
     *
     * @param label   the digit, 0..9
     * @param image   the 28x28 image the network saw, values in [0, 1] (0 background, 1 full ink)
     * @param strokes the pen strokes (may be empty when the image was not drawn, e.g. a dataset image)
     * @return the drawing as stored
     * @throws IllegalArgumentException for a label that is not a class, an image of another size or with
     *                                  values outside [0, 1], or an empty image (nothing drawn)
     * @throws IOException              naming the file when it is damaged or cannot be written; the store is then
     *                                  unchanged
     */
    public MyDrawing add(int label, float[] image, List<PenStroke> strokes) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(strokes, "strokes");
        if (label < 0 || label >= MyDrawing.CLASSES) {
            throw new IllegalArgumentException("label " + label + " is not a class; the classes are 0..9");
        }
        if (image.length != MyDrawing.SIDE * MyDrawing.SIDE) {
            throw new IllegalArgumentException("the image has " + image.length + " pixels, not 28x28 = 784");
        }
        byte[] bytes = new byte[image.length];
        boolean ink = false;
        for (int i = 0; i < image.length; i++) {
            float v = image[i];
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("pixel " + i + " of the image is " + v + ", not in [0, 1]");
            bytes[i] = (byte) Math.round(v * 255f);
            if (bytes[i] != 0) ink = true;
        }
        if (!ink) throw new IllegalArgumentException("the drawing is empty: draw a digit before teaching it");
        MyDrawing added;
        synchronized (LOCK) {
            List<MyDrawing> all = new ArrayList<>(MyDrawingsFile.read(file));
            long sameDigit = all.stream().filter(d -> d.label() == label).count();
            Instant now = Instant.now();
            added = new MyDrawing(newId(now, all), label, now, sameDigit % 4 == 1, bytes, strokes);
            all.add(added);
            MyDrawingsFile.write(file, all);
        }
        fire();
        return added;
    }

    /**
     * Removes the drawing with {@code id}.
     *
     * @return whether there was one
     * @throws IOException naming the file when it is damaged or cannot be written; the store is then unchanged
     */
    public boolean remove(String id) throws IOException {
        boolean removed;
        synchronized (LOCK) {
            List<MyDrawing> all = new ArrayList<>(MyDrawingsFile.read(file));
            removed = all.removeIf(d -> d.id().equals(id));
            if (removed) MyDrawingsFile.write(file, all);
        }
        if (removed) fire();
        return removed;
    }

    /**
     * The drawings as a dataset (training part and held-out test part).
     *
     * @throws IOException naming the file when it is damaged
     */
    public MyDrawingsDataset dataset() throws IOException {
        return new MyDrawingsDataset(list());
    }

    /** Called (on the changing thread) after every add or remove. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Stops calling {@code listener}. */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        digitlab.train.Datasets.registry().evict(MyDrawingsDataset.ID);
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                System.getLogger(MyDrawingsStore.class.getName()).log(System.Logger.Level.WARNING,
                        "a My drawings listener failed: " + e, e);
            }
        }
    }

    private static String newId(Instant now, List<MyDrawing> taken) {
        while (true) {
            String id = STAMP.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
            if (taken.stream().noneMatch(d -> d.id().equals(id))) return id;
        }
    }
}
