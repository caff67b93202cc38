package digitlab.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.data.augment.AugmentConfig;
import digitlab.data.augment.Augmenter;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** Augmentation on real digits: no ink is pushed off the frame, and the digit keeps most of its ink. */
class MnistAugmentationTest {

    @Test
    void realDigitsStayInsideTheFrame() throws IOException {
        ImageSet train = MnistDataset.load().part(Split.TRAIN);
        float[] src = new float[784];
        float[] out = new float[784];
        for (AugmentConfig config : new AugmentConfig[] {AugmentConfig.DEFAULT, AugmentConfig.SIMARD_ELASTIC}) {
            Augmenter augmenter = new Augmenter(config, 28, 28);
            for (int i = 0; i < 2000; i++) {
                train.copyNormalized(i, src, 0);
                augmenter.augment(train, i, out, 0, Augmenter.seedFor(7, 0, i));
                float ring = 0;
                for (int k = 0; k < 28; k++) {
                    ring += out[k] + out[27 * 28 + k] + out[k * 28] + out[k * 28 + 27];
                }
                assertEquals(0f, ring, "image " + i + ": ink on the outer ring");
                float in = 0;
                float kept = 0;
                for (int p = 0; p < 784; p++) {
                    in += src[p];
                    kept += out[p];
                }
                // elastic warps stretch or squeeze strokes locally, so the ink mass varies; none is lost off the frame
                assertTrue(kept / in > 0.4 && kept / in < 2.0, "image " + i + ": ink ratio " + kept / in);
            }
        }
    }
}
