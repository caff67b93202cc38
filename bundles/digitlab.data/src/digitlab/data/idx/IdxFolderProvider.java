package digitlab.data.idx;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.SplitPolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The generic "IDX folder" dataset: any folder with the four standard IDX files (see {@link IdxFolder}).
 * Its id is {@code idx:} followed by the folder's absolute path, as typed on the command line
 * ({@code --dataset idx:/usr/share/datasets/fashion-mnist}).
 */
public final class IdxFolderProvider implements DatasetProvider {

    /** The id prefix of IDX-folder datasets. */
    public static final String PREFIX = "idx:";

    private final Path folder;

    /** @param folder the folder holding the four files; made absolute and normalised */
    public IdxFolderProvider(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    /** The folder the files are read from. */
    public Path folder() {
        return folder;
    }

    @Override
    public String id() {
        return PREFIX + folder;
    }

    @Override
    public String displayName() {
        Path name = folder.getFileName();
        return "IDX folder " + (name == null ? folder.toString() : name.toString());
    }

    @Override
    public boolean isAvailable() {
        try {
            IdxFolder.locate(folder);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Dataset load() throws IOException {
        return IdxFolder.load(folder, id(), displayName(), null, SplitPolicy.standard());
    }

    @Override
    public String toString() {
        return id();
    }

    /**
     * The provider for an id of the form {@code idx:/path/to/folder}; a leading {@code ~/} in the path means
     * the user's home folder. The folder is not read here (see {@link #load()}).
     *
     * @throws IllegalArgumentException when the id does not start with {@code idx:} or names no valid path
     */
    public static IdxFolderProvider forId(String id) {
        if (!id.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + id + "' is not an IDX folder id (idx:/path/to/folder)");
        }
        String path = id.substring(PREFIX.length()).strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("'" + id + "' names no folder; write idx:/path/to/folder, "
                    + "for example idx:/usr/share/datasets/fashion-mnist");
        }
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return new IdxFolderProvider(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + id + "' is not a valid folder path: " + e.getReason(), e);
        }
    }
}
