import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The DJL column of bench/compare-pytorch.sh --djl: trains the benchmark's networks with DJL (Deep Java Library) on
 * its PyTorch engine, the way a Java developer would without Digit Lab, and measures them the way
 * bench/pytorch_bench.py does: training samples per second (forward, loss, backward, optimizer step on synthetic
 * random inputs in [0, 1) and random labels; median of 7 timed repetitions of about 0.2 s after a warm-up).
 * Not part of the product: compiled and run by the script against the DJL jars it fetched from Maven Central.
 *
 * <pre>
 *   java -Dai.djl.offline=true -cp DJL_JARS:GSON_JAR:. DjlBench --threads 1 --batches 32,64 --configs JSON
 * </pre>
 * One thread count per process (the PyTorch engine's intra-op threads are set once, before it starts, with
 * {@code ai.djl.pytorch.num_threads} and OMP_NUM_THREADS); prints one line per figure and, last, one JSON line in
 * pytorch_bench.py's shape.
 */
public final class DjlBench {

    private static final int POOL = 4096;
    private static final double WARMUP_SECONDS = 0.3;
    private static final int REPETITIONS = 7;
    private static final double REPETITION_SECONDS = 0.2;

    private DjlBench() {
    }

    /** The benchmark's networks as DJL blocks (784 flat inputs, 10 logits; softmax is in the loss). */
    static SequentialBlock build(String name) {
        SequentialBlock b = new SequentialBlock();
        switch (name) {
            case "original" -> b.add(Linear.builder().setUnits(28).build()).add(Activation::sigmoid)
                    .add(Linear.builder().setUnits(28).build()).add(Activation::sigmoid)
                    .add(Linear.builder().setUnits(10).build());
            case "mlp" -> b.add(Linear.builder().setUnits(256).build()).add(Activation::relu)
                    .add(Dropout.builder().optRate(0.2f).build())
                    .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
                    .add(Dropout.builder().optRate(0.2f).build())
                    .add(Linear.builder().setUnits(10).build());
            case "lenet" -> b.add(a -> new NDList(a.singletonOrThrow().reshape(-1, 1, 28, 28)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(16).build())
                    .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(32).build())
                    .add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(10).build());
            default -> throw new IllegalArgumentException("unknown network '" + name + "' (known: original, mlp, lenet)");
        }
        return b;
    }

    /**
     * The optimizer of the lab's preset (its config from the benchmark's JSON), at a constant rate. DJL's PyTorch
     * engine has no Nesterov update (its {@code nag} throws "Not implemented"): momentum runs as SGD with momentum,
     * the same work per step.
     */
    static Optimizer optimizer(Map<String, Object> config) {
        String kind = String.valueOf(config.getOrDefault("optimizer", "adam"));
        float lr = ((Number) config.getOrDefault("learning_rate", 0.001)).floatValue();
        float decay = ((Number) config.getOrDefault("weight_decay", 0.0)).floatValue();
        Tracker rate = Tracker.fixed(lr);
        return switch (kind) {
            case "sgd" -> Optimizer.sgd().setLearningRateTracker(rate).optWeightDecays(decay).build();
            case "momentum" -> Optimizer.sgd().setLearningRateTracker(rate)
                    .optMomentum(((Number) config.getOrDefault("momentum", 0.9)).floatValue()).optWeightDecays(decay).build();
            default -> Optimizer.adam().optLearningRateTracker(rate).optWeightDecays(decay).build();
        };
    }

    /** Median seconds per step after the warm-up. */
    static double timed(Runnable step) {
        long start = System.nanoTime();
        int calls = 0;
        while ((System.nanoTime() - start) / 1e9 < WARMUP_SECONDS || calls < 3) {
            step.run();
            calls++;
        }
        double perCall = (System.nanoTime() - start) / 1e9 / calls;
        int n = Math.max(1, (int) (REPETITION_SECONDS / perCall));
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < REPETITIONS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) step.run();
            times.add((System.nanoTime() - t0) / 1e9 / n);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** Training samples per second of {@code name} at {@code batch}. */
    static double trainRate(String name, int batch, Map<String, Object> config) {
        try (Model model = Model.newInstance(name, "PyTorch")) {
            model.setBlock(build(name));
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer(config));
            try (Trainer trainer = model.newTrainer(tc)) {
                trainer.initialize(new Shape(batch, 784));
                NDManager data = trainer.getManager().newSubManager();
                Random random = new Random(1);
                float[] x = new float[POOL * 784];
                for (int i = 0; i < x.length; i++) x[i] = random.nextFloat();
                float[] y = new float[POOL];
                for (int i = 0; i < POOL; i++) y[i] = random.nextInt(10);
                NDArray inputs = data.create(x, new Shape(POOL, 784));
                NDArray labels = data.create(y, new Shape(POOL));
                int[] position = {0};
                Runnable step = () -> {
                    int i = position[0] + batch > POOL ? 0 : position[0];
                    position[0] = i + batch;
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray bx = inputs.get(i + ":" + (i + batch));
                        NDArray by = labels.get(i + ":" + (i + batch));
                        bx.attach(scope);
                        by.attach(scope);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList out = trainer.forward(new NDList(bx));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(by), out);
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                };
                double seconds = timed(step);
                data.close();
                return batch / seconds;
            }
        }
    }

    /** {"mlp": {"optimizer": "adam", ...}, ...} (the lab's preset configs, from its benchmark's JSON). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> configs(String json) {
        return new com.google.gson.Gson().fromJson(json, Map.class);
    }

    public static void main(String[] args) {
        int threads = 1;
        List<Integer> batches = List.of(32, 64);
        List<String> networks = List.of("original", "mlp", "lenet");
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--batches" -> batches = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--networks" -> networks = List.of(args[++i].split(","));
                case "--configs" -> configs = configs(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder json = new StringBuilder("{\"framework\": \"djl\", \"threads\": " + threads + ", \"networks\": {");
        String sep = "";
        for (String name : networks) {
            Map<String, Object> config = configs.getOrDefault(name, Map.of());
            json.append(sep).append('"').append(name).append("\": {\"training\": [");
            String s2 = "";
            for (int b : batches) {
                double rate = trainRate(name, b, config);
                System.out.printf(Locale.ROOT, "%-10s %7d %6d %12.0f%n", name, threads, b, rate);
                json.append(s2).append(String.format(Locale.ROOT,
                        "{\"threads\": %d, \"batch\": %d, \"samples_per_second\": %.1f}", threads, b, rate));
                s2 = ", ";
            }
            json.append("]}");
            sep = ", ";
        }
        json.append("}, \"engine\": \"").append(ai.djl.engine.Engine.getEngine("PyTorch").getVersion()).append("\"}");
        System.out.println(json);
    }
}
