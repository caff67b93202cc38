package digitlab.ui.internal.projector;

import digitlab.data.preprocess.PreprocessedDigit;
import org.eclipse.core.runtime.IAdaptable;

/**
 * A test image picked in the Projector, as the selection service carries it: which image, its label and the
 * network's guess, and (as an adapter) the image as a {@link PreprocessedDigit}, so views that follow the
 * canvas's digit (the Saliency view) follow a picked image too.
 *
 * @param index   the image's number in the test set
 * @param label   its class name
 * @param guess   the class name the network chose
 * @param pixels  its ink in [0, 1], {@code width * height} values
 * @param width   image width
 * @param height  image height
 */
public record ProjectedImage(int index, String label, String guess, float[] pixels, int width, int height)
        implements IAdaptable {

    /** True when the network got it wrong. */
    public boolean misclassified() {
        return !label.equals(guess);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == PreprocessedDigit.class && width == PreprocessedDigit.SIZE && height == PreprocessedDigit.SIZE) {
            return adapter.cast(PreprocessedDigit.ofImage(pixels.clone()));
        }
        return null;
    }

    @Override
    public String toString() {
        return "test image #" + index + " (label " + label + ", guess " + guess + ")";
    }
}
