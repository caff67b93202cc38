package digitlab.ui.internal.canvas;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

import digitlab.data.preprocess.PreprocessedDigit;

/**
 * Publishes the canvas's newest preprocessed digit as the workbench selection, so analysis views
 * contributed by plugins (for example the Saliency view) can follow what the user draws without
 * depending on this bundle: they listen to the selection service for a {@link PreprocessedDigit}.
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

    /** Publishes a digit, or an empty selection when nothing is drawn. */
    void publish(PreprocessedDigit digit) {
        setSelection(digit == null ? StructuredSelection.EMPTY : new StructuredSelection(digit));
    }
}
