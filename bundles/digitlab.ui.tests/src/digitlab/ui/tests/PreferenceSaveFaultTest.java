package digitlab.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;

import digitlab.ui.internal.prefs.DatasetsPreferencePage;
import digitlab.ui.internal.prefs.FashionFolderPreference;
import digitlab.ui.internal.prefs.PreferenceSaving;

/**
 * Preferences are saved atomically (issue 9): a save that fails midway leaves the previous file intact and
 * loadable, and the user is told which file and why, in one line.
 * <p>
 * The faults are real I/O failures in Equinox's own writer, not a mock: Equinox writes
 * {@code <bundle>.prefs.bak} and renames it over {@code <bundle>.prefs} ({@link PreferenceSaving}), so the
 * test puts something at {@code .bak} that fails the write: a symbolic link to {@code /dev/full} (every write
 * fails with "No space left on device", as on a full disk) or a named pipe whose reader takes N bytes of the
 * new file and hangs up, so the write fails with "Broken pipe" after exactly N bytes (N = 0 to 300,000 of a
 * 400 KB file). After each failure the file must hold the previous bytes, parse, and give the previous
 * value; the next save without the fault must write the new value.
 */
@EnabledOnOs(OS.LINUX) // /dev/full and mkfifo
class PreferenceSaveFaultTest {

    private static final String QUALIFIER = "digitlab.ui";

    @TempDir
    Path temp;

    private final List<Path> faults = new ArrayList<>();

    @AfterEach
    void removeFaults() throws IOException {
        for (Path p : faults) Files.deleteIfExists(p);
    }

    @Test
    void aSaveFailingMidwayKeepsThePreviousFileIntactAndLoadable() throws Exception {
        IEclipsePreferences root = InstanceScope.INSTANCE.getNode(QUALIFIER);
        Preferences node = root.node("faultTest");
        Path file = PreferenceSaving.file(QUALIFIER);
        Path bak = file.resolveSibling(file.getFileName() + ".bak");
        try {
            node.put("value", "before");
            assertNull(PreferenceSaving.flush(node));
            byte[] before = Files.readAllBytes(file);
            assertEquals("before", load(file).getProperty("faultTest/value"), "the saved file holds the value");

            String big = "x".repeat(400_000); // larger than a pipe's buffer, so the writer cannot finish early
            // a full disk: every write fails
            node.put("value", "full disk " + big);
            Files.createSymbolicLink(bak, Path.of("/dev/full"));
            faults.add(bak);
            String problem = PreferenceSaving.flush(node);
            Files.delete(bak);
            assertClear(problem, file, "No space left on device");
            assertIntact(file, before);
            assertEquals("before", load(file).getProperty("faultTest/value"));
            System.out.println("[prefs] /dev/full: " + problem);

            // the write cut after n bytes
            for (long n : new long[] {0, 1, 100, 4096, 65_536, 300_000}) {
                node.put("value", "cut at " + n + " " + big);
                AtomicLong read = new AtomicLong(-1);
                Thread reader = pipeReadingOnly(bak, n, read);
                problem = PreferenceSaving.flush(node);
                reader.join(TimeUnit.SECONDS.toMillis(30));
                Files.deleteIfExists(bak);
                assertFalse(reader.isAlive(), "the pipe's reader ended");
                assertEquals(n, read.get(), "the writer got " + n + " bytes into the file before it failed");
                assertClear(problem, file, "Broken pipe");
                assertIntact(file, before);
                assertEquals("before", load(file).getProperty("faultTest/value"));
                System.out.println("[prefs] write cut after " + n + " bytes: file intact, " + problem);
            }

            // no fault: the value that failed to save is still in memory and is written now
            assertNull(PreferenceSaving.flush(node));
            assertEquals("cut at 300000 " + big, load(file).getProperty("faultTest/value"));
        } finally {
            Files.deleteIfExists(bak);
            node.removeNode();
            root.flush();
        }
    }

