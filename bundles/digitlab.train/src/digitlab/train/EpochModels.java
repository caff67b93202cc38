package digitlab.train;

import digitlab.nn.Model;
import digitlab.nn.io.ModelFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models a run keeps at the end of its epochs, in {@code <run>/epochs/epoch-NNNN.dlm} (time travel: the
 * views' epoch slider and {@code RUN@EPOCH} on the command line read them).
 *
 * <p>Bounded: a run keeps every epoch's model while it has at most {@link #RECENT} epochs. Past that it keeps
 * the {@link #RECENT} newest, the epochs that are powers of two (1, 2, 4, 8, ... : a geometric spacing of the
 * older ones), and the best (highest validation accuracy); the others are deleted as the run goes on. A run
 * of N epochs thus keeps at most {@code RECENT + log2(N) + 2} models. The rule depends only on the epoch's
 * number, the newest epoch and the best, so an epoch thinned away is never wanted again, and a cancelled,
 * failed or resumed run keeps what it wrote.
 */
public final class EpochModels {

    /** The folder inside the run's folder. */
    public static final String FOLDER = "epochs";
    /** How many of the newest epochs are always kept (and so: every epoch of a run of at most this many). */
    public static final int RECENT = 20;

    private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,})\\.dlm");

    private final Run run;

    EpochModels(Run run) {
        this.run = run;
    }

    /** The file of {@code epoch}'s model (may not exist). */
    public Path file(int epoch) {
        return run.directory().resolve(FOLDER).resolve(String.format("epoch-%04d.dlm", epoch));
    }

    /** The epochs whose models are kept, ascending (empty for a run without any, e.g. one trained before). */
    public List<Integer> epochs() throws IOException {
        List<Integer> out = new ArrayList<>();
        Path dir = run.directory().resolve(FOLDER);
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) out.add(Integer.parseInt(m.group(1)));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The model of {@code epoch}.
     *
     * @throws NoSuchFileException when the epoch is not kept; its reason says which ones are (one line)
     */
    public Model load(int epoch) throws IOException {
        Path f = file(epoch);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "run " + run.id() + " " + missing(epoch, epochs()));
        }
        return ModelFormat.load(f);
    }

    /** Why {@code epoch} is not among {@code kept}: beyond the run's epochs, or thinned away. */
    static String missing(int epoch, List<Integer> kept) {
        if (kept.isEmpty()) return "has no per-epoch models";
        int last = kept.get(kept.size() - 1);
        if (epoch < 1 || epoch > last) return "has epochs 1-" + last + "; there is no epoch " + epoch;
        return "kept the models of epochs " + ranges(kept) + "; epoch " + epoch + " was thinned away";
    }

    /** "1, 2, 4, 8, 30-50": runs of consecutive numbers as ranges. */
    static String ranges(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(sorted.get(i));
            if (j > i) sb.append(j == i + 1 ? ", " : "-").append(sorted.get(j));
            i = j + 1;
        }
        return sb.toString();
    }

    /** The keeping rule: whether {@code epoch} is kept when {@code newest} is the newest epoch and {@code best} the best. */
    public static boolean keeps(int epoch, int newest, int best) {
        return epoch == newest || epoch == best || newest - epoch < RECENT || Integer.bitCount(epoch) == 1;
    }

    /**
     * Saves {@code model} as {@code epoch}'s (atomically), then deletes the kept models the rule no longer
     * keeps. {@code history} holds the run's epochs so far (for the best).
     */
    void keep(int epoch, Model model, List<EpochPoint> history) throws IOException {
        Path f = file(epoch);
        Files.createDirectories(f.getParent());
        ModelFormat.save(model, f);
        int best = best(history);
        for (int e : epochs()) {
            if (!keeps(e, epoch, best)) Files.deleteIfExists(file(e));
        }
    }

    /** The epoch with the highest validation accuracy (the first of equals), or 0 when none has one. */
    static int best(List<EpochPoint> history) {
        int best = 0;
        double acc = Double.NEGATIVE_INFINITY;
        for (EpochPoint p : history) {
            if (!Double.isNaN(p.validationAccuracy()) && p.validationAccuracy() > acc) {
                acc = p.validationAccuracy();
                best = p.epoch();
            }
        }
        return best;
    }
}
