package digitlab.p2.internal;

import digitlab.p2.InstalledPlugin;
import digitlab.p2.LabPlugins;
import digitlab.p2.PluginException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command lines {@code install [--trust-unsigned] SOURCE [ID...]}, {@code uninstall ID} and {@code plugins}:
 * parsed here, run on {@link LabPlugins}. Exit codes: 0 done, 1 the change was refused or failed (one line on
 * standard error, the lab unchanged), 2 a malformed command line.
 */
public final class PluginsCommand {

    static final String INSTALL_USAGE = """
        Usage: digitlab install [--trust-unsigned] REPOSITORY [FEATURE_OR_BUNDLE...]

        Installs plugins into this lab from a p2 repository: an http(s) or file URL, a folder, or a .zip/.jar
        of one (e.g. digitlab-repository.zip). Without ids, every feature of the repository not installed yet.
        They take effect at the next start.

          --trust-unsigned   install content that is unsigned or signed by an unknown signer (refused otherwise;
                             the lab's own example plugins of the same build are trusted)
        """;
    static final String UNINSTALL_USAGE = """
        Usage: digitlab uninstall FEATURE_OR_BUNDLE

        Uninstalls a plugin (as 'digitlab plugins' names it) and whatever only it needed, at the next start.
        Parts of Digit Lab itself cannot be uninstalled.
        """;
    static final String PLUGINS_USAGE = """
        Usage: digitlab plugins

        Lists what is installed in this lab: id, version, where it came from, name.
        """;

    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out where results go
     * @param err where problems go
     */
    public PluginsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the exit code */
    public int run(String[] args) {
        if (args.length == 0) {
            err.println("digitlab: no plugin command given (install, uninstall or plugins)");
            return 2;
        }
        String command = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        String usage = switch (command) {
            case "install" -> INSTALL_USAGE;
            case "uninstall" -> UNINSTALL_USAGE;
            case "plugins" -> PLUGINS_USAGE;
            default -> null;
        };
        if (usage == null) {
            err.println("digitlab: unknown plugin command '" + command + "'; known: install, uninstall, plugins");
            return 2;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(usage);
            return 0;
        }
        try {
            return switch (command) {
                case "install" -> install(rest);
                case "uninstall" -> uninstall(rest);
                default -> plugins(rest);
            };
        } catch (PluginException e) {
            err.println("digitlab " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private int install(List<String> args) throws PluginException {
        boolean trust = args.remove("--trust-unsigned");
        for (String arg : args) {
            if (arg.startsWith("-")) return usageError("install", "unknown option " + arg, INSTALL_USAGE);
        }
        if (args.isEmpty()) return usageError("install", "no repository given", INSTALL_USAGE);
        String source = args.get(0);
        long start = System.nanoTime();
        List<InstalledPlugin> installed = LabPlugins.ofRunningLab().install(source, args.subList(1, args.size()), trust, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (InstalledPlugin plugin : installed) {
            out.println("installed " + plugin.id() + " " + plugin.version() + " (" + plugin.name() + ")");
        }
        out.println(String.format(Locale.ROOT, "from %s in %.1f s; restart the lab to use %s", source, seconds,
            installed.size() == 1 ? "it" : "them"));
        return 0;
    }

    private int uninstall(List<String> args) throws PluginException {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return usageError("uninstall", args.isEmpty() ? "no plugin given" : "give exactly one plugin id", UNINSTALL_USAGE);
        }
        InstalledPlugin removed = LabPlugins.ofRunningLab().uninstall(args.get(0), null);
        out.println("uninstalled " + removed.id() + " " + removed.version() + "; restart the lab to see it gone");
        return 0;
    }

    private int plugins(List<String> args) throws PluginException {
        if (!args.isEmpty()) return usageError("plugins", "takes no arguments", PLUGINS_USAGE);
        List<InstalledPlugin> installed = LabPlugins.ofRunningLab().installed();
        int idWidth = 2;
        int versionWidth = 7;
        int originWidth = 4;
        for (InstalledPlugin p : installed) {
            idWidth = Math.max(idWidth, p.id().length());
            versionWidth = Math.max(versionWidth, p.version().length());
            originWidth = Math.max(originWidth, p.origin().length());
        }
        String row = "%-" + idWidth + "s  %-" + versionWidth + "s  %-" + originWidth + "s  %s%n";
        out.printf(row, "id", "version", "from", "name");
        for (InstalledPlugin p : installed) out.printf(row, p.id(), p.version(), p.origin(), p.name());
        return 0;
    }

    private int usageError(String command, String problem, String usage) {
        err.println("digitlab " + command + ": " + problem);
        err.print(usage);
        return 2;
    }
}
