package digitlab.product.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Drives dialogs from a test thread with real SWT events, as a user would: every look at a widget and every event
 * runs in the UI thread ({@link Display#syncExec}), which keeps running the modal dialogs' own event loops in
 * between. Waits poll until a condition holds; their limit only ends a test that would otherwise hang (it measures
 * nothing).
 */
final class SwtDriver {

    /** How long a dialog may take to appear or a job to end before the test fails: a busy machine is slow. */
    static final long PATIENCE_MS = 180_000;

    private final Display display;

    SwtDriver(Display display) {
        this.display = display;
    }

    /** @return what the callable returns, computed in the UI thread */
    <T> T ui(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) throw new IllegalStateException(failure.get());
        return result.get();
    }

    /** Waits until the condition, checked in the UI thread, holds. */
    void waitUntil(String what, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + PATIENCE_MS;
        while (!ui(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > end) fail("waited " + PATIENCE_MS / 1000 + " s for " + what + "; shells: " + shellTitles());
            pause();
        }
    }

    /** @return the visible shell with this title, once it is open */
    Shell shell(String title) {
        AtomicReference<Shell> found = new AtomicReference<>();
        waitUntil("a shell titled '" + title + "'", () -> {
            for (Shell shell : display.getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) found.set(shell);
            }
            return found.get() != null;
        });
        return found.get();
    }

    /** @return the titles of the open shells, for messages */
    List<String> shellTitles() {
        return ui(() -> {
            List<String> titles = new ArrayList<>();
            for (Shell shell : display.getShells()) if (shell.isVisible()) titles.add(shell.getText());
            return titles;
        });
    }

    /** Closes every open shell but the workbench window's, e.g. the dialogs a failed test left open. */
    void closeDialogs(Shell keep) {
        ui(() -> {
            for (Shell shell : display.getShells()) if (shell != keep && !shell.isDisposed()) shell.close();
            return null;
        });
    }

    /** Clicks the button whose label starts with this text (mnemonics ignored) once it is enabled. */
    void click(Shell shell, String label) {
        Button button = button(shell, label);
        waitUntil("'" + label + "' to be enabled", () -> button.isDisposed() || button.isEnabled());
        ui(() -> {
            if ((button.getStyle() & SWT.RADIO) != 0) {
                for (Control sibling : button.getParent().getChildren()) {
                    if (sibling instanceof Button other && other != button && (other.getStyle() & SWT.RADIO) != 0) {
                        other.setSelection(false);
                        other.notifyListeners(SWT.Selection, new Event());
                    }
                }
            }
            if ((button.getStyle() & (SWT.RADIO | SWT.CHECK)) != 0) button.setSelection(true);
            button.notifyListeners(SWT.Selection, new Event());
            return null;
        });
    }

    /** @return the button in the shell whose label starts with this text (mnemonics ignored) */
    Button button(Shell shell, String label) {
        AtomicReference<Button> found = new AtomicReference<>();
        waitUntil("a button '" + label + "' in '" + ui(shell::getText) + "'", () -> {
            found.set((Button) find(shell, c -> c instanceof Button b && !b.isDisposed() && plain(b.getText()).startsWith(label)));
            return found.get() != null;
        });
        return found.get();
    }

    /** Checks the tree item whose first column starts with the text, as a click on its check box does. */
    void check(Shell shell, String text) {
        AtomicReference<TreeItem> item = new AtomicReference<>();
        waitUntil("a tree item '" + text + "' in '" + ui(shell::getText) + "'", () -> {
            Control tree = find(shell, c -> c instanceof Tree t && (t.getStyle() & SWT.CHECK) != 0);
            if (tree == null) return false;
            for (TreeItem candidate : ((Tree) tree).getItems()) {
                if (candidate.getText(0).startsWith(text)) item.set(candidate);
            }
            return item.get() != null;
        });
        ui(() -> {
            TreeItem target = item.get();
            target.setChecked(true);
            Event event = new Event();
            event.item = target;
            event.detail = SWT.CHECK;
            target.getParent().notifyListeners(SWT.Selection, event);
            return null;
        });
    }

    /** @return the texts of every control in the shell with text (labels, read-only texts), for assertions */
    String texts(Shell shell) {
        return ui(() -> {
            StringBuilder all = new StringBuilder();
            collect(shell, all);
            return all.toString();
        });
    }

    private static void collect(Control control, StringBuilder all) {
        if (control instanceof org.eclipse.swt.widgets.Label l) all.append(l.getText()).append('\n');
        if (control instanceof org.eclipse.swt.widgets.Text t) all.append(t.getText()).append('\n');
        if (control instanceof org.eclipse.swt.widgets.Table t) {
            for (org.eclipse.swt.widgets.TableItem item : t.getItems()) {
                for (int i = 0; i < Math.max(1, t.getColumnCount()); i++) all.append(item.getText(i)).append(' ');
                all.append('\n');
            }
        }
        if (control instanceof Composite composite) for (Control child : composite.getChildren()) collect(child, all);
    }

    private static Control find(Control control, Predicate<Control> wanted) {
        if (control.isDisposed()) return null;
        if (wanted.test(control)) return control;
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Control found = find(child, wanted);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String plain(String label) {
        return label.replace("&", "").trim();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
