package digitlab.p2;

import digitlab.p2.internal.Installer;
import digitlab.p2.internal.LabProfile;
import digitlab.p2.internal.Uninstaller;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The plugins of the running lab, managed through Equinox p2 on the lab's own profile (the profile the product
 * was installed with, {@code p2/} beside {@code plugins/}): what {@code digitlab install|uninstall|plugins} use,
 * and the same machinery as Help > Install New Software... and Installation Details. Changes take effect at the
 * next start of the lab; a change that fails leaves the profile and {@code bundles.info} as they were.
 *
 * <pre>
 * LabPlugins plugins = LabPlugins.ofRunningLab();
 * plugins.install("/path/digitlab-repository.zip", List.of("digitlab.examples.feature"), false, monitor);
 * plugins.installed();                            // [digitlab.feature 1.0.0.2026... (Digit Lab), ...]
 * plugins.uninstall("digitlab.examples.feature", monitor);
 * </pre>
 *
 * Calls change the profile and must not run concurrently with another p2 change (p2 refuses a plan computed on
 * a profile that changed meanwhile).
 */
public final class LabPlugins {

    private final LabProfile lab;

    private LabPlugins(LabProfile lab) {
        this.lab = lab;
    }

    /**
     * The running lab's profile ({@code eclipse.p2.profile} of its {@code config.ini}).
     *
     * @throws PluginException when the lab runs without a p2 profile (e.g. from a development workspace)
     */
    public static LabPlugins ofRunningLab() throws PluginException {
        return new LabPlugins(LabProfile.running());
    }

    /** @return what is installed as a root of the profile (features and bundles a user can name), by id */
    public List<InstalledPlugin> installed() {
        return lab.installed();
    }

    /**
     * Installs features or bundles from a p2 repository, with everything they need that the lab lacks.
     *
     * @param source an http(s) or file URL, a folder or a {@code .zip}/{@code .jar} file holding a p2 repository
     * @param ids features (without {@code .feature.group}) or bundles to install; empty: every feature of the
     *        repository that is not installed yet
     * @param trustUnsigned install unsigned content and content signed by unknown signers; without it such content
     *        is refused (and nothing installed) unless it is the lab's own (ids {@code digitlab.*} of this very
     *        build of the lab)
     * @param monitor progress and cancellation, or null
     * @return what was installed
     * @throws PluginException the repository is missing or not p2, an id is not in it, it is already installed,
     *         a dependency is missing (p2's explanation), unsigned content was refused; nothing was installed
     */
    public List<InstalledPlugin> install(String source, List<String> ids, boolean trustUnsigned,
                                         IProgressMonitor monitor) throws PluginException {
        return new Installer(lab).install(source, ids, trustUnsigned, monitor);
    }

    /**
     * Uninstalls an installed feature or bundle and whatever only it needed.
     *
     * @param id a feature (without {@code .feature.group}) or bundle, as {@link #installed()} names it
     * @param monitor progress and cancellation, or null
     * @return what was uninstalled
     * @throws PluginException it is not installed, it is part of the lab itself, or it came with another plugin;
     *         nothing was changed
     */
    public InstalledPlugin uninstall(String id, IProgressMonitor monitor) throws PluginException {
        return new Uninstaller(lab).uninstall(id, monitor);
    }
}
