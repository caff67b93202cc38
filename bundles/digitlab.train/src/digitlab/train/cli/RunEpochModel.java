package digitlab.train.cli;

import digitlab.nn.Model;
import digitlab.train.EpochModels;
import digitlab.train.Run;
import digitlab.train.RunInfo;
import digitlab.train.RunStore;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --model RUN@EPOCH}: the model a run of the workspace kept at the end of an epoch ({@link EpochModels}).
 * RUN is the run's id (its folder, e.g. {@code 20261124-004512-mlp}) or its name as the Runs view lists it;
 * EPOCH a kept epoch. A file of that name wins (it is read as a file).
 */
final class RunEpochModel {

    private static final Pattern FORM = Pattern.compile("(.+)@([^@/]*)");

    private RunEpochModel() {
    }

    /** Whether {@code arg} has the form RUN@EPOCH. */
    static boolean matches(String arg) {
        return FORM.matcher(arg).matches();
    }

    /**
     * The model {@code arg} (RUN@EPOCH) names in {@code store}.
     *
     * @throws UsageException an unknown run, a name shared by several runs, an epoch that is not a number, beyond
     *                        the run's epochs or thinned away (one line each; exit 2)
     */
    static Model load(RunStore store, String arg) throws IOException, UsageException {
        Matcher m = FORM.matcher(arg);
        if (!m.matches()) throw new UsageException("--model " + arg + ": expected RUN@EPOCH");
        String runName = m.group(1);
        int epoch;
        try {
            epoch = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new UsageException("--model " + arg + ": the epoch '" + m.group(2) + "' is not a number");
        }
        Run run = store.open(find(store, runName, arg));
        try {
            return run.epochModels().load(epoch);
        } catch (java.nio.file.NoSuchFileException e) {
            if (e.getReason() == null) throw e;
            throw new UsageException("--model " + arg + ": " + e.getReason());
        }
    }

    /** The id of the run named {@code name} (an id, else a unique display name). */
    private static String find(RunStore store, String name, String arg) throws IOException, UsageException {
        List<RunInfo> runs = store.list();
        for (RunInfo r : runs) {
            if (r.id().equals(name)) return r.id();
        }
        List<String> ids = runs.stream().filter(r -> r.name().equals(name)).map(RunInfo::id).toList();
        if (ids.size() == 1) return ids.get(0);
        if (ids.isEmpty()) throw new UsageException("--model " + arg + ": no run '" + name + "' in " + store.root()
                + " (name a run by its id or its name, as the Runs view lists them)");
        throw new UsageException("--model " + arg + ": " + ids.size() + " runs are named '" + name + "' ("
                + String.join(", ", ids) + "); name one by its id");
    }
}
