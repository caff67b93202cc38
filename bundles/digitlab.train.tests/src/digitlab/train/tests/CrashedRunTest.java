package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.Run;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose training process is killed (kill -9) stays RUNNING in run.json only while that process lives:
 * afterwards the store reports it INTERRUPTED and writes so into run.json (issue 14, finding 13). The
 * "training process" here is a second JVM that holds the run's owner lock as a training session does.
 */
class CrashedRunTest {

    /** A process that takes the lock of the folder given as its argument, says "locked" and waits to be killed. */
    private static final String HOLDER = """
            import java.nio.channels.FileChannel;
            import java.nio.file.*;
            public class Holder {
                public static void main(String[] a) throws Exception {
                    FileChannel c = FileChannel.open(Path.of(a[0], "owner.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    if (c.tryLock() == null) { System.out.println("busy"); return; }
                    System.out.println("locked");
                    Thread.sleep(600_000);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aRunIsRunningWhileItsProcessLivesAndInterruptedAfterAKill() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        Run run = store.create(TrainingRequest.defaults());
        Path info = run.directory().resolve(Run.INFO_FILE);
        Files.writeString(info, Files.readString(info).replace("\"NEW\"", "\"RUNNING\""));
        Path source = dir.resolve("Holder.java");
        Files.writeString(source, HOLDER);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, source.toString(), run.directory().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine(), "the holder process took the lock");

            assertEquals(RunStatus.RUNNING, store.list().get(0).status(), "trained by another process: still running");
            assertTrue(Files.readString(info).contains("\"RUNNING\""));
            assertThrows(IllegalStateException.class, () -> store.delete(run.id()), "a run trained elsewhere is not deleted");

            holder.destroyForcibly(); // kill -9
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));

            var after = store.list().get(0);
            assertEquals(RunStatus.INTERRUPTED, after.status());
            assertTrue(after.canResume() || !after.hasCheckpoint(), "resumable when it has epochs left");
            String file = Files.readString(info);
            assertTrue(file.contains("\"INTERRUPTED\""), "run.json says so too: " + file);
            assertTrue(file.contains("resume it to continue"), file);
        } finally {
            holder.destroyForcibly();
        }
    }
}
