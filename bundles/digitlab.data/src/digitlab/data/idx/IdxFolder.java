package digitlab.data.idx;

import digitlab.data.DatasetUnavailableException;
import digitlab.data.ImageDataset;
import digitlab.data.ImageSet;
import digitlab.data.SplitPolicy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A folder with the four standard IDX files, as published for MNIST, Fashion-MNIST, KMNIST and EMNIST:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each raw or with a {@code .gz} suffix.
 * <p>
 * Class names: the lines of an optional {@code classes.txt} in the folder (UTF-8, one name per line, blank
 * lines at the end ignored), else "0".."N-1" where N is one more than the largest label in either file.
 */
public final class IdxFolder {

    /** Base name of the training images file. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Base name of the training labels file. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Base name of the test images file. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Base name of the test labels file. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four base names, in the order train images, train labels, test images, test labels. */
    public static final List<String> STANDARD_FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** The optional class-names file. */
    public static final String CLASSES_FILE = "classes.txt";

    private IdxFolder() {
    }

    /**
     * Finds the four standard files in {@code folder} (each raw or {@code .gz}; raw wins when both exist).
     *
     * @return the paths in {@link #STANDARD_FILES} order
     * @throws DatasetUnavailableException when the folder is missing or lacks files, naming exactly which
     */
    public static List<Path> locate(Path folder) throws DatasetUnavailableException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetUnavailableException(Files.exists(folder)
                    ? folder + " is not a folder; an IDX dataset is a folder with the four standard IDX files"
                    : "no such folder: " + folder);
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String base : STANDARD_FILES) {
            Path raw = folder.resolve(base);
            Path gz = folder.resolve(base + ".gz");
            if (Files.isRegularFile(raw)) {
                found.add(raw);
            } else if (Files.isRegularFile(gz)) {
                found.add(gz);
            } else {
                missing.add(base + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetUnavailableException(folder + " lacks " + String.join(", ", missing)
                    + "; an IDX dataset folder needs " + String.join(", ", STANDARD_FILES) + " (each raw or .gz)");
        }
        return found;
    }

    /**
     * Reads the dataset in {@code folder}.
     *
     * @param id          the dataset id, for example {@code "idx:" + folder}
     * @param displayName a name for people
     * @param classNames  the class names, or null to use {@code classes.txt} or "0".."N-1"
     * @param policy      the validation split
     * @throws DatasetUnavailableException when files are missing (named)
     * @throws IdxFormatException          when a file is broken (named, with the problem)
     * @throws IOException                 when a file cannot be read
     */
    public static ImageDataset load(Path folder, String id, String displayName, List<String> classNames,
            SplitPolicy policy) throws IOException {
        List<Path> files = locate(folder);
        IdxReader reader = new IdxReader();
        // The training images are most of the work (47 MB for MNIST): read them beside the other three.
        CompletableFuture<IdxArray> trainImagesTask = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readImages(files.get(0));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        IdxArray trainLabels = reader.readLabels(files.get(1));
        IdxArray testImages = reader.readImages(files.get(2));
        IdxArray testLabels = reader.readLabels(files.get(3));
        IdxArray trainImages = join(trainImagesTask);

        List<String> names = classNames;
        if (names == null) {
            Path classesFile = folder.resolve(CLASSES_FILE);
            names = Files.isRegularFile(classesFile) ? readClassNames(classesFile)
                    : numberedClasses(Math.max(IdxSets.maxLabel(trainLabels), IdxSets.maxLabel(testLabels)) + 1);
        }
        if (names.isEmpty()) {
            throw new IdxFormatException(files.get(1).getFileName().toString(), "holds no labels");
        }
        return assemble(id, displayName, names, trainImages, trainLabels, testImages, testLabels, policy);
    }

    /**
     * Builds a dataset from four files already read, checking counts, label ranges and that training and test
     * images have the same size.
     */
    public static ImageDataset assemble(String id, String displayName, List<String> classNames, IdxArray trainImages,
            IdxArray trainLabels, IdxArray testImages, IdxArray testLabels, SplitPolicy policy)
            throws IdxFormatException {
        if (classNames.size() > 256) {
            throw new IllegalArgumentException(id + ": " + classNames.size() + " classes; byte labels allow 256");
        }
        ImageSet train = IdxSets.imageSet(trainImages, trainLabels, classNames.size());
        ImageSet test = IdxSets.imageSet(testImages, testLabels, classNames.size());
        if (train.width() != test.width() || train.height() != test.height()) {
            throw new IdxFormatException(testImages.source(), "holds " + test.width() + "x" + test.height()
                    + " images but " + trainImages.source() + " holds " + train.width() + "x" + train.height());
        }
        return new ImageDataset(id, displayName, classNames, train, test, policy);
    }

    /**
     * Reads class names from a UTF-8 text file, one per line; trailing blank lines are dropped.
     *
     * @throws IdxFormatException when the file is not UTF-8, is empty, has a blank line among the names, or
     *                            has more than 256 names
     */
    public static List<String> readClassNames(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IdxFormatException(name, "is not UTF-8 text", e);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IdxFormatException(name, "holds no class names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String n = lines.get(i).strip();
            if (n.isEmpty()) {
                throw new IdxFormatException(name, "line " + (i + 1) + " is blank; one class name per line");
            }
            names.add(n);
        }
        if (names.size() > 256) {
            throw new IdxFormatException(name, "lists " + names.size() + " classes; at most 256 are supported");
        }
        return List.copyOf(names);
    }

    /** "0", "1", ..., "n-1". */
    public static List<String> numberedClasses(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return List.copyOf(names);
    }

    private static IdxArray join(CompletableFuture<IdxArray> task) throws IOException {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
