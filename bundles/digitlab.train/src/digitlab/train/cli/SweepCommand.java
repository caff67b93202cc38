package digitlab.train.cli;

import digitlab.train.Datasets;
import digitlab.train.FieldProblem;
import digitlab.train.InvalidRequestException;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.sweep.EarlyStopping;
import digitlab.train.sweep.SweepAxis;
import digitlab.train.sweep.SweepMetric;
import digitlab.train.sweep.SweepRecord;
import digitlab.train.sweep.SweepRunner;
import digitlab.train.sweep.SweepSpec;
import digitlab.train.sweep.SweepStatus;
import digitlab.train.sweep.SweepStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code digitlab sweep}: trains a run per point of a grid or of random samples of training settings, and prints
 * which is best. The setting flags are made from {@link TrainingSetting} (the same flags as {@code train}); the
 * engine is {@link SweepRunner}; the sweep is kept in the workspace ({@code sweeps/<id>/sweep.json}) and can be
 * resumed.
 */
@CommandLine.Command(name = "sweep", sortOptions = false, descriptionHeading = "%n",
        customSynopsis = "digitlab sweep [--arch NAME] [--lr X,Y,..] [--layers W,W W ..] ... [--random N] [--parallel K] [--early-stop] [--json]",
        description = {"train a run for every point of a grid (or N random points) of settings and pick the best", "",
                "Every setting flag of train takes a list of values: comma-separated (--lr 0.001,0.003,0.01), or for"
                        + " --layers separated by spaces (--layers 128 256,128 is [128] and [256,128]); with --random N a"
                        + " range LOW..HIGH (--lr 0.0001..0.1: log-uniform for --lr, --weight-decay and --batch, uniform"
                        + " for --seed). Each point is an ordinary run of the workspace. The sweep is kept in"
                        + " sweeps/<id>/sweep.json; Ctrl+C or a killed program leaves it to --resume.", ""},
        footer = {"", "Limits: at most " + SweepSpec.DEFAULT_MAX_POINTS + " points unless --max-points raises it (at most "
                + "10,000); --parallel 1 to " + SweepSpec.MAX_PARALLEL + ".",
                "Exit codes: 0 every point done, 1 cancelled or no point trained, 2 bad options."})
final class SweepCommand extends Command {

    /** The options that may come with --resume (the others would change the sweep). */
    private static final Set<String> WITH_RESUME = Set.of("--resume", "--runs", "--json", "--csv", "--help");

    @Option(names = "--random", paramLabel = "N", description = "N random points instead of the grid")
    Integer random;
    @Option(names = "--sample-seed", paramLabel = "S", description = "the seed of the random points (default 1; the same seed, the same points)")
    Long sampleSeed;
    @Option(names = "--parallel", paramLabel = "K", description = "runs trained at once (default 1); each gets cores/K threads")
    Integer parallel;
    @Option(names = "--metric", paramLabel = "NAME", description = "what to optimise: validation_accuracy (default), validation_loss, test_accuracy")
    String metric;
    @Option(names = "--early-stop", description = "stop runs clearly behind at the rungs (ASHA: after epochs 1, 2, 4 ... keep the best half)")
    boolean earlyStop;
    @Option(names = "--first-rung", paramLabel = "E", description = "with --early-stop: the first rung's epoch (default 1)")
    Integer firstRung;
    @Option(names = "--reduction", paramLabel = "F", description = "with --early-stop: keep the best 1/F at each rung (default 2)")
    Integer reduction;
    @Option(names = "--max-points", paramLabel = "N", description = "the most points allowed (default " + SweepSpec.DEFAULT_MAX_POINTS + ")")
    Integer maxPoints;
    @Option(names = "--name", paramLabel = "TEXT", description = "a name for the sweep (its runs are named NAME #i)")
    String name;
    @Option(names = "--resume", paramLabel = "SWEEP", description = "continue a cancelled or interrupted sweep (its id)")
    String resume;
    @Option(names = "--list", description = "list the workspace's sweeps and exit")
    boolean list;
    @Option(names = "--runs", paramLabel = "DIR", description = "folder of the runs (default: the workspace's; the sweeps are kept beside it)")
    Path runs;
    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
    Path csv;
    @Option(names = "--json", description = "end with one JSON line: sweep, status, runs (settings and metrics of each), best, seconds")
    boolean json;

