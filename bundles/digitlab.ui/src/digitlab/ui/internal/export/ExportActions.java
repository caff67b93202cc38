package digitlab.ui.internal.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewSite;

/**
 * The export entries every view gets in its view menu: its picture as PNG, and for views with
 * tables of numbers (confusion matrix, metric histories) a CSV file.
 */
public final class ExportActions {

    private ExportActions() {
    }

    /** Adds "Export Picture as PNG..." for {@code control} to the view menu. */
    public static void contribute(IViewSite site, Control control, String baseName) {
        IMenuManager menu = site.getActionBars().getMenuManager();
        menu.add(new Action("Export Picture as PNG\u2026") {
            @Override
            public void run() {
                Path file = askFile(site.getShell(), baseName + ".png", "*.png");
                if (file == null) return;
                try {
                    ViewSnapshots.savePng(control, file);
                } catch (IOException | RuntimeException e) {
                    MessageDialog.openError(site.getShell(), "Export", "Could not save " + file + ": " + e.getMessage());
                }
            }
        });
    }

    /** Adds "Export ... as CSV..." writing the text {@code csv} supplies (null: nothing to export). */
    public static void contributeCsv(IViewSite site, String what, String baseName, Supplier<String> csv) {
        IMenuManager menu = site.getActionBars().getMenuManager();
        menu.add(new Action("Export " + what + " as CSV\u2026") {
            @Override
            public void run() {
                String text = csv.get();
                if (text == null) {
                    MessageDialog.openInformation(site.getShell(), "Export", "There is nothing to export yet.");
                    return;
                }
                Path file = askFile(site.getShell(), baseName + ".csv", "*.csv");
                if (file == null) return;
                try {
                    Csv.write(file, text);
                } catch (IOException e) {
                    MessageDialog.openError(site.getShell(), "Export", "Could not save " + file + ": " + e.getMessage());
                }
            }
        });
    }

    private static Path askFile(Shell shell, String name, String pattern) {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setFileName(name);
        d.setFilterExtensions(new String[] {pattern, "*.*"});
        d.setOverwrite(true);
        String f = d.open();
        return f == null ? null : Path.of(f);
    }
}