    @Test
    void theFirstSaveOfAPreferencesFileIsAtomicToo() throws Exception {
        String qualifier = "digitlab.ui.tests.firstsave";
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(qualifier);
        Path file = PreferenceSaving.file(qualifier);
        Path bak = file.resolveSibling(file.getFileName() + ".bak");
        Files.deleteIfExists(file);
        try {
            node.put("value", "first");
            Files.createDirectories(file.getParent());
            Files.createSymbolicLink(bak, Path.of("/dev/full"));
            faults.add(bak);
            String problem = PreferenceSaving.flush(node);
            Files.delete(bak);
            assertClear(problem, file, "No space left on device");
            // Equinox alone would have written the new file in place (a torn file on a failure); here it
            // exists with the version line only: loadable, no half-written value
            Properties p = load(file);
            assertEquals("1", p.getProperty("eclipse.preferences.version"));
            assertNull(p.getProperty("value"));
            assertNull(PreferenceSaving.flush(node));
            assertEquals("first", load(file).getProperty("value"));
        } finally {
            Files.deleteIfExists(bak);
            node.clear();
            node.flush(); // an empty node: Equinox deletes the file
            Files.deleteIfExists(file);
        }
    }

    @Test
    void thePreferencePageSaysWhichFileAndWhyAndKeepsThePreviousFolder() throws Exception {
        IEclipsePreferences node = FashionFolderPreference.node();
        String old = node.get(FashionFolderPreference.KEY, "");
        Path file = PreferenceSaving.file(QUALIFIER);
        Path bak = file.resolveSibling(file.getFileName() + ".bak");
        Path previous = Files.createDirectories(temp.resolve("previous"));
        Path wanted = Files.createDirectories(temp.resolve("wanted"));
        try {
            node.put(FashionFolderPreference.KEY, previous.toString());
            assertNull(PreferenceSaving.flush(node));
            byte[] before = Files.readAllBytes(file);
            PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.display().getActiveShell(),
                    DatasetsPreferencePage.ID, null, null);
            dialog.setBlockOnOpen(false);
            dialog.open();
            Ui.drain();
            try {
                DatasetsPreferencePage page = assertInstanceOf(DatasetsPreferencePage.class, dialog.getSelectedPage());
                page.setFashionFolder(wanted.toString());
                Ui.drain();
                Files.createSymbolicLink(bak, Path.of("/dev/full"));
                faults.add(bak);
                assertFalse(page.performOk(), "OK is refused while the preferences cannot be saved");
                Files.delete(bak);
                String message = page.getErrorMessage();
                assertNotNull(message, "the page shows why");
                assertEquals("Cannot save the preferences to " + file
                        + ": No space left on device; the file keeps the previous settings.", message);
                assertIntact(file, before);
                assertEquals(previous.toString(), load(file).getProperty(FashionFolderPreference.KEY));
                System.out.println("[prefs] the Datasets page on a full disk: " + message);
                assertTrue(page.performOk(), "with room on the disk, OK saves");
                assertEquals(wanted.toString(), load(file).getProperty(FashionFolderPreference.KEY));
            } finally {
                dialog.close();
            }
        } finally {
            Files.deleteIfExists(bak);
            if (old.isEmpty()) node.remove(FashionFolderPreference.KEY);
            else node.put(FashionFolderPreference.KEY, old);
            node.flush();
        }
    }

    /** One line that names the file and the reason; no exception class names or stack frames. */
    private static void assertClear(String problem, Path file, String reason) {
        assertNotNull(problem, "the save failed and says so");
        assertEquals("Cannot save the preferences to " + file + ": " + reason + "; the file keeps the previous settings.",
                problem);
        assertFalse(problem.contains("Exception") || problem.contains("\n") || problem.contains("\tat "), problem);
    }

    /** The file holds exactly the previous bytes and still parses. */
    private static void assertIntact(Path file, byte[] before) throws IOException {
        assertArrayEquals(before, Files.readAllBytes(file), file + " keeps the previous bytes");
        assertEquals("1", load(file).getProperty("eclipse.preferences.version"), file + " loads");
    }

    /** Reads the file the way Equinox loads it ({@link Properties#load}). */
    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** Makes {@code at} a named pipe whose reader reads {@code n} bytes and hangs up; {@code read} gets the count. */
    private Thread pipeReadingOnly(Path at, long n, AtomicLong read) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
                "mkfifo " + at + ": " + new String(mkfifo.getInputStream().readAllBytes()));
        faults.add(at);
        Thread t = new Thread(() -> {
            long got = 0;
            try (InputStream in = Files.newInputStream(at)) { // blocks until the writer opens the pipe
                byte[] buf = new byte[8192];
                while (got < n) {
                    int r = in.read(buf, 0, (int) Math.min(buf.length, n - got));
                    if (r < 0) break;
                    got += r;
                }
            } catch (IOException e) {
                got = -2;
            }
            read.set(got);
        }, "pipe reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
