package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Equinox p2's own UI is in the lab (issue 15): Help has Install New Software... and Check for Updates, and
 * Help > About > Installation Details has p2's Installed Software and Installation History pages (with Uninstall,
 * Update, Revert). The dialogs themselves need the product's p2 profile; releng/digitlab.repository/test-plugins.sh
 * installs and uninstalls through the same p2 on the built product.
 */
class P2MenusTest {

    @Test
    void helpMenuOffersInstallAndUpdate() {
        Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
        Menu help = null;
        for (MenuItem item : bar.getItems()) {
            if (plain(item.getText()).equals("Help")) help = item.getMenu();
        }
        assertNotNull(help, "no Help menu");
        help.notifyListeners(SWT.Show, new Event()); // the workbench fills a menu when it is about to show
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let the menu be filled
        }
        List<String> items = new ArrayList<>();
        for (MenuItem item : help.getItems()) items.add(plain(item.getText()));
        help.notifyListeners(SWT.Hide, new Event());
        assertTrue(items.contains("Install New Software..."), "Help menu: " + items);
        assertTrue(items.contains("Check for Updates"), "Help menu: " + items);
    }

    @Test
    void installationDetailsHaveP2Pages() {
        List<String> pages = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.installationPages")) {
            if (e.getContributor().getName().equals("org.eclipse.equinox.p2.ui.sdk")) pages.add(e.getAttribute("name"));
        }
        assertTrue(pages.size() >= 2, "p2's installation pages: " + pages);
    }

    private static String plain(String menuText) {
        String text = menuText.replace("&", "");
        int tab = text.indexOf('\t');
        return tab < 0 ? text : text.substring(0, tab);
    }
}
