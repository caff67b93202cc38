package digitlab.train.extensions;

/**
 * A contribution that was skipped or disabled, with the plugin to blame.
 *
 * @param point       the extension point id
 * @param contributor the contributing plugin's symbolic name
 * @param what        the contribution, e.g. {@code layer type 'broken' (x.Broken)}
 * @param message     the whole logged message (names the plugin and the problem)
 * @param disabled    true when it was registered and disabled later (it failed while in use), false when it
 *                    was skipped while loading
 */
public record ContributionProblem(String point, String contributor, String what, String message, boolean disabled) {
}
