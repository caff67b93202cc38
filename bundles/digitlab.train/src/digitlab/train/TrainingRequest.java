package digitlab.train;

import digitlab.data.DatasetRegistry;
import digitlab.data.UnknownDatasetException;
import digitlab.nn.Activations;
import digitlab.nn.Architecture;
import digitlab.nn.LayerSpec;
import digitlab.nn.LearningRateSchedule;
import digitlab.nn.Losses;
import digitlab.nn.OptimizerRegistry;
import digitlab.nn.Preset;
import digitlab.nn.Presets;
import digitlab.nn.Shape;
import digitlab.nn.TrainingConfig;
import digitlab.train.internal.Contributions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a user chooses for one training run: what the training form shows and what
 * {@code digitlab train} flags set. Immutable; start from {@link #forPreset(String)} (which fills every
 * field with the preset's recommended values) and change fields with a {@link Builder}.
 *
 * <p>Architecture: the {@link Presets preset} gives the network. For a multilayer-perceptron preset
 * ({@code original}, {@code mlp}) {@code hiddenLayers} and {@code activation} replace its hidden layers;
 * an empty list or blank activation keeps the preset's. Presets with other layers (e.g. {@code lenet}
 * from a plugin) accept no hidden-layer list. The input shape and the number of classes always come from
 * the dataset.
 *
 * @param name             a name for the run, shown in the runs view; blank for a generated one
 * @param dataset          dataset id: {@code mnist}, {@code fashion}, {@code idx:/folder}, or a plugin's id
 * @param preset           architecture preset: {@code original}, {@code mlp}, or a plugin's (e.g. {@code lenet})
 * @param hiddenLayers     widths of the hidden dense layers, e.g. [256, 128]; empty = the preset's
 * @param activation       hidden activation (sigmoid, tanh, relu, leakyrelu); blank = the preset's
 * @param loss             {@code quadratic} (alias mse) or {@code xent} (softmax cross-entropy)
 * @param optimizer        {@code sgd}, {@code momentum}, {@code adam}, {@code adamw} (or a plugin's)
 * @param learningRate     base learning rate, above 0 and at most 1000
 * @param batchSize        samples per mini-batch, 1..65536
 * @param epochs           passes over the training set, 1..100000
 * @param seed             seed for initialisation, shuffling, dropout and augmentation
 * @param threads          kernel threads wanted, 1..1024 (a run gets fewer while other runs hold cores;
 *                         results do not depend on it)
 * @param augment          seeded distortions of the training images: the preset's recipe ({@link #augmentation()})
 * @param validationImages images held out from the end of the training file for validation:
 *                         -1 = the dataset's default (5,000 for MNIST), 0 = none
 * @param trainingLimit    use only the first this-many training images (0 = all), for quick trials
 * @param schedule         learning-rate schedule: {@code constant}, {@code step:EVERY:GAMMA}, {@code cosine}
 * @param weightDecay      L2 weight decay on the weights, at least 0
 */
public record TrainingRequest(String name, String dataset, String preset, List<Integer> hiddenLayers,
                              String activation, String loss, String optimizer, double learningRate,
                              int batchSize, int epochs, long seed, int threads, boolean augment,
                              int validationImages, int trainingLimit, String schedule, double weightDecay) {

    /** Field names, in form order (the {@link FieldProblem#field()} values): {@link TrainingSetting#keys()}. */
    public static final List<String> FIELDS = TrainingSetting.keys();

    /** Upper limit on the number of hidden layers of an MLP. */
    public static final int MAX_HIDDEN_LAYERS = 100;

    private static final Set<String> MLP_LAYERS = Set.of("dense", "dropout", "softmax");

    /** Freezes the layer list and replaces nulls by empty text. */
    public TrainingRequest {
        name = name == null ? "" : name.strip();
        dataset = dataset == null ? "" : dataset.strip();
        preset = preset == null ? "" : preset.strip().toLowerCase(Locale.ROOT);
        hiddenLayers = hiddenLayers == null ? List.of() : List.copyOf(hiddenLayers);
        activation = activation == null ? "" : activation.strip().toLowerCase(Locale.ROOT);
        loss = loss == null ? "" : loss.strip().toLowerCase(Locale.ROOT);
        optimizer = optimizer == null ? "" : optimizer.strip().toLowerCase(Locale.ROOT);
        schedule = schedule == null ? "" : schedule.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The request a user starts from for {@code preset}: its layers, activation and training
     * configuration, on MNIST, seed 1, all available cores, default validation split.
     *
     * @throws IllegalArgumentException for an unknown preset (listing the known ones)
     */
    public static TrainingRequest forPreset(String preset) {
        Contributions.ensureLoaded();
        Preset p = Presets.get(preset);
        TrainingConfig c = p.config();
        MlpShape mlp = MlpShape.of(p.architecture());
        List<Integer> hidden = new ArrayList<>();
        if (mlp != null) for (int w : mlp.hidden) hidden.add(w);
        return new TrainingRequest("", "mnist", p.name(), hidden, mlp == null ? "" : mlp.activation, c.loss(),
                c.optimizer(), c.learningRate(), c.batchSize(), c.epochs(), c.seed(),
                Math.max(1, Runtime.getRuntime().availableProcessors()), !p.augmentation().equals("none"), -1, 0,
                c.schedule(), c.weightDecay());
    }

    /**
     * The distortions the run trains with: {@code none} when {@link #augment} is off, otherwise the preset's
     * recipe ({@code drawn} for {@code handwriting}), or {@code standard} for a preset without one.
     */
    public String augmentation() {
        if (!augment) return "none";
        Contributions.ensureLoaded();
        String recipe = Presets.names().contains(preset) ? Presets.get(preset).augmentation() : "none";
        return recipe.equals("none") ? "standard" : recipe;
    }

    /** {@link #forPreset(String) forPreset("mlp")}. */
    public static TrainingRequest defaults() {
        return forPreset("mlp");
    }

    /**
     * This request as the {@code "request"} object of a run's run.json (keys: {@link TrainingSetting#key()}; the seed
     * as text), e.g. for a sweep's record or a request shipped to another machine.
     */
    public java.util.Map<String, Object> toJsonMap() {
        return Run.RequestJson.toMap(this);
    }

    /**
     * The request of a run.json {@code "request"} object ({@link #toJsonMap()}); missing settings read as their
     * {@link TrainingSetting#fileDefault()}. Not validated.
     *
     * @throws RuntimeException (ClassCastException, NumberFormatException ...) for a value of the wrong kind
     */
    public static TrainingRequest fromJsonMap(java.util.Map<String, Object> map) {
        return Run.RequestJson.fromMap(map);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Checks every field without loading data or allocating the network, with the shared
     * {@linkplain Datasets#registry() dataset registry}.
     *
     * @return the problems in field order; empty when the request is good
     */
    public List<FieldProblem> validate() {
        return validate(Datasets.registry());
    }

    /** Like {@link #validate()} with the dataset ids of {@code registry}. */
    public List<FieldProblem> validate(DatasetRegistry registry) {
        Contributions.ensureLoaded();
        List<FieldProblem> problems = new ArrayList<>();
        if (name.length() > 200) problems.add(new FieldProblem(TrainingSetting.NAME.key(), "is longer than 200 characters"));
        if (dataset.isEmpty()) {
            problems.add(new FieldProblem(TrainingSetting.DATASET.key(), "is empty; known datasets: " + String.join(", ", registry.knownIds())));
        } else {
            try {
                registry.resolve(dataset);
            } catch (UnknownDatasetException e) {
                problems.add(new FieldProblem(TrainingSetting.DATASET.key(), e.getMessage()));
            }
        }
        Preset p = null;
        try {
            p = Presets.get(preset);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(TrainingSetting.PRESET.key(), "unknown preset '" + preset + "'; known: " + String.join(", ", Presets.names())));
        }
        MlpShape mlp = p == null ? null : MlpShape.of(p.architecture());
        boolean layersOk = true;
        if (hiddenLayers.size() > MAX_HIDDEN_LAYERS) {
            problems.add(new FieldProblem(TrainingSetting.HIDDEN_LAYERS.key(), hiddenLayers.size() + " layers; at most " + MAX_HIDDEN_LAYERS));
            layersOk = false;
        } else {
            for (int i = 0; i < hiddenLayers.size(); i++) {
                Integer w = hiddenLayers.get(i);
                if (w == null || w < 1 || w > Architecture.MAX_LAYER_WIDTH) {
                    problems.add(new FieldProblem(TrainingSetting.HIDDEN_LAYERS.key(), "layer " + (i + 1) + " has " + w
                            + " neurons; each layer needs 1 to " + Architecture.MAX_LAYER_WIDTH));
                    layersOk = false;
                    break;
                }
            }
        }
        if (p != null && mlp == null && !hiddenLayers.isEmpty()) {
            problems.add(new FieldProblem(TrainingSetting.HIDDEN_LAYERS.key(), "the '" + p.name()
                    + "' preset has a fixed architecture; leave the hidden layers empty"));
            layersOk = false;
        }
        if (!activation.isEmpty() && Activations.find(activation) == null) {
            problems.add(new FieldProblem(TrainingSetting.ACTIVATION.key(), "unknown activation '" + activation + "'; known: "
                    + String.join(", ", Activations.ids())));
            layersOk = false;
        } else if (!activation.isEmpty() && p != null && mlp == null) {
            problems.add(new FieldProblem(TrainingSetting.ACTIVATION.key(), "the '" + p.name() + "' preset has a fixed architecture; leave it blank"));
            layersOk = false;
        }
        try {
            Losses.get(loss);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(TrainingSetting.LOSS.key(), "unknown loss '" + loss + "'; known: quadratic (mse), xent"));
        }
        if (!OptimizerRegistry.standard().contains(optimizer)) {
            problems.add(new FieldProblem(TrainingSetting.OPTIMIZER.key(), "unknown optimizer '" + optimizer + "'; known: "
                    + String.join(", ", OptimizerRegistry.standard().names())));
        }
        TrainingSetting lr = TrainingSetting.LEARNING_RATE;
        if (!(learningRate > lr.min() && learningRate <= lr.max())) {
            problems.add(new FieldProblem(lr.key(), number(learningRate) + " must be above " + number(lr.min())
                    + " and at most " + number(lr.max())));
        }
        range(problems, TrainingSetting.BATCH_SIZE, batchSize);
        range(problems, TrainingSetting.EPOCHS, epochs);
        range(problems, TrainingSetting.THREADS, threads);
        if (validationImages < -1) {
            problems.add(new FieldProblem(TrainingSetting.VALIDATION_IMAGES.key(), validationImages
                    + " must be -1 (the dataset's default), 0 (none) or a number of images"));
        }
        if (trainingLimit < 0) problems.add(new FieldProblem(TrainingSetting.TRAINING_LIMIT.key(), number(trainingLimit) + " must be 0 (all) or more"));
        try {
            LearningRateSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(TrainingSetting.SCHEDULE.key(), e.getMessage()));
        }
        TrainingSetting wd = TrainingSetting.WEIGHT_DECAY;
        if (!(weightDecay >= wd.min() && weightDecay < wd.max())) {
            problems.add(new FieldProblem(wd.key(), number(weightDecay) + " must be at least " + number(wd.min())
                    + " (and below " + number(wd.max()) + ")"));
        }
        // The whole network against the core's limits (parameter count, widths), before anything is allocated.
        if (p != null && layersOk) {
            try {
                architecture(p.architecture().input(), classesOf(p.architecture())).validate();
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem((mlp != null ? TrainingSetting.HIDDEN_LAYERS : TrainingSetting.PRESET).key(), e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * This request if it is valid.
     *
     * @throws InvalidRequestException naming the first bad field
     */
    public TrainingRequest requireValid() {
        List<FieldProblem> problems = validate();
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return this;
    }

    /**
     * The network for images of {@code input} shape and {@code classes} classes (see the class comment).
     *
     * @throws IllegalArgumentException when the preset cannot take that shape, naming the field
     */
    public Architecture architecture(Shape input, int classes) {
        Preset p = Presets.get(preset);
        Architecture a = p.architecture();
        MlpShape mlp = MlpShape.of(a);
        if (mlp == null) {
            if (!hiddenLayers.isEmpty()) {
                throw new IllegalArgumentException("hiddenLayers: the '" + p.name() + "' preset has a fixed architecture");
            }
            if (!a.input().equals(input) || classesOf(a) != classes) {
                throw new IllegalArgumentException("dataset: the '" + p.name() + "' preset takes " + a.input()
                        + " images and " + classesOf(a) + " classes, the dataset has " + input + " and " + classes);
            }
            return a;
        }
        int[] hidden = hiddenLayers.isEmpty() ? mlp.hidden : hiddenLayers.stream().mapToInt(Integer::intValue).toArray();
        String act = activation.isEmpty() ? mlp.activation : activation;
        return Architecture.mlp(input, hidden, act, mlp.dropout, classes, mlp.output);
    }

    /** The core's training configuration for this request (snapshot interval {@code snapshotInterval}). */
    public TrainingConfig trainingConfig(int snapshotInterval) {
        Preset p = Presets.get(preset);
        return p.config().toBuilder().loss(loss).optimizer(optimizer).learningRate(learningRate).batchSize(batchSize)
                .epochs(epochs).seed(seed).threads(threads).schedule(schedule).weightDecay(weightDecay)
                .snapshotInterval(snapshotInterval).build();
    }

    /** The run name to show: {@link #name()}, or e.g. "mlp 256-128 relu on mnist". */
    public String displayName() {
        if (!name.isEmpty()) return name;
        StringBuilder sb = new StringBuilder(preset);
        if (!hiddenLayers.isEmpty()) {
            sb.append(' ');
            for (int i = 0; i < hiddenLayers.size(); i++) sb.append(i > 0 ? "-" : "").append(hiddenLayers.get(i));
        }
        if (!activation.isEmpty()) sb.append(' ').append(activation);
        return sb.append(" on ").append(dataset).toString();
    }

    /**
     * A number as people write it in messages: 1,000,000,000 and -1 and 0.0005, never 1.0E9, -1.0 or 5.0E-4
     * (the form echoes what was typed in this form).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void range(List<FieldProblem> problems, TrainingSetting setting, long value) {
        String problem = setting.rangeProblem(value);
        if (problem != null) problems.add(new FieldProblem(setting.key(), problem));
    }

    private static int classesOf(Architecture a) {
        // The last dense layer's units (every preset ends with dense -> output activation).
        for (int i = a.layers().size() - 1; i >= 0; i--) {
            LayerSpec s = a.layers().get(i);
            if (s.type().equals("dense")) return s.intParam("units", 10);
        }
        return 10;
    }

    /** The hidden widths, activation, dropout and output of an MLP-shaped architecture. */
    private record MlpShape(int[] hidden, String activation, double dropout, String output) {

        /** The shape of {@code a}, or null when it has layers other than dense, activations, dropout and softmax. */
        static MlpShape of(Architecture a) {
            List<Integer> widths = new ArrayList<>();
            String act = null;
            double dropout = 0;
            List<LayerSpec> layers = a.layers();
            if (layers.size() < 2 || !layers.get(layers.size() - 2).type().equals("dense")) return null;
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec s = layers.get(i);
                if (!MLP_LAYERS.contains(s.type()) && Activations.find(s.type()) == null) return null;
                if (i >= layers.size() - 2) continue; // the output dense layer and the output activation
                if (s.type().equals("dense")) widths.add(s.intParam("units", 0));
                else if (s.type().equals("dropout")) dropout = s.doubleParam("rate", 0);
                else if (!s.type().equals("softmax") && act == null) act = s.type();
            }
            int[] hidden = widths.stream().mapToInt(Integer::intValue).toArray();
            return new MlpShape(hidden, act == null ? "relu" : act, dropout, layers.get(layers.size() - 1).type());
        }
    }

    /** Sets fields one by one, e.g. from a form or command-line flags. */
    public static final class Builder {
        private String name, dataset, preset, activation, loss, optimizer, schedule;
        private List<Integer> hiddenLayers;
        private double learningRate, weightDecay;
        private int batchSize, epochs, threads, validationImages, trainingLimit;
        private long seed;
        private boolean augment;

        private Builder(TrainingRequest r) {
            name = r.name; dataset = r.dataset; preset = r.preset; hiddenLayers = r.hiddenLayers;
            activation = r.activation; loss = r.loss; optimizer = r.optimizer; learningRate = r.learningRate;
            batchSize = r.batchSize; epochs = r.epochs; seed = r.seed; threads = r.threads; augment = r.augment;
            validationImages = r.validationImages; trainingLimit = r.trainingLimit; schedule = r.schedule;
            weightDecay = r.weightDecay;
        }

        /**
         * Switches to another preset and takes over its layers and training defaults, keeping the
         * dataset, name, seed, threads, augmentation and data limits.
         */
        public Builder preset(String v) {
            TrainingRequest d = forPreset(v);
            preset = d.preset; hiddenLayers = d.hiddenLayers; activation = d.activation; loss = d.loss;
            optimizer = d.optimizer; learningRate = d.learningRate; batchSize = d.batchSize; epochs = d.epochs;
            schedule = d.schedule; weightDecay = d.weightDecay;
            return this;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder dataset(String v) { dataset = v; return this; }
        public Builder hiddenLayers(List<Integer> v) { hiddenLayers = v; return this; }
        public Builder activation(String v) { activation = v; return this; }
        public Builder loss(String v) { loss = v; return this; }
        public Builder optimizer(String v) { optimizer = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder augment(boolean v) { augment = v; return this; }
        public Builder validationImages(int v) { validationImages = v; return this; }
        public Builder trainingLimit(int v) { trainingLimit = v; return this; }
        public Builder schedule(String v) { schedule = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }

        /** The request (not validated: call {@link TrainingRequest#validate()}). */
        public TrainingRequest build() {
            return new TrainingRequest(name, dataset, preset, hiddenLayers, activation, loss, optimizer, learningRate,
                    batchSize, epochs, seed, threads, augment, validationImages, trainingLimit, schedule, weightDecay);
        }
    }
}
