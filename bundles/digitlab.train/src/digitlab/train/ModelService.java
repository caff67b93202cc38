package digitlab.train;

import digitlab.train.internal.Contributions;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lab's "current model": what the canvas guesses with. One per process ({@link #get()}). Starts as the
 * ready model shipped in this bundle ({@value #READY_MODEL_RESOURCE}); set it from a run, a file or a model.
 * Thread-safe: {@link #current()} is a volatile read of an immutable value, so the canvas may call it for
 * every prediction.
 */
public final class ModelService {

    /** The ready model inside this bundle. */
    public static final String READY_MODEL_RESOURCE = "/models/ready.dlm";

    private static final ModelService INSTANCE = new ModelService();

    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CurrentModel current;
    private long version;

    private ModelService() {
    }

    /**
     * The service of this process.
     *
     * <p>Why a static instance and not an OSGi service: the lab has one current model per process by design, and
     * the headless commands and the plain-Java tests use it where no service registry runs; the workbench reaches
     * it through {@code digitlab.ui}'s model access, the one place that listens to it.
     */
    public static ModelService get() {
        return INSTANCE;
    }

    /**
     * The current model; the first call loads the ready model (a few milliseconds).
     *
     * @throws IllegalStateException when the ready model is missing or broken (a damaged installation)
     */
    public CurrentModel current() {
        CurrentModel c = current;
        if (c != null) return c;
        synchronized (this) {
            if (current == null) {
                try {
                    current = new CurrentModel(readyModel(), "ready model", ++version);
                } catch (IOException e) {
                    throw new IllegalStateException("the ready model cannot be loaded: " + e.getMessage(), e);
                }
            }
            return current;
        }
    }

    /** Makes {@code model} current; {@code source} says where it came from (shown to users). */
    public void set(Model model, String source) {
        CurrentModel c;
        synchronized (this) {
            c = new CurrentModel(Objects.requireNonNull(model, "model"), Objects.requireNonNull(source, "source"), ++version);
            current = c;
        }
        for (ModelListener l : listeners) {
            try {
                l.currentModelChanged(c);
            } catch (RuntimeException e) {
                System.getLogger(ModelService.class.getName()).log(System.Logger.Level.WARNING,
                        "a model listener failed: " + e, e);
            }
        }
    }

    /**
     * Loads a model file of any format the lab reads ({@link ModelFiles}) and makes it current.
     *
     * @throws IOException naming the file and the problem; the current model is then unchanged
     */
    public Model setFromFile(Path file) throws IOException {
        Contributions.ensureLoaded();
        Model m = ModelFiles.load(file);
        set(m, file.toString());
        return m;
    }

    /** Makes run {@code run}'s model current; the source names the run by its name, as the runs view does. */
    public Model setFromRun(Run run) throws IOException {
        Model m = run.loadModel();
        set(m, "run " + run.info().name());
        return m;
    }

    /** Makes the ready model current again. */
    public void resetToReady() throws IOException {
        set(readyModel(), "ready model");
    }

    /** Adds a listener. */
    public void addListener(ModelListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /** Removes a listener. */
    public void removeListener(ModelListener l) {
        listeners.remove(l);
    }

    /**
     * Loads the ready model shipped in this bundle.
     *
     * @throws IOException when it is missing or broken
     */
    public static Model readyModel() throws IOException {
        Contributions.ensureLoaded(); // the ready model's layers (conv2d, ...) come through the layer extension point
        try (InputStream in = ModelService.class.getResourceAsStream(READY_MODEL_RESOURCE)) {
            if (in == null) {
                throw new NoSuchFileException(READY_MODEL_RESOURCE, null,
                        "the ready model is missing from the digitlab.train bundle; reinstall Digit Lab");
            }
            // The model reader takes files; the resource may sit inside a jar.
            Path tmp = Files.createTempFile("digitlab-ready", ModelFormat.EXTENSION);
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return ModelFormat.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
