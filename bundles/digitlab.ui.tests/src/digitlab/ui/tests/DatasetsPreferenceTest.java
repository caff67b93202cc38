package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import digitlab.data.Dataset;
import digitlab.data.Split;
import digitlab.train.Datasets;
import digitlab.ui.internal.prefs.DatasetsPreferencePage;
import digitlab.ui.internal.prefs.FashionFolderPreference;

/**
 * Preferences &gt; Digit Lab &gt; Datasets: the Fashion-MNIST folder typed into the page reaches the
 * {@code fashion} dataset (through the {@code digitlab.fashion.dir} property) at once, and clearing it brings
 * the start-up folder back.
 */
class DatasetsPreferenceTest {

    @TempDir
    Path temp;

    @Test
    void theFolderChosenOnThePageIsTheOneFashionMnistIsReadFrom() throws Exception {
        Path folder = IdxFiles.writeFolder(temp.resolve("fashion"), 36, 12, 28, 10);
        IEclipsePreferences node = FashionFolderPreference.node();
        String old = node.get(FashionFolderPreference.KEY, "");
        Path startup = FashionFolderPreference.defaultFolder();
        try {
            assertTrue(Datasets.registry().providers().stream().anyMatch(p -> p.id().equals("fashion")),
                    "the fashion plugin is installed");
            setOnThePage(folder.toString());
            assertEquals(folder.toString(), node.get(FashionFolderPreference.KEY, null));
            assertEquals(folder.toString(), System.getProperty(FashionFolderPreference.PROPERTY));
            Dataset d = Datasets.load("fashion", -1);
            assertEquals(33, d.part(Split.TRAIN).size()); // 36 less a twelfth held out for validation
            assertEquals(12, d.part(Split.TEST).size());
            assertEquals("T-shirt/top", d.classNames().get(0));

            setOnThePage("");
            assertEquals(startup, FashionFolderPreference.effectiveFolder());
        } finally {
            if (old.isEmpty()) node.remove(FashionFolderPreference.KEY);
            else node.put(FashionFolderPreference.KEY, old);
            node.flush();
        }
    }

    @Test
    void datasetsSitsUnderTheDigitLabCategory() {
        PreferenceDialog dialog = open();
        try {
            org.eclipse.jface.preference.IPreferenceNode lab = dialog.getPreferenceManager()
                    .find("digitlab.ui.preferences.digitlab");
            assertNotNull(lab, "the Digit Lab category");
            assertEquals("Digit Lab", lab.getLabelText());
            assertNotNull(lab.findSubNode(DatasetsPreferencePage.ID), "Datasets under Digit Lab");
        } finally {
            dialog.close();
        }
    }

    @Test
    void aFolderWithoutTheFilesIsNamedOnThePage() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        PreferenceDialog dialog = open();
        try {
            DatasetsPreferencePage page = (DatasetsPreferencePage) dialog.getSelectedPage();
            page.setFashionFolder(empty.toString());
            Ui.drain();
            assertTrue(page.getMessage() != null && page.getMessage().contains("lacks train-images-idx3-ubyte"),
                    page.getMessage());
            assertTrue(page.isValid(), "a folder that exists is accepted (the files may come later)");
            page.setFashionFolder(IdxFiles.writeFolder(temp.resolve("full"), 24, 6, 28, 10).toString());
            Ui.drain();
            assertNull(page.getMessage(), page.getMessage());
        } finally {
            dialog.close();
        }
    }

    private static PreferenceDialog open() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.display().getActiveShell(),
                DatasetsPreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Ui.drain();
        assertInstanceOf(DatasetsPreferencePage.class, dialog.getSelectedPage());
        return dialog;
    }

    /** Types {@code folder} on the page and presses OK's page part (performOk), as a person would. */
    private static void setOnThePage(String folder) {
        PreferenceDialog dialog = open();
        try {
            DatasetsPreferencePage page = (DatasetsPreferencePage) dialog.getSelectedPage();
            page.setFashionFolder(folder);
            Ui.drain();
            assertTrue(page.performOk());
        } finally {
            dialog.close();
        }
    }
}
