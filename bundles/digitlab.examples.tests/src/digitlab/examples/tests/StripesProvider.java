package digitlab.examples.tests;

import digitlab.data.Dataset;
import digitlab.data.DatasetProvider;
import digitlab.data.ImageDataset;
import digitlab.data.ImageSet;
import digitlab.data.SplitPolicy;
import digitlab.nn.Rng;
import java.util.List;

/**
 * A contributed dataset: 8x8 images of horizontal (class 0) or vertical (class 1) stripes on noise,
 * generated from a fixed seed: 600 training images (100 of them validation) and 200 test images.
 */
public final class StripesProvider implements DatasetProvider {

    /** The dataset id. */
    public static final String ID = "stripes";
    static final int SIDE = 8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Stripes (test plugin)";
    }

    @Override
    public Dataset load() {
        return new ImageDataset(ID, displayName(), List.of("horizontal", "vertical"), images(600, 1), images(200, 2),
                SplitPolicy.lastImages(100));
    }

    static ImageSet images(int count, long seed) {
        Rng rng = new Rng(seed);
        byte[] pixels = new byte[count * SIDE * SIDE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = rng.nextInt(2);
            int line = rng.nextInt(SIDE);
            labels[i] = (byte) label;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean ink = label == 0 ? y == line : x == line;
                    int v = (ink ? 200 : 0) + rng.nextInt(56);
                    pixels[i * SIDE * SIDE + y * SIDE + x] = (byte) v;
                }
            }
        }
        return ImageSet.of(SIDE, SIDE, 2, pixels, labels);
    }
}
