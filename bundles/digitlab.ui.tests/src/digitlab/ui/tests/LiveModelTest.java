package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.SplitPolicy;
import digitlab.train.Datasets;
import digitlab.train.RunStore;
import digitlab.train.TrainingJob;
import digitlab.train.TrainingRequest;
import digitlab.ui.internal.model.ModelAccess;
import digitlab.ui.internal.model.PredictionModel;

/** The model the views follow while a run trains carries that run's dataset and class labels. */
class LiveModelTest {

    static final List<String> FASHION_LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's images under Fashion-MNIST's class names: what a Fashion-MNIST run looks like to the views. */
    record FashionLike(String id, Dataset images) implements Dataset, DatasetProvider {
        @Override public List<String> classNames() { return FASHION_LABELS; }
        @Override public String displayName() { return "Fashion-like " + images.displayName(); }
        @Override public int imageWidth() { return images.imageWidth(); }
        @Override public int imageHeight() { return images.imageHeight(); }
        @Override public ImageSet part(Split split) { return images.part(split); }
        @Override public SplitPolicy splitPolicy() { return images.splitPolicy(); }
        @Override public Dataset withSplitPolicy(SplitPolicy p) { return new FashionLike(id, images.withSplitPolicy(p)); }
        @Override public Dataset load() { return this; }
    }

    @TempDir
    Path dir;

    @Test
    void aFashionRunFollowedLiveIsLabelledWithItsClasses() throws Exception {
        FashionLike fashion = new FashionLike("fashion-live-test", Datasets.load("mnist", -1));
        Datasets.registry().register(fashion);
        ModelAccess access = Ui.models();
        List<PredictionModel> followed = new CopyOnWriteArrayList<>();
        Consumer<PredictionModel> listener = current -> {
            PredictionModel live = access.live();
            if (live != null && live.name().contains("(training)")) followed.add(live);
        };
        access.start();
        access.addListener(listener);
        try {
            TrainingRequest r = TrainingRequest.defaults().toBuilder().dataset(fashion.id()).hiddenLayers(List.of(32))
                    .trainingLimit(400).epochs(1).batchSize(20).validationImages(200).threads(1).seed(5).build();
            TrainingJob job = TrainingJob.start(new RunStore(dir), r);
            job.schedule();
            job.join();
            Ui.waitUntil("the live models of the run", 10_000, () -> !followed.isEmpty());
        } finally {
            access.removeListener(listener);
            Datasets.registry().unregister(fashion.id());
        }
        assertFalse(followed.isEmpty());
        for (PredictionModel m : followed) {
            assertEquals(FASHION_LABELS, m.labels(), m.name());
            assertEquals("fashion-live-test", m.datasetId(), m.name());
            assertTrue(m.live(), m.name());
        }
    }
}
