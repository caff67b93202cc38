/**
 * Sweeps: describe a space of training settings once, and let the lab train a run per point, compare them and pick
 * the best.
 *
 * <ul>
 * <li>{@link digitlab.train.sweep.SweepSpec}: the base request, the settings to vary ({@link digitlab.train.sweep.SweepAxis}:
 * lists of values or ranges), grid or N random points from a seed, the metric ({@link digitlab.train.sweep.SweepMetric}),
 * runs at once, early stopping ({@link digitlab.train.sweep.EarlyStopping}, ASHA rungs) and the point limit; validated
 * with {@link digitlab.train.FieldProblem}s naming the setting by its {@link digitlab.train.TrainingSetting#key()}.</li>
 * <li>{@link digitlab.train.sweep.SweepStore}: the workspace's sweeps ({@code <workspace>/sweeps/<id>/sweep.json}), made,
 * listed, opened; the interrupted ones to offer after a restart.</li>
 * <li>{@link digitlab.train.sweep.SweepRunner}: runs or resumes a sweep in the calling thread, points as ordinary
 * {@link digitlab.train.TrainingJob}s; {@link digitlab.train.sweep.SweepJob} runs it as a job with one progress group;
 * {@link digitlab.train.sweep.SweepListener} follows it live.</li>
 * <li>{@link digitlab.train.sweep.SweepRecord} / {@link digitlab.train.sweep.SweepPoint}: what a sweep.json says: each
 * point's settings, run, state ({@link digitlab.train.sweep.PointState}) and figures; the best point; CSV.</li>
 * </ul>
 * docs/SWEEPS.md describes the format, the early-stopping rule, the limits and resuming.
 */
package digitlab.train.sweep;
