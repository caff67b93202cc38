package digitlab.nn.conv;

import digitlab.nn.Shape;

/**
 * Where a {@code kernel x kernel} window visits an input plane of {@code height x width} with the given
 * stride and padding, and the output plane that results.
 *
 * <p>Padding, as in TensorFlow/Keras:
 * <ul>
 * <li>{@code valid}: no padding; {@code out = floor((in - kernel) / stride) + 1}, the input must be at
 * least as large as the kernel.</li>
 * <li>{@code same}: {@code out = ceil(in / stride)}; the zeros needed,
 * {@code max((out - 1) * stride + kernel - in, 0)}, are split with the smaller half before
 * (top/left) and the larger half after (bottom/right).</li>
 * </ul>
 *
 * @param height    input rows
 * @param width     input columns
 * @param kernel    window side
 * @param stride    step between windows
 * @param padTop    zero rows above the input
 * @param padLeft   zero columns left of the input
 * @param outHeight output rows
 * @param outWidth  output columns
 */
public record ConvGeometry(int height, int width, int kernel, int stride, int padTop, int padLeft,
                           int outHeight, int outWidth) {

    /** Upper limit on the kernel side and the stride (a 28x28 digit never needs more). */
    public static final int MAX_KERNEL = 64;

    /**
     * The geometry of a window over the planes of {@code input}.
     *
     * @param layer   the layer type, for messages (e.g. {@code "conv2d"})
     * @param padding {@code "valid"} or {@code "same"}
     * @throws IllegalArgumentException naming the parameter when the kernel, stride or padding is bad
     *                                  or the window does not fit
     */
    public static ConvGeometry of(String layer, Shape input, int kernel, int stride, String padding) {
        if (kernel < 1 || kernel > MAX_KERNEL) {
            throw new IllegalArgumentException(layer + ": kernel = " + kernel + " must be between 1 and " + MAX_KERNEL);
        }
        if (stride < 1 || stride > MAX_KERNEL) {
            throw new IllegalArgumentException(layer + ": stride = " + stride + " must be between 1 and " + MAX_KERNEL);
        }
        int h = input.height();
        int w = input.width();
        return switch (padding) {
            case "valid" -> {
                if (h < kernel || w < kernel) {
                    throw new IllegalArgumentException(layer + ": kernel " + kernel + "x" + kernel
                            + " is larger than the " + h + "x" + w + " input (use padding=same or a smaller kernel)");
                }
                yield new ConvGeometry(h, w, kernel, stride, 0, 0, (h - kernel) / stride + 1, (w - kernel) / stride + 1);
            }
            case "same" -> {
                int oh = (h + stride - 1) / stride;
                int ow = (w + stride - 1) / stride;
                int padH = Math.max((oh - 1) * stride + kernel - h, 0);
                int padW = Math.max((ow - 1) * stride + kernel - w, 0);
                yield new ConvGeometry(h, w, kernel, stride, padH / 2, padW / 2, oh, ow);
            }
            default -> throw new IllegalArgumentException(layer + ": padding = '" + padding
                    + "' is not 'valid' or 'same'");
        };
    }

    /** Output positions per plane: {@code outHeight * outWidth}. */
    public int outPlane() {
        return outHeight * outWidth;
    }

    /** Input values per plane: {@code height * width}. */
    public int inPlane() {
        return height * width;
    }
}
