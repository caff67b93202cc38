package digitlab.nn;

/**
 * Creates a layer from its spec and the shape of its input. Registered in a {@link LayerRegistry}
 * under a type id.
 *
 * <p>A factory must validate every parameter before creating anything and refuse absurd sizes with
 * an {@link IllegalArgumentException} whose message names the parameter and the limit, e.g.
 * {@code "dense: units = 1000000000 is too large (at most 65536)"}. Creating a layer must be cheap:
 * parameters live in the network's flat array, not in the layer.
 */
@FunctionalInterface
public interface LayerFactory {

    /** The layer described by {@code spec}, receiving samples of shape {@code input}. */
    Layer create(LayerSpec spec, Shape input);
}
