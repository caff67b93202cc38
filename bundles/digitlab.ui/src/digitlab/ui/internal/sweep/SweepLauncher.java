package digitlab.ui.internal.sweep;

import java.io.IOException;
import java.util.List;

import digitlab.train.TrainingRequest;
import digitlab.train.TrainingSetting;

/** TEMPORARY: the workbench's one contact with the sweep engine (digitlab.train), until its API lands. */
public final class SweepLauncher {

    /** A sweep of the workspace as the combo and the restart question name it. */
    public record Listed(String id, String label, String progress) {
    }

    private SweepLauncher() {
    }

    static List<TrainingSetting> variableSettings() {
        return List.of(TrainingSetting.LEARNING_RATE, TrainingSetting.BATCH_SIZE, TrainingSetting.HIDDEN_LAYERS,
                TrainingSetting.ACTIVATION, TrainingSetting.OPTIMIZER, TrainingSetting.SCHEDULE, TrainingSetting.WEIGHT_DECAY,
                TrainingSetting.AUGMENT, TrainingSetting.SEED, TrainingSetting.PRESET);
    }

    static List<String> metrics() {
        return List.of("validation accuracy", "validation loss", "training loss");
    }

    static String start(TrainingRequest base, SweepDraft draft, String metric, boolean early) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static List<Listed> list() throws IOException {
        throw new UnsupportedOperationException();
    }

    public static SweepData read(String id) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static void cancel(String id) {
        throw new UnsupportedOperationException();
    }

    public static List<Listed> interrupted() throws IOException {
        throw new UnsupportedOperationException();
    }

    public static void resume(String id) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static void discard(String id) throws IOException {
        throw new UnsupportedOperationException();
    }

    public static void addListener(Runnable r) {
    }

    public static void removeListener(Runnable r) {
    }
}
