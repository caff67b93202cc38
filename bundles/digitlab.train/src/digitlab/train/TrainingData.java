package digitlab.train;

import digitlab.data.Dataset;
import digitlab.data.ImageSet;
import digitlab.data.Split;
import java.io.IOException;

/**
 * The parts of a dataset a training session uses: the training images (cut to the request's limit), the
 * validation and the test images.
 */
record TrainingData(Dataset dataset, ImageSet train, ImageSet validation, ImageSet test) {

    /**
     * Loads the request's dataset.
     *
     * @throws IOException              when the dataset cannot be read
     * @throws IllegalArgumentException when it has no training images
     */
    static TrainingData load(TrainingRequest request) throws IOException {
        Dataset d = Datasets.load(request.dataset(), request.validationImages());
        ImageSet train = d.part(Split.TRAIN);
        if (request.trainingLimit() > 0 && request.trainingLimit() < train.size()) train = train.range(0, request.trainingLimit());
        if (train.isEmpty()) throw new IllegalArgumentException("dataset " + d.id() + " has no training images");
        return new TrainingData(d, train, d.part(Split.VALIDATION), d.part(Split.TEST));
    }

    /** The training images as the trainer reads them: augmented when the request asks for it. */
    ImageSetSource trainingSource(TrainingRequest request) {
        return request.augment() ? ImageSetSource.augmented(train, request.seed(), request.augmentation())
                : new ImageSetSource(train);
    }

    /** The validation images, or null when there are none. */
    ImageSetSource validationSource() {
        return validation.isEmpty() ? null : new ImageSetSource(validation);
    }
}
