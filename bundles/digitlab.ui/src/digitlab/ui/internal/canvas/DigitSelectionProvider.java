package digitlab.ui.internal.canvas;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

import digitlab.data.preprocess.PreprocessedDigit;

/**
 * Publishes the canvas's newest {@link Guess} as the workbench selection: the one way the canvas's
 * guesses reach other views. The Network Activity view listens to the selection of the canvas's part
 * (its activations); analysis views contributed by plugins (for example the Saliency view) listen to
 * the selection service for anything that adapts to a {@link PreprocessedDigit}, which a guess does.
 * UI thread only.
 */
final class DigitSelectionProvider implements ISelectionProvider {

    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private ISelection selection = StructuredSelection.EMPTY;

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        return selection;
    }

    @Override
    public void setSelection(ISelection newSelection) {
        selection = newSelection == null ? StructuredSelection.EMPTY : newSelection;
        SelectionChangedEvent event = new SelectionChangedEvent(this, selection);
        for (ISelectionChangedListener l : listeners) {
            l.selectionChanged(event);
        }
    }

    /** Publishes a guess (also one on an empty canvas: it adapts to no digit). */
    void publish(Guess guess) {
        setSelection(new StructuredSelection(guess));
    }
}
