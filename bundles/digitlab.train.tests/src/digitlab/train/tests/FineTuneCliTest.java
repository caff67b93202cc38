package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.nn.io.ModelFormat;
import digitlab.train.mydrawings.MyDrawing;
import digitlab.train.mydrawings.MyDrawingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digitlab finetune} and {@code --dataset mydrawings} on the workspace's My drawings. */
class FineTuneCliTest {

    @TempDir
    Path dir;

    @Test
    void finetuneAndEvalOnMyDrawings() throws IOException {
        MyDrawingsStore store = MyDrawingsStore.workspace();
        List<MyDrawing> taught = new ArrayList<>();
        try {
            if (store.list().isEmpty()) {
                CliTest.assertOneLine(CliTest.cli("finetune"), 1, "My drawings has no drawing to learn yet");
            }
            Handwriting hand = new Handwriting(5);
            for (int round = 0; round < 2; round++) {
                for (int d = 0; d < 10; d++) {
                    Handwriting.Sample s = hand.draw(d);
                    taught.add(store.add(d, s.image(), s.strokes()));
                }
            }
            Path out = dir.resolve("tuned.dlm");
            CliTest.Result r = CliTest.cli("finetune", "--epochs", "1", "--mnist", "2000", "--threads", "1", "--out",
                    out.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("held-out drawings:"), r.out());
            Map<String, Object> j = r.json();
            assertEquals("completed", j.get("status"));
            assertEquals(10.0, j.get("heldout_drawings"), "the second drawing of each digit is held out");
            assertEquals(out.toAbsolutePath().toString(), j.get("model"));
            assertEquals("ready model", j.get("base"));
            double after = (Double) j.get("mnist_test_after");
            assertEquals(after, ModelFormat.load(out).metadata().metrics().get("test_accuracy"), 1e-12);

            CliTest.Result e = CliTest.cli("eval", "--model", out.toString(), "--dataset", "mydrawings", "--json");
            assertEquals(0, e.code(), e.err());
            assertEquals(10.0, e.json().get("size"), "eval --dataset mydrawings: the held-out drawings");
            assertEquals((Double) j.get("heldout_after"), (Double) e.json().get("accuracy"), 1e-12);
        } finally {
            for (MyDrawing d : taught) store.remove(d.id());
        }
    }

    @Test
    void badOptionsAreOneLineNamingTheFlag() {
        CliTest.assertOneLine(CliTest.cli("finetune", "--epochs", "0"), 2, "--epochs: epochs 0 must be between 1 and 100");
        CliTest.assertOneLine(CliTest.cli("finetune", "--lr", "2"), 2, "--lr: learning rate 2.0 must be above 0");
        CliTest.assertOneLine(CliTest.cli("finetune", "--share", "0.95"), 2, "--share:");
        CliTest.assertOneLine(CliTest.cli("finetune", "--mnist", "abc"), 2, "--mnist: 'abc' is not a whole number");
        CliTest.assertOneLine(CliTest.cli("finetune", "--model", dir.resolve("absent.dlm").toString()), 1, "absent.dlm");
        CliTest.assertOneLine(CliTest.cli("finetune", "--out", dir.toString()), 2, "--out:");
    }

    @Test
    void aDamagedStoreIsNamedAndKept() throws IOException {
        MyDrawingsStore store = MyDrawingsStore.workspace();
        Path file = store.file();
        Path saved = dir.resolve("saved.json");
        boolean existed = Files.exists(file);
        if (existed) Files.copy(file, saved);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"format\": \"digitlab-mydrawings\", \"version\": 1, \"drawings\": [{\"id\": ");
            CliTest.assertOneLine(CliTest.cli("finetune"), 1, file + ": My drawings file is damaged");
            CliTest.assertOneLine(CliTest.cli("eval", "--dataset", "mydrawings"), 1, file + ": My drawings file is damaged");
            assertTrue(Files.readString(file).endsWith("\"id\": "), "left as it was");
        } finally {
            if (existed) Files.copy(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            else Files.deleteIfExists(file);
        }
    }
}
