/**
 * Reading the lab's extension points (layers, optimizers, datasets, presets) into the plain-Java registries:
 * {@link digitlab.train.extensions.ContributionLoader#loadAll()}, called once at the start of the workbench and
 * of the headless commands, and what it registered or refused ({@link digitlab.train.extensions.Contribution},
 * {@link digitlab.train.extensions.ContributionProblem}); {@link digitlab.train.extensions.ContributionFailure}
 * is what a run sees when a contribution fails in use. The guards around contributed code are package-private.
 */
package digitlab.train.extensions;
