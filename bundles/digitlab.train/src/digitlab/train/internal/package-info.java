/**
 * The training bundle's own plumbing: atomic file writes, the thread budget, listener dispatch, the instance
 * location. Not API. Exported with {@code x-friends:="digitlab.ui"} on purpose: the workbench saves its
 * preferences with the same {@link digitlab.train.internal.AtomicFiles} as the runs, so that a failed save
 * leaves the previous file and names the file in its message (one implementation of that guarantee, not two).
 */
package digitlab.train.internal;
