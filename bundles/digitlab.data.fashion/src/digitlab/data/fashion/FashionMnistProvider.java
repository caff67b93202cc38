package digitlab.data.fashion;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.DatasetUnavailableException;
import digitlab.data.SplitPolicy;
import digitlab.data.idx.IdxFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Contributes Fashion-MNIST (Zalando Research; MIT licence) as dataset {@code fashion}: 60,000 training and
 * 10,000 test images of 28x28 pixels in ten clothing classes, in MNIST's IDX layout. The files are not shipped
 * with Digit Lab; they are read from a folder:
 * <ol>
 * <li>the folder set with {@link #setFolder(Path)} (the preference page sets it), else</li>
 * <li>the folder in the system property {@value #FOLDER_PROPERTY}, else</li>
 * <li>{@value #DEFAULT_FOLDER}, where Debian's package {@code dataset-fashion-mnist} installs them.</li>
 * </ol>
 */
public final class FashionMnistProvider implements DatasetProvider {

    /** The dataset id. */
    public static final String ID = "fashion";
    /** The dataset's name for people. */
    public static final String DISPLAY_NAME = "Fashion-MNIST (Zalando)";
    /** Where Debian's {@code dataset-fashion-mnist} package puts the four files. */
    public static final String DEFAULT_FOLDER = "/usr/share/datasets/fashion-mnist";
    /** The system property that names another folder. */
    public static final String FOLDER_PROPERTY = "digitlab.fashion.dir";
    /** The ten classes, in label order. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static volatile Path configuredFolder;

    /**
     * Sets the folder to read from (for example from the preferences), or {@code null} to fall back to the
     * system property and the Debian default.
     */
    public static void setFolder(Path folder) {
        configuredFolder = folder;
    }

    /** The folder the files are read from now (see the class comment for the order). */
    public static Path folder() {
        Path set = configuredFolder;
        if (set != null) {
            return set;
        }
        String property = System.getProperty(FOLDER_PROPERTY);
        return Path.of(property != null && !property.isBlank() ? property.strip() : DEFAULT_FOLDER);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public boolean isAvailable() {
        try {
            IdxFolder.locate(folder());
            return true;
        } catch (DatasetUnavailableException e) {
            return false;
        }
    }

    /**
     * @throws DatasetUnavailableException saying where the files were looked for and how to install them
     */
    @Override
    public Dataset load() throws IOException {
        Path folder = folder();
        try {
            IdxFolder.locate(folder);
        } catch (DatasetUnavailableException e) {
            throw new DatasetUnavailableException("Fashion-MNIST not found in " + folder
                    + "; install it with: sudo apt-get install dataset-fashion-mnist,"
                    + " or set the folder in Preferences > Digit Lab > Datasets (" + e.getMessage() + ")", e);
        }
        return IdxFolder.load(folder, ID, DISPLAY_NAME, CLASS_NAMES, SplitPolicy.standard());
    }
}