    /** Adds one option per training setting, in form order: lists for the sweepable ones, one value for the others. */
    @Override
    void addOptions(CommandSpec commandSpec) {
        for (TrainingSetting s : TrainingSetting.values()) {
            if (s == TrainingSetting.NAME) continue; // --name names the sweep
            boolean sweepable = SweepAxis.SWEEPABLE.contains(s);
            String label = s.label();
            String range = SweepAxis.RANGEABLE.contains(s) ? ", or LOW..HIGH with --random" : "";
            commandSpec.addOption(OptionSpec.builder(s.flag())
                    .arity(sweepable ? "1..*" : "1").type(sweepable ? List.class : String.class)
                    .auxiliaryTypes(String.class)
                    .paramLabel(sweepable ? (s == TrainingSetting.HIDDEN_LAYERS ? "W,W" : "V,V") : "V")
                    .description(label + (!sweepable ? " (one value, as for train)"
                            : s == TrainingSetting.HIDDEN_LAYERS ? ": one or more values, each a list of widths"
                            : s == TrainingSetting.AUGMENT ? ": on, off, or both (on,off)"
                            : ": one or more values" + range))
                    .build());
        }
    }

    @Override
    int run() throws UsageException, IOException {
        RunStore runStore = runs != null ? new RunStore(runs) : RunStore.workspace();
        SweepStore store = SweepStore.beside(runStore);
        if (list) {
            new SweepOutput(out).list(store.list());
            return Cli.OK;
        }
        if (csv != null && Files.isDirectory(csv)) throw new UsageException("--csv: " + csv + " is a folder; give a file name");
        String id;
        if (resume != null) {
            for (var option : spec.commandLine().getParseResult().matchedOptions()) {
                if (!WITH_RESUME.contains(option.longestName())) {
                    throw new UsageException(option.longestName() + " cannot be combined with --resume (the sweep keeps its settings)");
                }
            }
            SweepRecord r;
            try {
                r = store.open(resume);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--resume: " + e.getMessage());
            }
            if (!r.canResume()) {
                err.println("digitlab sweep: sweep '" + r.id() + "' is " + r.status().label() + " with nothing left to do");
                return Cli.FAILURE;
            }
            id = r.id();
            out.println("resuming sweep " + id + " (" + r.name() + "): " + r.summary());
        } else {
            SweepSpec sweep = spec();
            List<FieldProblem> problems = sweep.validate();
            if (!problems.isEmpty()) throw new UsageException(message(problems.get(0)));
            TrainingRequest base = sweep.base();
            try {
                Datasets.load(base.dataset(), base.validationImages()); // before any run is made
            } catch (IllegalArgumentException e) {
                throw new UsageException("--validation: " + e.getMessage());
            }
            SweepRecord r = store.create(sweep);
            id = r.id();
            out.println("sweep " + id + ": " + r.name() + ", " + r.points().size() + (sweep.isRandom() ? " random" : "")
                    + " points of " + sweep.epochs() + (sweep.epochs() == 1 ? " epoch" : " epochs") + ", " + sweep.parallel()
                    + " at a time" + (r.rule().isEmpty() ? "" : "; " + r.rule()));
        }
        return runSweep(store, id);
    }

