package @@ID@@;

import digitlab.nn.Layer;
import digitlab.nn.Model;
import digitlab.nn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the view shows of a model, computed without any widget (so it is tested in plain Java): one row per layer
 * and a headline.
 *
 * @param headline "1x28x28 -> 10, 3 layers, 101,770 parameters, trained on mnist (ready model)"
 * @param rows     per layer: number, type (with its settings), output shape, parameters
 */
public record @@CLASS@@Summary(String headline, List<String[]> rows) {

    /** The columns of {@link #rows()}. */
    public static final String[] COLUMNS = {"#", "layer", "output", "parameters"};

    /** The summary of {@code model}; {@code source} says where it came from (the lab's current-model source). */
    public static @@CLASS@@Summary of(Model model, String source) {
        Network net = model.snapshot().network();
        List<String[]> rows = new ArrayList<>();
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            rows.add(new String[] {Integer.toString(i + 1), l.spec().toString(), l.outputShape().toString(),
                String.format(Locale.ROOT, "%,d", l.parameterCount())});
        }
        String headline = String.format(Locale.ROOT, "%s -> %s, %d layers, %,d parameters, trained on %s (%s)",
                net.architecture().input(), layers.get(layers.size() - 1).outputShape(), layers.size(),
                net.parameterCount(), model.metadata().datasetId(), source);
        return new @@CLASS@@Summary(headline, List.copyOf(rows));
    }
}
