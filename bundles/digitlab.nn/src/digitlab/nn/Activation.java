package digitlab.nn;

/**
 * An element-wise activation function {@code y = f(x)}, used by activation layers.
 * Implementations are stateless and thread-safe; register new ones with {@link Activations#register}.
 */
public interface Activation {

    /** The id used in architectures, e.g. {@code "relu"}; also its layer type id. */
    String id();

    /** {@code f(x)}. */
    float apply(float x);

    /**
     * {@code f'(x)}, given both the input {@code x} and the output {@code y = f(x)} (sigmoid and tanh
     * are cheapest from {@code y}, ReLU from {@code x}).
     */
    float derivative(float x, float y);
}
