package digitlab.data.mnist;

import digitlab.data.DatasetUnavailableException;
import digitlab.data.ImageDataset;
import digitlab.data.SplitPolicy;
import digitlab.data.idx.IdxArray;
import digitlab.data.idx.IdxFolder;
import digitlab.data.idx.IdxReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The MNIST handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges), embedded in this bundle as the four
 * original gzipped IDX files under {@code data/}: 60,000 training and 10,000 test images of 28x28 pixels,
 * labels 0..9.
 * <p>
 * The files are read as class-path resources ({@link Class#getResourceAsStream}), which works the same in
 * OSGi and on a plain class path. Loading takes a fraction of a second and keeps the images as bytes
 * (about 55 MB).
 */
public final class MnistDataset {

    /** The dataset id. */
    public static final String ID = "mnist";
    /** The dataset's name for people. */
    public static final String DISPLAY_NAME = "MNIST handwritten digits";
    /** The class names: the digits. */
    public static final List<String> CLASS_NAMES = IdxFolder.numberedClasses(10);
    /** Image counts of the training and test files. */
    public static final int TRAIN_COUNT = 60_000, TEST_COUNT = 10_000;
    /** The folder of the files inside the bundle (and on the class path). */
    public static final String RESOURCE_FOLDER = "/data/";

    private MnistDataset() {
    }

    /** Loads MNIST with the standard validation split (the last 5,000 training images). */
    public static ImageDataset load() throws IOException {
        return load(SplitPolicy.standard());
    }

    /**
     * Loads MNIST from the bundle's resources.
     *
     * @throws DatasetUnavailableException when a resource is missing (a broken installation)
     * @throws digitlab.data.idx.IdxFormatException when a file is damaged
     */
    public static ImageDataset load(SplitPolicy policy) throws IOException {
        IdxReader reader = new IdxReader();
        // The training images are most of the work; inflate them beside the other three.
        CompletableFuture<IdxArray> trainImagesTask = CompletableFuture.supplyAsync(() -> {
            try {
                return read(reader, IdxFolder.TRAIN_IMAGES, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        IdxArray trainLabels = read(reader, IdxFolder.TRAIN_LABELS, false);
        IdxArray testImages = read(reader, IdxFolder.TEST_IMAGES, true);
        IdxArray testLabels = read(reader, IdxFolder.TEST_LABELS, false);
        IdxArray trainImages;
        try {
            trainImages = trainImagesTask.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
        return IdxFolder.assemble(ID, DISPLAY_NAME, CLASS_NAMES, trainImages, trainLabels, testImages, testLabels,
                policy);
    }

    /** Opens one of the four files, named by its base name (without .gz), as a stream; the caller closes it. */
    public static InputStream open(String baseName) throws DatasetUnavailableException {
        String resource = RESOURCE_FOLDER + baseName + ".gz";
        InputStream in = MnistDataset.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DatasetUnavailableException("MNIST resource " + resource
                    + " is missing from the digitlab.data.mnist bundle; the installation is damaged, reinstall Digit Lab");
        }
        return in;
    }

    private static IdxArray read(IdxReader reader, String baseName, boolean images) throws IOException {
        try (InputStream in = open(baseName)) {
            String name = baseName + ".gz";
            return images ? reader.readImages(in, name) : reader.readLabels(in, name);
        }
    }
}
