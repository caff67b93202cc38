package digitlab.train;

import digitlab.nn.Model;

/**
 * The model the lab predicts with (the canvas, {@code digitlab predict} without {@code --model}).
 *
 * @param model   the model
 * @param source  where it came from, for the UI: "ready model", "run nc-first" (the run's name), or a file path
 * @param version increases with every change, so a view can tell whether it is up to date
 */
public record CurrentModel(Model model, String source, long version) {
}
