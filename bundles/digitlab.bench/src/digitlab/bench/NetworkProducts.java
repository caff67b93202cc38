package digitlab.bench;

import java.util.ArrayList;
import java.util.List;

import digitlab.nn.Layer;
import digitlab.nn.Network;

/**
 * The matrix products one training step of a network makes, read from its layers, for networks
 * with convolutions as well as dense ones (without a compile-time dependency on the conv bundle):
 * <ul>
 * <li>{@code dense in -> out} at batch B: as in {@link GemmShapes#trainingStep};</li>
 * <li>{@code conv2d} with F filters over windows of C x K x K = CKK values at P output positions:
 *     the im2col form of {@code digitlab.nn.conv.Conv2d}, which cuts the batch into groups of n
 *     samples (n*P*CKK about 2^18 floats) and per group makes the forward product
 *     {@code NT (n*P) x F x CKK}, the input gradient {@code NN (n*P) x CKK x F} (not for the first
 *     layer) and the weight gradient {@code TN F x CKK x (n*P)}, accumulating.</li>
 * </ul>
 * Other layers (activations, pooling, flatten, dropout, softmax) make no matrix products. A product
 * repeated for each group appears in the list once per group (with the last, smaller, group
 * separately), so summing the list's flops gives the step's, and at batch 1 the flops per sample.
 */
final class NetworkProducts {

    /** {@code Conv2d.GROUP_FLOATS}: the floats of one group's windows. */
    private static final int CONV_GROUP_FLOATS = 1 << 18;

    private NetworkProducts() {
    }

    /** The products of one training step of {@code network} at {@code batch}, in layer order. */
    static List<GemmShapes.Shape> trainingStep(Network network, int batch) {
        List<GemmShapes.Shape> shapes = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            boolean first = l == 0;   // the network's first layer computes no input gradient
            String name = "L" + (l + 1) + " " + layer.type();
            switch (layer.type()) {
                case "dense" -> {
                    int in = layer.inputShape().size();
                    int out = layer.outputShape().size();
                    shapes.add(new GemmShapes.Shape(name + " fwd", false, true, batch, out, in, false));
                    if (!first) shapes.add(new GemmShapes.Shape(name + " dX", false, false, batch, in, out, false));
                    shapes.add(new GemmShapes.Shape(name + " dW", true, false, out, in, batch, true));
                }
                case "conv2d" -> {
                    int filters = layer.outputShape().channels();
                    int plane = layer.outputShape().height() * layer.outputShape().width();
                    int ckk = layer.parameterCount() / filters - 1;   // F*CKK weights + F biases
                    int n = (int) Math.max(1, Math.min(batch, CONV_GROUP_FLOATS / ((long) plane * ckk)));
                    for (int done = 0; done < batch; done += n) {
                        int rows = Math.min(n, batch - done) * plane;
                        shapes.add(new GemmShapes.Shape(name + " fwd", false, true, rows, filters, ckk, false));
                        if (!first) shapes.add(new GemmShapes.Shape(name + " dX", false, false, rows, ckk, filters, false));
                        shapes.add(new GemmShapes.Shape(name + " dW", true, false, filters, ckk, rows, true));
                    }
                }
                default -> {
                    if (layer.parameterCount() > 0) {
                        throw new IllegalArgumentException("bench: cannot count the products of layer " + name
                                + " (a " + layer.type() + " with parameters); only dense and conv2d are known");
                    }
                }
            }
        }
        return shapes;
    }

    /** Multiply-adds x 2 of one training sample's products (forward, input and weight gradients). */
    static double trainingFlopsPerSample(Network network) {
        double flops = 0;
        for (GemmShapes.Shape s : trainingStep(network, 1)) {
            flops += s.flops();
        }
        return flops;
    }

    /** The input shape then each parametrised layer's output, e.g. {@code 784-256-128-10} or {@code 1x28x28-16x28x28-..}. */
    static String describe(Network network) {
        // a dense network's input as a width (784), a convolutional one's as an image (1x28x28)
        boolean dense = network.layers().stream().filter(l -> l.parameterCount() > 0).findFirst()
                .map(l -> l.type().equals("dense")).orElse(true);
        StringBuilder sb = new StringBuilder(dense ? Integer.toString(network.inputSize())
                : network.layers().get(0).inputShape().toString());
        for (Layer layer : network.layers()) {
            if (layer.parameterCount() > 0) {
                sb.append('-').append(layer.outputShape());
            }
        }
        return sb.toString();
    }
}
