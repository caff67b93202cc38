package digitlab.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated projects: the files of each kind, all placeholders filled, well-formed XML, the index. */
class PluginGeneratorTest {

    private static final URI REPO = URI.create("jar:file:///opt/lab/digitlab-repository.zip!/");

    private static PluginProject project(PluginKind kind, String id) {
        return new PluginProject(kind, new PluginId(id), null, REPO);
    }

    @Test
    void everyKindWritesABuildableLayoutWithItsExtensionPoint(@TempDir Path tmp) throws Exception {
        Map<PluginKind, String> points = Map.of(PluginKind.LAYER, "digitlab.nn.layers", PluginKind.OPTIMIZER,
                "digitlab.nn.optimizers", PluginKind.DATASET, "digitlab.data.datasets", PluginKind.VIEW, "org.eclipse.ui.views");
        for (PluginKind kind : PluginKind.values()) {
            Path dir = tmp.resolve(kind.id());
            List<Path> written = PluginGenerator.generate(project(kind, "org.acme.my_" + kind.id()), dir);
            String id = "org.acme.my_" + kind.id();
            for (String expected : List.of("pom.xml", ".mvn/extensions.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                    "README.md", id + "/META-INF/MANIFEST.MF", id + "/plugin.xml", id + "/build.properties",
                    id + ".tests/META-INF/MANIFEST.MF", id + ".feature/feature.xml", id + ".repository/category.xml",
                    id + ".repository/pom.xml", id + ".target/" + id + ".target", id + ".target/pom.xml")) {
                assertTrue(written.contains(Path.of(expected)), kind + ": " + expected + " in " + written);
                assertTrue(Files.isRegularFile(dir.resolve(expected)), kind + ": " + expected + " written");
            }
            assertTrue(Files.isExecutable(dir.resolve("mvnw")), "the Maven wrapper is executable");
            String manifest = Files.readString(dir.resolve(id + "/META-INF/MANIFEST.MF"));
            assertTrue(manifest.contains("Bundle-SymbolicName: " + id + ";singleton:=true"), manifest);
            assertTrue(manifest.contains("Bundle-Name: " + new PluginId(id).className() + " " + kind.id() + " plugin"), manifest);
            assertTrue(Files.readString(dir.resolve(id + "/plugin.xml")).contains("point=\"" + points.get(kind) + "\""));
            assertTrue(Files.readString(dir.resolve(id + ".target/" + id + ".target")).contains(REPO.toString()));
            List<Path> java = javaFiles(dir);
            assertTrue(java.size() >= 2, kind + ": the example and its test: " + java);
            assertTrue(java.stream().anyMatch(p -> p.toString().contains(id + ".tests/src/org/acme/my_" + kind.id() + "/")));
            for (Path p : java) {
                assertTrue(Files.readString(p).startsWith("package " + id + ";"), p + " is in the package " + id);
            }
            for (Path p : written) {
                String text = Files.readString(dir.resolve(p));
                assertFalse(text.contains("@@") || p.toString().contains("__"), kind + ": a placeholder is left in " + p);
                if (p.toString().endsWith(".xml") || p.toString().endsWith(".target")) {
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(p).toFile());
                }
            }
            assertTrue(Files.readString(dir.resolve("README.md")).contains("digitlab install --trust-unsigned " + id
                    + ".repository/target/repository"));
        }
        // only the view's tests run in the workbench, and only its target adds Tycho's UI harness
        assertTrue(Files.exists(tmp.resolve("view/org.acme.my_view.tests/pom.xml")));
        assertFalse(Files.exists(tmp.resolve("layer/org.acme.my_layer.tests/pom.xml")));
        assertTrue(Files.readString(tmp.resolve("view/org.acme.my_view.target/org.acme.my_view.target")).contains("org.eclipse.ui.ide.application"));
        assertFalse(Files.readString(tmp.resolve("layer/org.acme.my_layer.target/org.acme.my_layer.target")).contains("org.eclipse.ui.ide.application"));
    }

    @Test
    void theContributionIsNamedAfterTheIdsLastSegment(@TempDir Path tmp) throws Exception {
        List<Path> written = PluginGenerator.generate(new PluginProject(PluginKind.LAYER, new PluginId("com.example.swish"),
                "My <Swish> & co -- 2", REPO), tmp);
        for (Path p : written) { // markup and "--" in the name leave every XML file well-formed (comments too)
            if (p.toString().endsWith(".xml") || p.toString().endsWith(".target")) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve(p).toFile());
            }
        }
        String pluginXml = Files.readString(tmp.resolve("com.example.swish/plugin.xml"));
        assertTrue(pluginXml.contains("type=\"swish\"") && pluginXml.contains("class=\"com.example.swish.Swish$Factory\""), pluginXml);
        assertTrue(pluginXml.contains("name=\"swish-mlp\""), pluginXml);
        assertTrue(Files.isRegularFile(tmp.resolve("com.example.swish/src/com/example/swish/SwishPreset.java")));
        assertTrue(Files.readString(tmp.resolve("com.example.swish.feature/feature.xml")).contains("label=\"My &lt;Swish&gt; &amp; co -- 2\""));
    }

    @Test
    void aFolderWithFilesIsRefusedAndKeptAsItWas(@TempDir Path tmp) throws Exception {
        Path mine = Files.writeString(tmp.resolve("mine.txt"), "keep me");
        NewPluginException e = assertThrows(NewPluginException.class,
                () -> PluginGenerator.generate(project(PluginKind.OPTIMIZER, "com.example.opt"), tmp));
        assertEquals(tmp + " is not empty; give a new or empty folder (nothing is overwritten)", e.getMessage());
        assertEquals(List.of(mine), list(tmp));
        assertEquals("keep me", Files.readString(mine));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        PluginGenerator.generate(project(PluginKind.OPTIMIZER, "com.example.opt"), empty);
        assertTrue(Files.isRegularFile(empty.resolve("pom.xml")), "an empty folder is filled");
        assertEquals(List.of(empty, mine), list(tmp), "no staging folder left beside it");
    }

    @Test
    void idsAreValidatedAsBundleNamesAndPackages() {
        for (String bad : List.of("", "swish", "com..x", "com.example.", "Com.example.x", "com.example.new",
                "com.1x.y", "com.ex-ample.x", "digitlab.mine", "com.example.x y")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PluginId(bad), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "' is not a plugin id: "), e.getMessage());
        }
        assertEquals("MyLayer", new PluginId("org.acme.my_layer").className());
        assertEquals("my_layer", new PluginId("org.acme.my_layer").shortName());
        assertEquals("org/acme/my_layer", new PluginId("org.acme.my_layer").packagePath());
    }

    @Test
    void theIndexListsExactlyTheTemplateFiles() throws IOException {
        Path templates = sdkBundle().resolve("templates");
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            files.filter(Files::isRegularFile).map(p -> templates.relativize(p).toString())
                    .filter(p -> p.contains("/")).sorted().forEach(onDisk::add);
        }
        List<String> indexed = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (String t : PluginGenerator.templates(kind)) if (!indexed.contains(t)) indexed.add(t);
        }
        indexed.sort(null);
        assertEquals(onDisk, indexed);
    }

    static Path sdkBundle() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("digitlab.sdk/templates"))) return p.resolve("digitlab.sdk");
            if (Files.isDirectory(p.resolve("bundles/digitlab.sdk/templates"))) return p.resolve("bundles/digitlab.sdk");
        }
        throw new IllegalStateException("no digitlab.sdk/templates above " + base);
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
