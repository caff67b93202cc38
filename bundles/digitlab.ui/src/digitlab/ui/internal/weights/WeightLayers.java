package digitlab.ui.internal.weights;

import java.util.ArrayList;
import java.util.List;

import digitlab.nn.Layer;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.ParameterTensor;

/**
 * Finds the weight matrices of a network for display: every layer with a 2-D {@code weight}
 * tensor of shape {@code [out, in]} (dense layers, and any plugin layer laid out the same way), and every
 * layer with a 4-D one of shape {@code [filters, channels, kh, kw]} (convolutions), shown as
 * {@code filters x channels} little kernels of {@code kh x kw}: the matrix {@code [filters * channels, kh * kw]}.
 */
public final class WeightLayers {

    private WeightLayers() {
    }

    /**
     * One weight matrix.
     *
     * @param layer  the layer's index in the network
     * @param title  e.g. "Layer 1: dense 784 \u2192 256"
     * @param rows   out (neurons)
     * @param cols   in (inputs per neuron)
     * @param weight row-major {@code [rows x cols]}
     * @param bias   one value per neuron or filter, or null
     * @param channels input channels per filter of a convolution (its rows are filter-major: row
     *               {@code f * channels + c}); 0 for a dense layer
     */
    public record Matrix(int layer, String title, int rows, int cols, float[] weight, float[] bias, int channels) {

        /** Whether the rows are a convolution's kernels rather than neurons. */
        public boolean kernels() {
            return channels > 0;
        }

        /** Row {@code r} for people: "Neuron 5", or "Filter 3, channel 7". */
        public String unitName(int r) {
            if (!kernels()) return "Neuron " + r;
            return channels == 1 ? "Filter " + r : "Filter " + r / channels + ", channel " + r % channels;
        }

        /** The bias of row {@code r}'s neuron or filter, or NaN. */
        public double biasOf(int r) {
            return bias == null ? Double.NaN : bias[kernels() ? r / channels : r];
        }

        /** What the rows are, counted: "256 neurons", "20 filters", "40 filters x 20 channels". */
        public String units() {
            if (!kernels()) return rows + " neurons";
            return channels == 1 ? rows + " filters" : rows / channels + " filters \u00d7 " + channels + " channels";
        }
    }

    /** The layers that have a 2-D weight tensor, in network order (titles only, no values copied). */
    public static List<String> titles(ModelSnapshot snapshot) {
        List<String> out = new ArrayList<>();
        for (int i : indices(snapshot)) out.add(title(snapshot, i, out.size()));
        return out;
    }

    /** The layer indices with a 2-D weight tensor. */
    public static List<Integer> indices(ModelSnapshot snapshot) {
        List<Integer> out = new ArrayList<>();
        List<Layer> layers = snapshot.network().layers();
        for (int i = 0; i < layers.size(); i++) {
            for (var b : layers.get(i).parameterBlocks()) {
                if (b.name().equals("weight") && (b.shape().length == 2 || b.shape().length == 4)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /** The weight matrix number {@code k} (0 = the first hidden layer), values copied from the snapshot. */
    public static Matrix matrix(ModelSnapshot snapshot, int k) {
        int layer = indices(snapshot).get(k);
        float[] weight = null;
        float[] bias = null;
        int rows = 0;
        int cols = 0;
        int channels = 0;
        for (ParameterTensor t : snapshot.parameters(layer)) {
            int[] shape = t.shape();
            if (t.name().equals("weight") && shape.length == 2) {
                weight = t.values();
                rows = shape[0];
                cols = shape[1];
            } else if (t.name().equals("weight") && shape.length == 4) {
                // [filters, channels, kh, kw] is already row-major [filters * channels, kh * kw]
                weight = t.values();
                channels = shape[1];
                rows = shape[0] * shape[1];
                cols = shape[2] * shape[3];
            } else if (t.name().equals("bias")) {
                bias = t.values();
            }
        }
        return new Matrix(layer, title(snapshot, layer, k), rows, cols, weight, bias, channels);
    }

    private static String title(ModelSnapshot snapshot, int layer, int k) {
        Layer l = snapshot.network().layers().get(layer);
        for (var b : l.parameterBlocks()) {
            int[] s = b.shape();
            if (b.name().equals("weight") && s.length == 4) {
                return "Layer " + (k + 1) + ": " + l.type() + " " + s[0] + " filters " + s[2] + "\u00d7" + s[3]
                        + " over " + s[1] + (s[1] == 1 ? " channel" : " channels");
            }
        }
        return "Layer " + (k + 1) + ": " + l.type() + " " + l.inputShape().size() + " \u2192 " + l.outputShape().size();
    }
}