    private int runSweep(SweepStore store, String id) throws IOException {
        SweepRunner runner = new SweepRunner(store);
        SweepOutput output = new SweepOutput(out);
        runner.addListener(output.progress());
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl+C: cancel the points (each stops after its batch with a checkpoint) and wait for the record.
            runner.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "digitlab sweep shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            SweepRecord r;
            try {
                r = runner.run(id, null);
            } catch (IllegalStateException e) {
                err.println("digitlab sweep: " + e.getMessage());
                return Cli.FAILURE;
            }
            output.table(r);
            if (csv != null) AtomicFiles.writeString(csv, r.toCsv());
            if (r.status() == SweepStatus.CANCELLED) {
                err.println("digitlab sweep: " + r.message() + " (digitlab sweep --resume " + r.id() + ")");
            }
            if (json) out.println(digitlab.train.internal.Json.write(SweepOutput.json(r)));
            boolean anyTrained = r.best().isPresent();
            return r.status() == SweepStatus.COMPLETED && anyTrained ? Cli.OK : Cli.FAILURE;
        } finally {
            // Only now may a Ctrl+C let the program end: the record, the table and the summary are out.
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs: it waits for us
            }
        }
    }

    /** The spec of the command line (not validated). */
    private SweepSpec spec() throws UsageException {
        Map<TrainingSetting, String> given = new java.util.EnumMap<>(TrainingSetting.class);
        for (TrainingSetting s : TrainingSetting.values()) {
            OptionSpec o = spec.findOption(s.flag());
            if (s == TrainingSetting.NAME || o == null || !spec.commandLine().getParseResult().hasMatchedOption(s.flag())) continue;
            Object v = o.getValue();
            given.put(s, v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
        }
        String preset = given.containsKey(TrainingSetting.PRESET) ? given.get(TrainingSetting.PRESET).split("[\\s,;]+")[0] : "mlp";
        TrainingRequest.Builder b;
        try {
            b = TrainingRequest.forPreset(preset).toBuilder();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--arch: " + e.getMessage());
        }
        if (given.containsKey(TrainingSetting.DATASET)) b.dataset(given.get(TrainingSetting.DATASET));
        if (given.containsKey(TrainingSetting.EPOCHS)) b.epochs(whole(TrainingSetting.EPOCHS, given));
        if (given.containsKey(TrainingSetting.THREADS)) b.threads(whole(TrainingSetting.THREADS, given));
        if (given.containsKey(TrainingSetting.VALIDATION_IMAGES)) b.validationImages(whole(TrainingSetting.VALIDATION_IMAGES, given));
        if (given.containsKey(TrainingSetting.TRAINING_LIMIT)) b.trainingLimit(whole(TrainingSetting.TRAINING_LIMIT, given));
        SweepSpec.Builder sb = SweepSpec.builder(b.build()).name(name);
        try {
            for (Map.Entry<TrainingSetting, String> e : given.entrySet()) {
                if (SweepAxis.SWEEPABLE.contains(e.getKey())) sb.axis(SweepAxis.parse(e.getKey(), e.getValue()));
            }
        } catch (InvalidRequestException e) {
            throw new UsageException(message(e.problems().get(0)));
        }
        if (firstRung != null || reduction != null) {
            if (!earlyStop) throw new UsageException((firstRung != null ? "--first-rung" : "--reduction") + " needs --early-stop");
        }
        if (earlyStop) {
            sb.earlyStopping(new EarlyStopping(firstRung != null ? firstRung : EarlyStopping.DEFAULT.firstRung(),
                    reduction != null ? reduction : EarlyStopping.DEFAULT.reduction()));
        }
        if (metric != null) {
            try {
                sb.metric(SweepMetric.of(metric));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--metric: " + e.getMessage());
            }
        }
        if (random != null) {
            if (random < 1) throw new UsageException("--random: " + random + " random points; give 1 or more");
            sb.random(random);
        }
        if (sampleSeed != null) sb.samplingSeed(sampleSeed);
        if (parallel != null) sb.parallel(parallel);
        if (maxPoints != null) sb.maxPoints(maxPoints);
        return sb.build();
    }

    private static int whole(TrainingSetting s, Map<TrainingSetting, String> given) throws UsageException {
        String v = given.get(s).strip();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(s.flag() + ": '" + v + "' is not a whole number");
        }
    }

    /** A problem as a command-line message that starts with the flag. */
    static String message(FieldProblem p) {
        TrainingSetting s = TrainingSetting.ofKey(p.field());
        String flag = s != null ? (s == TrainingSetting.NAME ? "--name" : s.flag()) : switch (p.field()) {
            case SweepSpec.FIELD_PARALLEL -> "--parallel";
            case SweepSpec.FIELD_SAMPLES -> "--random";
            case SweepSpec.FIELD_SAMPLING_SEED -> "--sample-seed";
            case SweepSpec.FIELD_METRIC -> "--metric";
            case SweepSpec.FIELD_EARLY_STOPPING -> "--early-stop";
            case SweepSpec.FIELD_MAX_POINTS, SweepSpec.FIELD_POINTS -> "--max-points";
            case SweepSpec.FIELD_NAME -> "--name";
            case SweepSpec.FIELD_AXES -> "settings";
            default -> p.field();
        };
        if (p.field().equals(SweepSpec.FIELD_AXES)) return "no setting to vary: give at least one, e.g. --lr 0.001,0.01";
        return flag + ": " + p.message();
    }
}
