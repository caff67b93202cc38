package digitlab.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule on bundle boundaries, checked on the sources of every bundle of the repository: no bundle uses
 * another bundle's {@code .internal} package (an import, a qualified name in code, an {@code Import-Package})
 * unless the owner exports that package with {@code x-friends} naming it. A test fragment counts as its host.
 */
class BundleBoundariesTest {

    /** digitlab.x.internal, digitlab.x.internal.y (the package part of a qualified name: lower-case segments). */
    static final Pattern INTERNAL = Pattern.compile("\\bdigitlab(?:\\.[a-z][a-z0-9_]*)*\\.internal(?:\\.[a-z][a-z0-9_]*)*");

    @Test
    void noBundleUsesAnothersInternalPackageWithoutBeingItsFriend() throws IOException {
        Map<String, Bundle> bundles = readBundles(bundlesFolder());
        assertTrue(bundles.size() >= 10, "found only " + bundles.keySet() + " under " + bundlesFolder());
        assertEquals(List.of(), violations(bundles));
    }

    @Test
    void theCheckFindsAnImportOfAnotherBundlesInternalsAndAcceptsAFriend() {
        Bundle owner = new Bundle("digitlab.a", null);
        owner.exported.add("digitlab.a.internal");
        Bundle user = new Bundle("digitlab.b", null);
        scanJava(user, "X.java", "package digitlab.b;\nimport digitlab.a.internal.Thing;\n"
                + "class X { String s = \"digitlab.a.internal.Quoted\"; // digitlab.a.internal.Commented\n}");
        Bundle fragment = new Bundle("digitlab.a.tests", "digitlab.a");
        scanJava(fragment, "T.java", "class T { digitlab.a.internal.Thing t; }");
        Map<String, Bundle> all = Map.of("digitlab.a", owner, "digitlab.b", user, "digitlab.a.tests", fragment);

        assertEquals(List.of("digitlab.b uses digitlab.a.internal of digitlab.a (X.java) without x-friends naming it"),
                violations(all));
        owner.friends.put("digitlab.a.internal", Set.of("digitlab.b"));
        assertEquals(List.of(), violations(all));
    }

    static List<String> violations(Map<String, Bundle> bundles) {
        List<String> violations = new ArrayList<>();
        for (Bundle user : bundles.values()) {
            String self = user.host == null ? user.name : user.host;
            for (Use use : user.uses) {
                Bundle owner = ownerOf(use.pkg, bundles);
                if (owner == null || owner.name.equals(self)) continue;
                Set<String> friends = owner.friends.get(use.pkg);
                if (friends == null || !friends.contains(user.name)) {
                    violations.add(user.name + " uses " + use.pkg + " of " + owner.name + " (" + use.where
                            + ") without x-friends naming it");
                }
            }
        }
        violations.sort(null);
        return violations;
    }

