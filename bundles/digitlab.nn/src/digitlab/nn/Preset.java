package digitlab.nn;

/**
 * A named architecture with the training configuration that works well for it, e.g.
 * {@code original} or {@code mlp}. Plugins add presets (e.g. {@code lenet}) with {@link Presets#register}.
 *
 * @param name         the id used by {@code --arch}
 * @param description  one line for users
 * @param architecture the network (including its dropout layers, if any)
 * @param config       the default training configuration for it
 */
public record Preset(String name, String description, Architecture architecture, TrainingConfig config) {
}
