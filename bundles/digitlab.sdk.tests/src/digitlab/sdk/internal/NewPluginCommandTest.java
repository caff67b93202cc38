package digitlab.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: a project written from the zip beside the installation; bad input named in one line with
 * exit code 2 and nothing written.
 */
class NewPluginCommandTest {

    @TempDir
    Path tmp;
    private Path install;
    private String out;
    private String err;

    @BeforeEach
    void installationWithTheZipFiveLevelsUp() throws IOException {
        // the build's layout: products/digitlab-repository.zip beside products/digitlab.product/linux/gtk/x86_64/digitlab
        install = Files.createDirectories(tmp.resolve("products/digitlab.product/linux/gtk/x86_64/digitlab"));
        Files.write(tmp.resolve("products/digitlab-repository.zip"), new byte[] {'P', 'K', 5, 6});
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = new NewPluginCommand(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), install).run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void writesAProjectAgainstTheZipBesideTheInstallation() throws IOException {
        Path dir = tmp.resolve("work/swish");
        assertEquals(0, run("--kind", "layer", "--id", "com.example.swish", "--name", "Swish", dir.toString()), err);
        assertEquals("", err);
        assertTrue(out.startsWith("wrote 21 files of Swish (a layer type and a preset that uses it) into " + dir), out);
        assertTrue(out.contains("install: digitlab install --trust-unsigned " + dir + "/com.example.swish.repository/target/repository"), out);
        String target = Files.readString(dir.resolve("com.example.swish.target/com.example.swish.target"));
        assertTrue(target.contains("location=\"jar:" + tmp.resolve("products/digitlab-repository.zip").toUri() + "!/\""), target);
    }

    @Test
    void badInputIsOneLineWithExitCodeTwoAndNothingWritten() throws IOException {
        Path dir = tmp.resolve("p");
        Path notP2 = Files.createDirectories(tmp.resolve("not-p2"));
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        String[][] cases = {
            {"--kind", "widget", "--id", "com.example.x", dir.toString()},
            {"--kind", "layer", "--id", "Com.Example", dir.toString()},
            {"--kind", "layer", "--id", "com.example.new", dir.toString()},
            {"--kind", "layer", "--id", "com.example.x", full.toString()},
            {"--kind", "layer", "--id", "com.example.x", "--lab-repository", tmp.resolve("nowhere.zip").toString(), dir.toString()},
            {"--kind", "layer", "--id", "com.example.x", "--lab-repository", notP2.toString(), dir.toString()},
            {"--kind", "layer", "--id", "com.example.x"},
            {"--id", "com.example.x", dir.toString()},
            {"--kind", "layer", "--id", "com.example.x", "--color", dir.toString()},
        };
        String[] expected = {
            "digitlab new-plugin: --kind: unknown kind 'widget'; known: layer, optimizer, dataset, view",
            "digitlab new-plugin: --id: 'Com.Example' is not a plugin id: segment 'Com' must be lower-case letters, digits or '_', starting with a letter (an id is a bundle symbolic name and Java package such as com.example.swish)",
            "digitlab new-plugin: --id: 'com.example.new' is not a plugin id: segment 'new' is a Java keyword",
            "digitlab new-plugin: " + full + " is not empty; give a new or empty folder (nothing is overwritten)",
            "digitlab new-plugin: --lab-repository " + tmp.resolve("nowhere.zip") + ": no such file or folder",
            "digitlab new-plugin: --lab-repository " + notP2 + ": not a p2 repository (no content.xml, content.jar or compositeContent.xml in it)",
            "digitlab new-plugin: the project's folder is missing (digitlab new-plugin --help)",
            "digitlab new-plugin: --kind is missing: layer, optimizer, dataset, view (digitlab new-plugin --help)",
            "digitlab new-plugin: unknown option --color (digitlab new-plugin --help)",
        };
        for (int i = 0; i < cases.length; i++) {
            assertEquals(2, run(cases[i]), String.join(" ", cases[i]));
            assertEquals("", out);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith(expected[i]), "got: " + err + "expected: " + expected[i]);
        }
        assertFalse(Files.exists(dir), "nothing written");
        assertEquals(List.of(full.resolve("keep.txt")), list(full));
        assertEquals(List.of(full, notP2, tmp.resolve("products")), list(tmp), "no staging folder left");
    }

    @Test
    void withoutTheZipTheRepositoryMustBeGiven() throws IOException {
        Files.delete(tmp.resolve("products/digitlab-repository.zip"));
        assertEquals(2, run("--kind", "dataset", "--id", "com.example.d", tmp.resolve("d").toString()));
        assertEquals("digitlab new-plugin: the lab's p2 repository was not found (no digitlab-repository.zip in " + install
                + " or the folders above it); give --lab-repository URL|DIR|ZIP\n", err);
        assertFalse(Files.exists(tmp.resolve("d")));
        // a folder that is a p2 repository, as a file: URL
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("content.xml"), "<repository/>");
        assertEquals(0, run("--kind=dataset", "--id=com.example.d", "--lab-repository", repo.toString(), tmp.resolve("d").toString()), err);
        assertTrue(Files.readString(tmp.resolve("d/com.example.d.target/com.example.d.target"))
                .contains("location=\"" + repo.toUri() + "\""));
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.startsWith("Usage: digitlab new-plugin --kind layer|optimizer|dataset|view --id ID"), out);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
