package digitlab.nn;

/**
 * A named architecture with the training configuration that works well for it, e.g.
 * {@code original} or {@code mlp}. Plugins add presets (e.g. {@code lenet}) with {@link Presets#register}.
 *
 * @param name         the id used by {@code --arch}
 * @param description  one line for users
 * @param architecture the network (including its dropout layers, if any)
 * @param config       the default training configuration for it
 * @param augmentation the training-image distortions of its recipe, by name, as the training service knows them
 *                     ({@code none}, {@code standard}: shifts, rotations, scaling and a mild elastic distortion;
 *                     {@code drawn}: also slant, pen width and low resolution, for digits as people draw them)
 */
public record Preset(String name, String description, Architecture architecture, TrainingConfig config,
        String augmentation) {

    /** The augmentations a preset may name. */
    public static final java.util.List<String> AUGMENTATIONS = java.util.List.of("none", "standard", "drawn");

    /** Checks the augmentation's name. */
    public Preset {
        if (!AUGMENTATIONS.contains(augmentation)) {
            throw new IllegalArgumentException("augmentation: unknown '" + augmentation + "'; known: " + AUGMENTATIONS);
        }
    }

    /** A preset whose recipe trains on the images as they are. */
    public Preset(String name, String description, Architecture architecture, TrainingConfig config) {
        this(name, description, architecture, config, "none");
    }
}
