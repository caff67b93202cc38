package digitlab.ui.internal.weights;

import java.util.ArrayList;
import java.util.List;

import digitlab.nn.Layer;
import digitlab.nn.ModelSnapshot;
import digitlab.nn.ParameterTensor;

/**
 * Finds the weight matrices of a network for display: every layer with a 2-D {@code weight}
 * tensor of shape {@code [out, in]} (dense layers, and any plugin layer laid out the same way).
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
     * @param bias   {@code rows} values, or null
     */
    public record Matrix(int layer, String title, int rows, int cols, float[] weight, float[] bias) {
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
                if (b.name().equals("weight") && b.shape().length == 2) {
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
        for (ParameterTensor t : snapshot.parameters(layer)) {
            if (t.name().equals("weight") && t.shape().length == 2) {
                weight = t.values();
                rows = t.shape()[0];
                cols = t.shape()[1];
            } else if (t.name().equals("bias")) {
                bias = t.values();
            }
        }
        return new Matrix(layer, title(snapshot, layer, k), rows, cols, weight, bias);
    }

    private static String title(ModelSnapshot snapshot, int layer, int k) {
        Layer l = snapshot.network().layers().get(layer);
        return "Layer " + (k + 1) + ": " + l.type() + " " + l.inputShape().size() + " \u2192 " + l.outputShape().size();
    }
}
