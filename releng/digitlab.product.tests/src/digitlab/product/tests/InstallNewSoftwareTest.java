package digitlab.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.metadata.ILicense;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.ui.LoadMetadataRepositoryJob;
import org.eclipse.equinox.p2.ui.Policy;
import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help ▸ Install New Software... as a user goes through it (issue 15): p2's own install wizard and trust dialog,
 * opened in the lab's workbench on a copy of the built product without the examples and driven with SWT events
 * (check a feature, Next, accept the licence, Finish; then trust or refuse in p2's Trust Artifacts dialog, which the
 * lab's own examples, pinned by content in the product's configuration, do not bring up). What
 * the dialogs changed is then read from the copy: its p2 profile, bundles.info and plugins folder, and the copy
 * itself started headless.
 */
class InstallNewSoftwareTest {

    private static final String EXAMPLES = "digitlab.examples.feature.feature.group";
    private static final String OTHER_FEATURE = "com.example.wizard.feature";
    private static final String OTHER_BUNDLE = "com.example.wizard";

    @TempDir
    Path temp;

    private SwtDriver driver;
    private LabCopy lab;
    private ProvisioningUI ui;

    @BeforeEach
    void copyTheProduct() throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        driver = new SwtDriver(display);
        lab = LabCopy.of(Path.of(System.getProperty("digitlab.product.dir")), temp.resolve("lab"));
        Policy policy = new Policy();
        policy.setRepositoriesVisible(false); // the wizard lists what every known repository offers
        policy.setGroupByCategory(false);     // features at the top level of the tree
        ui = new ProvisioningUI(new ProvisioningSession(lab.agent()), LabCopy.PROFILE, policy);
    }

    @AfterEach
    void closeTheCopy() {
        driver.closeDialogs(driver.ui(() -> PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell()));
        lab.close();
    }

    @Test
    void theExamplesInstallThroughTheWizardAndWorkAfterTheRestart() throws Exception {
        assertFalse(lab.hasUnit(EXAMPLES), "the product without the examples has them");
        URI repository = LabCopy.zipRepository(Path.of(System.getProperty("digitlab.repository.zip")));
        // p2 remembers accepted licences (in the test workbench's configuration, across runs): forget the examples'
        // licence, so that its page comes as on a first install
        for (IInstallableUnit iu : ui.loadMetadataRepository(repository, false, new NullProgressMonitor())
                .query(QueryUtil.createIUQuery(EXAMPLES), null)) {
            for (ILicense licence : iu.getLicenses(null)) ui.getLicenseManager().reject(licence);
        }
        openWizard(repository);
        Shell wizard = driver.shell("Install");
        driver.check(wizard, "Digit Lab Example Plugins");
        driver.click(wizard, "Next >");   // Install Details: p2 has a plan
        driver.click(wizard, "Next >");   // Review Licenses
        driver.click(wizard, "I accept the terms of the license agreement");
        long finish = System.nanoTime();
        driver.click(wizard, "Finish");
        // The examples are unsigned but pinned by content in the product's configuration: no trust question.
        AtomicBoolean asked = new AtomicBoolean();
        driver.waitUntil("the install to end", () -> {
            for (Shell shell : Display.getCurrent().getShells()) {
                if (shell.isVisible() && shell.getText().equals("Trust Artifacts")) {
                    asked.set(true);
                    shell.close(); // refuses: the install ends, and the assertion below says why
                }
            }
            return !ui.getSession().hasScheduledOperationsFor(LabCopy.PROFILE);
        });
        assertFalse(asked.get(), "p2 asked whether to trust the lab's own examples");
        System.out.printf("InstallNewSoftwareTest: figure: the examples installed through the wizard %.1f s after Finish%n",
            (System.nanoTime() - finish) / 1e9);

        assertTrue(lab.hasUnit(EXAMPLES), "the examples are not in the copy's profile");
        assertTrue(lab.bundlesInfo().contains("digitlab.analysis.saliency,"), "the Saliency view's bundle is not started");
        assertTrue(lab.bundlesInfo().contains("digitlab.examples.robustness,"), "the robustness plugin is not started");
        // the restart: the copy started headless knows the examples' optimizer and dataset
        String optimizers = lab.run(temp.resolve("workspace"), "train", "--optimizer", "nosuch");
        assertTrue(optimizers.contains("adagrad"), "the restarted copy does not know adagrad: " + optimizers);
        String datasets = lab.run(temp.resolve("workspace"), "train", "--dataset", "nosuch");
        assertTrue(datasets.contains("uci-digits"), "the restarted copy does not know uci-digits: " + datasets);
    }

    @Test
    void refusingUnsignedContentInstallsNothing() throws Exception {
        String before = lab.bundlesInfo();
        installOtherPublishersFeature();
        Shell trust = driver.shell("Trust Artifacts");
        String asked = driver.texts(trust);
        assertTrue(asked.contains("Unsigned"), "the trust dialog does not say unsigned: " + asked);
        assertTrue(asked.contains(OTHER_BUNDLE), "the trust dialog does not name the bundle: " + asked);
        driver.click(trust, "Cancel");
        waitForTheInstallToEnd();

        assertFalse(lab.hasUnit(OTHER_FEATURE + ".feature.group"), "refused content is in the profile");
        assertEquals(before, lab.bundlesInfo(), "refused content changed bundles.info");
        assertFalse(lab.hasJar(OTHER_BUNDLE), "the refused bundle's jar stayed in plugins/");
    }

    @Test
    void trustingUnsignedContentInstallsIt() throws Exception {
        installOtherPublishersFeature();
        Shell trust = driver.shell("Trust Artifacts");
        driver.click(trust, "Select All");
        driver.click(trust, "Trust Selected");
        waitForTheInstallToEnd();

        assertTrue(lab.hasUnit(OTHER_FEATURE + ".feature.group"), "trusted content is not in the profile");
        assertTrue(lab.bundlesInfo().contains(OTHER_BUNDLE + ",1.0.0,"), "the trusted bundle is not in bundles.info");
    }

    /** Install New Software... on an unsigned feature of another publisher, up to p2's trust question. */
    private void installOtherPublishersFeature() throws Exception {
        URI repository = OtherPublisherRepository.create(lab.agent(), temp.resolve("other"), OTHER_FEATURE, OTHER_BUNDLE);
        openWizard(repository);
        Shell wizard = driver.shell("Install");
        driver.check(wizard, "Example Test Feature");
        driver.click(wizard, "Next >");   // Install Details; no licence to accept
        driver.click(wizard, "Finish");
    }

    /** Opens p2's install wizard, as Help ▸ Install New Software... does, with the repository known. */
    private void openWizard(URI repository) {
        ui.getRepositoryTracker().addRepository(repository, null, ui.getSession());
        LoadMetadataRepositoryJob load = new LoadMetadataRepositoryJob(ui);
        load.runModal(new NullProgressMonitor());
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> ui.openInstallWizard(null, null, load));
    }

    /** The install job ends; p2 asks for no restart, the copy's profile not being the running lab's. */
    private void waitForTheInstallToEnd() {
        driver.waitUntil("the install to end", () -> !ui.getSession().hasScheduledOperationsFor(LabCopy.PROFILE));
        assertTrue(Files.isDirectory(lab.folder()));
    }
}
