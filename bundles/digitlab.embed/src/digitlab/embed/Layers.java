package digitlab.embed;

import digitlab.nn.Layer;
import digitlab.nn.Network;
import java.util.List;

/**
 * Names and choices of a network's layers for the projector. Layers are numbered from 1 as the rest of the
 * lab numbers them ("layer 9 (relu)"); methods here take and return these 1-based numbers.
 */
public final class Layers {

    private Layers() {
    }

    /**
     * The last hidden layer: the output of the layer just before the last layer with parameters (the
     * classifier), stepping back over dropout layers, which are the identity at inference. For
     * {@code conv ... -> dense(150) -> relu -> dropout -> dense(10) -> softmax} that is the relu.
     * A network without such a layer gets its last layer.
     */
    public static int lastHidden(Network network) {
        List<Layer> layers = network.layers();
        int classifier = -1;
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).parameterCount() > 0) {
                classifier = i;
                break;
            }
        }
        int i = classifier - 1;
        while (i > 0 && layers.get(i).spec().type().equals("dropout")) i--;
        return i >= 0 ? i + 1 : layers.size();
    }

    /** The number of values layer {@code number} puts out for one image. */
    public static int width(Network network, int number) {
        check(network, number);
        return network.layers().get(number - 1).outputShape().size();
    }

    /** A label such as {@code "9: relu (150)"} or {@code "3: maxpool(2) (20x14x14)"}. */
    public static String describe(Network network, int number) {
        check(network, number);
        Layer l = network.layers().get(number - 1);
        var s = l.outputShape();
        String shape = s.isVector() ? Integer.toString(s.size()) : s.toString();
        return number + ": " + l.spec() + " (" + shape + ")";
    }

    /**
     * The layer a user named: its number (1 to the layer count), or {@code last} for {@link #lastHidden}.
     *
     * @throws IllegalArgumentException with a one-line message naming the layer and what exists
     */
    public static int parse(Network network, String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("last")) return lastHidden(network);
        int n;
        try {
            n = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer '" + text + "' is not a layer number (1 to "
                    + network.layers().size() + ") or 'last'");
        }
        check(network, n);
        return n;
    }

    private static void check(Network network, int number) {
        int count = network.layers().size();
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("layer " + number + " does not exist: this network has layers 1 to "
                    + count);
        }
    }
}
