package digitlab.sdk.internal;

import digitlab.sdk.LabRepository;
import digitlab.sdk.NewPluginException;
import digitlab.sdk.PluginGenerator;
import digitlab.sdk.PluginId;
import digitlab.sdk.PluginKind;
import digitlab.sdk.PluginProject;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line {@code new-plugin --kind KIND --id ID [--name TEXT] [--lab-repository URL|DIR|ZIP] DIR}. Exit
 * codes: 0 written, 2 bad input (one line on standard error naming it; nothing written).
 */
public final class NewPluginCommand {

    static final String USAGE = """
        Usage: digitlab new-plugin --kind layer|optimizer|dataset|view --id ID [--name TEXT]
                                   [--lab-repository URL|DIR|ZIP] DIR

        Writes a plugin project into DIR (new or empty): a pomless Tycho build against the lab's p2 repository
        with a working example of the kind and its tests, a feature and a p2 repository to install from.
        Build it with './mvnw verify' in DIR (Java 21+); install it with
        'digitlab install --trust-unsigned DIR/ID.repository/target/repository'.

          --kind             layer (a layer type and a preset using it), optimizer, dataset or view
          --id               bundle symbolic name and Java package, e.g. com.example.swish; its last part names
                             the contribution (layer type, optimizer, dataset id)
          --name             the plugin's name for people (default: from the id and the kind)
          --lab-repository   the lab's p2 repository: URL, folder or .zip (default: the digitlab-repository.zip
                             beside this installation)
        """;

    private final PrintStream out;
    private final PrintStream err;
    private final Path installDir;

    /**
     * @param out        where the result goes
     * @param err        where problems go
     * @param installDir the lab's installation, near which the default repository is looked for
     */
    public NewPluginCommand(PrintStream out, PrintStream err, Path installDir) {
        this.out = out;
        this.err = err;
        this.installDir = installDir;
    }

    /** @return the exit code */
    public int run(String[] args) {
        String kind = null, id = null, name = null, repository = null, dir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (a.startsWith("--") && a.contains("=")) { // --kind=layer
                String[] kv = a.split("=", 2);
                args = splice(args, i, kv[0], kv[1]);
                a = kv[0];
            }
            switch (a) {
                case "--kind", "--id", "--name", "--lab-repository" -> {
                    if (i + 1 >= args.length) return usage(a + " needs a value");
                    String v = args[++i];
                    switch (a) {
                        case "--kind" -> kind = v;
                        case "--id" -> id = v;
                        case "--name" -> name = v;
                        default -> repository = v;
                    }
                }
                default -> {
                    if (a.startsWith("-")) return usage("unknown option " + a);
                    if (dir != null) return usage("give one folder; got " + dir + " and " + a);
                    dir = a;
                }
            }
        }
        if (kind == null) return usage("--kind is missing: " + String.join(", ", PluginKind.ids()));
        if (id == null) return usage("--id is missing, e.g. --id com.example.swish");
        if (dir == null) return usage("the project's folder is missing");
        try {
            PluginKind k;
            try {
                k = PluginKind.of(kind);
            } catch (IllegalArgumentException e) {
                return fail("--kind: " + e.getMessage());
            }
            PluginId pluginId;
            try {
                pluginId = new PluginId(id);
            } catch (IllegalArgumentException e) {
                return fail("--id: " + e.getMessage());
            }
            URI labRepository = repository != null ? LabRepository.of(repository) : defaultRepository();
            Path folder;
            try {
                folder = Path.of(dir);
            } catch (InvalidPathException e) {
                return fail(dir + ": not a valid folder name (" + e.getReason() + ")");
            }
            PluginProject project;
            try {
                project = new PluginProject(k, pluginId, name, labRepository);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            List<Path> files = PluginGenerator.generate(project, folder);
            Path abs = folder.toAbsolutePath().normalize();
            out.println("wrote " + files.size() + " files of " + project.name() + " (" + k.contribution() + ") into " + abs);
            out.println("build:   cd " + abs + " && ./mvnw verify");
            out.println("install: digitlab install --trust-unsigned " + abs.resolve(pluginId.value() + ".repository")
                    .resolve("target").resolve("repository"));
            return 0;
        } catch (NewPluginException e) {
            return fail(e.getMessage());
        }
    }

    private URI defaultRepository() throws NewPluginException {
        Optional<Path> zip = LabRepository.findBeside(installDir);
        if (zip.isEmpty()) {
            throw new NewPluginException("the lab's p2 repository was not found (no " + LabRepository.ZIP + " in "
                    + installDir + " or the folders above it); give --lab-repository URL|DIR|ZIP");
        }
        return LabRepository.of(zip.get().toString());
    }

    private static String[] splice(String[] args, int i, String key, String value) {
        String[] result = new String[args.length + 1];
        System.arraycopy(args, 0, result, 0, i);
        result[i] = key;
        result[i + 1] = value;
        System.arraycopy(args, i + 1, result, i + 2, args.length - i - 1);
        return result;
    }

    private int fail(String problem) {
        err.println("digitlab new-plugin: " + problem);
        return 2;
    }

    private int usage(String problem) {
        err.println("digitlab new-plugin: " + problem + " (digitlab new-plugin --help)");
        return 2;
    }
}