    static Path bundlesFolder() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bundles"))) return p.resolve("bundles");
            if (p.getFileName() != null && p.getFileName().toString().equals("bundles")) return p;
        }
        throw new IllegalStateException("no bundles folder above " + base);
    }

    static final class Bundle {
        final String name;
        final String host;
        final Set<String> exported = new TreeSet<>();
        final Map<String, Set<String>> friends = new HashMap<>();
        final List<Use> uses = new ArrayList<>();

        Bundle(String name, String host) {
            this.name = name;
            this.host = host;
        }
    }

    record Use(String pkg, String where) {
    }

    static Bundle ownerOf(String pkg, Map<String, Bundle> bundles) {
        for (Bundle b : bundles.values()) {
            if (b.exported.contains(pkg)) return b;
        }
        // not exported: the bundle whose name is the longest prefix of the package owns it
        Bundle best = null;
        for (Bundle b : bundles.values()) {
            if (b.host == null && (pkg.startsWith(b.name + ".")) && (best == null || b.name.length() > best.name.length())) {
                best = b;
            }
        }
        return best;
    }

    static Map<String, Bundle> readBundles(Path bundlesFolder) throws IOException {
        Map<String, Bundle> result = new HashMap<>();
        try (Stream<Path> dirs = Files.list(bundlesFolder)) {
            for (Path dir : dirs.sorted().toList()) {
                Path mf = dir.resolve("META-INF/MANIFEST.MF");
                if (!Files.isRegularFile(mf)) continue;
                Map<String, String> headers = headers(Files.readString(mf));
                String name = headers.get("Bundle-SymbolicName").split(";")[0].trim();
                String host = headers.containsKey("Fragment-Host") ? headers.get("Fragment-Host").split(";")[0].trim() : null;
                Bundle b = new Bundle(name, host);
                for (String clause : clauses(headers.getOrDefault("Export-Package", ""))) {
                    String pkg = clause.split(";")[0].trim();
                    b.exported.add(pkg);
                    Matcher m = Pattern.compile("x-friends:=\"([^\"]*)\"").matcher(clause);
                    if (m.find()) {
                        Set<String> names = new TreeSet<>();
                        for (String f : m.group(1).split(",")) names.add(f.trim());
                        b.friends.put(pkg, names);
                    }
                }
                for (String clause : clauses(headers.getOrDefault("Import-Package", ""))) {
                    String pkg = clause.split(";")[0].trim();
                    if (INTERNAL.matcher(pkg).matches()) b.uses.add(new Use(pkg, "META-INF/MANIFEST.MF Import-Package"));
                }
                for (String folder : List.of("src", "plugin.xml", "OSGI-INF")) {
                    Path p = dir.resolve(folder);
                    if (!Files.exists(p)) continue;
                    try (Stream<Path> files = Files.walk(p)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            String file = f.getFileName().toString();
                            if (file.endsWith(".java")) scanJava(b, dir.relativize(f).toString(), Files.readString(f));
                            else if (file.endsWith(".xml")) scanXml(b, dir.relativize(f).toString(), Files.readString(f));
                        }
                    }
                }
                result.put(name, b);
            }
        }
        return result;
    }

    /** Manifest headers, continuation lines joined. */
    static Map<String, String> headers(String manifest) {
        Map<String, String> h = new HashMap<>();
        String key = null;
        StringBuilder value = new StringBuilder();
        for (String line : manifest.split("\r?\n")) {
            if (line.startsWith(" ")) {
                value.append(line.substring(1));
                continue;
            }
            if (key != null) h.put(key, value.toString());
            key = null;
            int colon = line.indexOf(':');
            if (colon > 0) {
                key = line.substring(0, colon);
                value = new StringBuilder(line.substring(colon + 1).trim());
            }
        }
        if (key != null) h.put(key, value.toString());
        return h;
    }

    /** A header's clauses: split at commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                if (!cur.toString().isBlank()) out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().trim());
        return out;
    }

    /** Imports and qualified names in code; comments and string literals are left out. */
    static void scanJava(Bundle b, String file, String source) {
        String code = source
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"");
        Matcher m = INTERNAL.matcher(code);
        Set<String> seen = new TreeSet<>();
        while (m.find()) {
            String pkg = m.group();
            if (code.startsWith("package " + pkg + ";", Math.max(0, m.start() - 8))) continue;
            if (seen.add(pkg)) b.uses.add(new Use(pkg, file));
        }
    }

    /** Classes named in plugin.xml and DS component files. */
    static void scanXml(Bundle b, String file, String xml) {
        String markup = xml.replaceAll("(?s)<!--.*?-->", " ");
        Matcher m = Pattern.compile("(?:class|implementation|interface)=\"([^\"]+)\"").matcher(markup);
        Set<String> seen = new TreeSet<>();
        while (m.find()) {
            Matcher p = INTERNAL.matcher(m.group(1));
            if (p.find() && seen.add(p.group())) b.uses.add(new Use(p.group(), file));
        }
    }
}
