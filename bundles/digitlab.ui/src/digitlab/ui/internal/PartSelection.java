package digitlab.ui.internal;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;

/**
 * A view's selection for the workbench selection service, for views whose selection is not a JFace
 * viewer's: the view calls {@link #setSelection} with what it shows as picked, and the listeners (the
 * selection service, hence other views) hear of it. The Digit Canvas publishes its newest guess this way
 * (Network Activity and Saliency listen), the Projector its picked test image. UI thread only.
 */
public final class PartSelection implements ISelectionProvider {

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
        for (ISelectionChangedListener l : listeners) l.selectionChanged(event);
    }
}
