package digitlab.ui.internal.teach;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import digitlab.ui.DigitLabViews;
import digitlab.ui.internal.canvas.DigitCanvasView;

/**
 * The command "Teach: It's a ..." ({@value #COMMAND}, Ctrl+Shift+T): teaches the canvas's drawing. With the
 * parameter {@value #LABEL} (0-9) it teaches that digit; without, it asks for the digit in a small
 * dialog that refuses anything but 0-9 with one line saying why.
 */
public final class TeachHandler extends AbstractHandler {

    /** The command id. */
    public static final String COMMAND = "digitlab.ui.commands.teach";
    /** The parameter with the digit. */
    public static final String LABEL = "digitlab.ui.commands.teach.label";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
        if (page == null) return null;
        String text = event.getParameter(LABEL);
        if (text == null) {
            InputDialog ask = new InputDialog(HandlerUtil.getActiveShell(event), "Teach: It's a \u2026",
                    "Which digit is the drawing on the canvas? (0-9)", "", VALIDATOR);
            if (ask.open() != Window.OK) return null;
            text = ask.getValue();
        }
        String problem = VALIDATOR.isValid(text);
        if (problem != null) throw new ExecutionException(problem);
        try {
            DigitCanvasView view = (DigitCanvasView) page.showView(DigitLabViews.CANVAS);
            view.teach(Integer.parseInt(text.strip()));
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the canvas: " + e.getMessage(), e);
        }
        return null;
    }

    /** Accepts 0-9; otherwise says that the text is not a class. */
    static final IInputValidator VALIDATOR = text -> {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return "Type the digit, 0-9";
        return t.matches("[0-9]") ? null : "'" + t + "' is not a class; the classes are 0..9";
    };
}
