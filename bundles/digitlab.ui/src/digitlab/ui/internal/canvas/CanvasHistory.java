package digitlab.ui.internal.canvas;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The canvas's edits in the workbench's operation history, so that Edit > Undo / Redo, Ctrl+Z, Ctrl+Shift+Z and the
 * UNDO button share one history: every stroke, every clear and every picture loaded is one undoable
 * operation in the canvas's own {@link #context() undo context}. The drawing area stays the owner of the
 * drawing; this class watches its changes and records where each edit began.
 */
final class CanvasHistory {

    /** The most edits kept (the platform's default per context is 20). */
    static final int LIMIT = 100;

    private final DrawingArea area;
    private final IUndoContext context = new ObjectUndoContext(this, "Digit Canvas");
    private final IOperationHistory history = OperationHistoryFactory.getOperationHistory();
    private Drawing last;
    private boolean applying;

    CanvasHistory(DrawingArea area) {
        this.area = area;
        this.last = area.drawing();
        history.setLimit(context, LIMIT);
        area.addDrawingListener(this::changed);
    }

    /** The undo context of this canvas's edits. */
    IUndoContext context() {
        return context;
    }

    /** Undoes the newest edit; without one, removes the newest stroke as before. */
    void undo() {
        if (history.canUndo(context)) {
            try {
                history.undo(context, null, null);
            } catch (ExecutionException e) {
                area.undo();
            }
        } else {
            area.undo();
        }
    }

    /** Redoes the newest undone edit, if any. */
    void redo() {
        if (!history.canRedo(context)) return;
        try {
            history.redo(context, null, null);
        } catch (ExecutionException e) {
            // nothing to redo after all
        }
    }

    /** Forgets every edit (the view closes). */
    void dispose() {
        history.dispose(context, true, true, true);
    }

    /** A new stroke, a clear or a loaded picture starts an edit; pen moves within a stroke continue it. */
    private void changed(Drawing d) {
        if (applying) return;
        boolean newEdit = d.strokes().size() != last.strokes().size() || d.background() != last.background();
        if (newEdit && !(d.isEmpty() && last.isEmpty())) {
            Edit edit = new Edit(last, d.strokes().size() > last.strokes().size() ? "Stroke" : d.isEmpty() ? "Clear" : "Change");
            edit.addContext(context);
            history.add(edit);
        }
        last = d;
    }

    private void apply(Drawing d) {
        applying = true;
        try {
            area.setDrawing(d);
        } finally {
            applying = false;
        }
        last = d;
    }

    /** One edit: the drawing before it, and (once undone) the drawing after it. */
    private final class Edit extends AbstractOperation {
        private final Drawing before;
        private Drawing after;

        Edit(Drawing before, String label) {
            super(label);
            this.before = before;
        }

        @Override
        public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
            return Status.OK_STATUS; // done already, by the pen
        }

        @Override
        public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
            if (area.isDisposed()) return Status.CANCEL_STATUS;
            after = area.drawing();
            apply(before);
            return Status.OK_STATUS;
        }

        @Override
        public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
            if (area.isDisposed() || after == null) return Status.CANCEL_STATUS;
            apply(after);
            return Status.OK_STATUS;
        }
    }
}
