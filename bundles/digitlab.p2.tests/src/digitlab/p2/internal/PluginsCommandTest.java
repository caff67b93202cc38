package digitlab.p2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command lines that never reach p2 (the test runtime has no p2 profile; the product tests run the rest). */
class PluginsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PluginsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void installWithoutRepositoryIsAUsageError() {
        assertEquals(2, run("install"));
        assertEquals("digitlab install: no repository given", firstErrorLine());
    }

    @Test
    void unknownOptionIsNamed() {
        assertEquals(2, run("install", "--trust-everything", "/tmp"));
        assertEquals("digitlab install: unknown option --trust-everything", firstErrorLine());
    }

    @Test
    void uninstallTakesOneId() {
        assertEquals(2, run("uninstall", "a", "b"));
        assertEquals("digitlab uninstall: give exactly one plugin id", firstErrorLine());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("install", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: digitlab install"));
    }

    @Test
    void withoutAProfileTheLabSaysSo() {
        // The OSGi test runtime is not a p2 installation: no eclipse.p2.data.area, hence no profile.
        assertEquals(1, run("plugins"));
        assertTrue(firstErrorLine().startsWith("digitlab plugins: "), firstErrorLine());
    }
}
