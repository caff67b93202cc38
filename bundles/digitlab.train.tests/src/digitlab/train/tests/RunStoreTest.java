package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.train.BatchPoint;
import digitlab.train.EpochPoint;
import digitlab.train.MetricHistory;
import digitlab.train.Run;
import digitlab.train.RunComparison;
import digitlab.train.RunInfo;
import digitlab.train.RunStatus;
import digitlab.train.RunStore;
import digitlab.train.TrainingRequest;
import digitlab.train.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path dir;

    @AfterEach
    void noFaults() {
        AtomicFiles.faultInjector = null;
    }

    @Test
    void createListRenameCompareDelete() throws IOException {
        RunStore store = new RunStore(dir);
        List<String> events = new ArrayList<>();
        store.addListener((s, id) -> events.add(id));
        TrainingRequest a = TrainingRequest.defaults().toBuilder().seed(3).build();
        TrainingRequest b = TrainingRequest.defaults().toBuilder().seed(4).learningRate(0.01).build();
        Run ra = store.create(a);
        Run rb = store.create(b);
        assertNotEquals(ra.id(), rb.id());
        assertEquals(List.of(ra.id(), rb.id()), events);

        List<RunInfo> list = store.list();
        assertEquals(2, list.size());
        RunInfo info = store.open(ra.id()).info();
        assertEquals(RunStatus.NEW, info.status());
        assertEquals("mlp 256-128 relu on mnist", info.name());
        assertEquals(a, ra.request());
        assertFalse(info.hasModel());

        store.rename(ra.id(), "first try");
        assertEquals("first try", ra.info().name());
        assertThrows(IllegalArgumentException.class, () -> store.rename(ra.id(), "  "));

        RunComparison c = store.compare(ra.id(), rb.id());
        assertEquals(List.of(String.valueOf(a.learningRate()), "0.01"), c.differences().get("learningRate"));
        assertEquals(List.of("3", "4"), c.differences().get("seed"));
        assertEquals(2, c.differences().size());

        store.delete(ra.id());
        assertEquals(1, store.list().size());
        assertThrows(NoSuchFileException.class, () -> store.open(ra.id()));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing but the remaining run is left");
        }
        assertThrows(IllegalArgumentException.class, () -> store.open("../etc"));
    }

    @Test
    void aRunLeftRunningByACrashReadsAsInterruptedAndResumable() throws IOException {
        RunStore store = new RunStore(dir);
        Run r = store.create(TrainingRequest.defaults());
        Path file = r.directory().resolve(Run.INFO_FILE);
        Files.writeString(file, Files.readString(file).replace("\"NEW\"", "\"RUNNING\""));
        RunInfo info = store.list().get(0);
        assertEquals(RunStatus.INTERRUPTED, info.status());
        assertTrue(info.status().isResumable());
        assertFalse(r.isActive());
    }

    @Test
    void brokenRunFileIsListedAsFailed() throws IOException {
        RunStore store = new RunStore(dir);
        Run r = store.create(TrainingRequest.defaults());
        Files.writeString(r.directory().resolve(Run.INFO_FILE), "{\"status\": ", StandardCharsets.UTF_8);
        RunInfo info = store.list().get(0);
        assertEquals(RunStatus.FAILED, info.status());
        assertTrue(info.message().contains(Run.INFO_FILE), info.message());
        IOException e = assertThrows(IOException.class, r::info);
        assertTrue(e.getMessage().contains("run.json"), e.getMessage());
        store.delete(r.id());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
        RunStore store = new RunStore(dir);
        Run r = store.create(TrainingRequest.defaults());
        store.rename(r.id(), "good name");
        Path file = r.directory().resolve(Run.INFO_FILE);
        byte[] before = Files.readAllBytes(file);
        AtomicFiles.faultInjector = target -> {
            throw new IOException(target + ": No space left on device (simulated)");
        };
        IOException e = assertThrows(IOException.class, () -> store.rename(r.id(), "never saved"));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        AtomicFiles.faultInjector = null;
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
        assertEquals("good name", r.info().name());
        try (Stream<Path> s = Files.list(r.directory())) {
            assertEquals(List.of(Run.INFO_FILE), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheOldContent() throws IOException {
        Path f = dir.resolve("data.bin");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void historyCsvRoundTripAndTrim() {
        MetricHistory h = MetricHistory.EMPTY
                .with(new BatchPoint(1, 10, 20, 10, 1.5, 0.5, 0.001, 1000, 0.5))
                .with(new BatchPoint(1, 20, 20, 20, 1.0, 0.7, 0.001, 1100, 1.0))
                .with(new EpochPoint(1, 2, 20, 1.2, 0.6, 0.9, 0.75, 0.001, 1050, 1.0, 1.1))
                .with(new BatchPoint(2, 10, 20, 30, 0.8, 0.8, 0.0005, 1200, 1.6))
                .with(new EpochPoint(2, 2, 40, Double.NaN, 0.8, Double.NaN, Double.NaN, 0.0005, 1200, 1.0, 2.1));
        MetricHistory back = MetricHistory.parseCsv(h.toCsv());
        assertEquals(h, back);
        MetricHistory trimmed = back.upTo(20, 1);
        assertEquals(2, trimmed.batches().size());
        assertEquals(1, trimmed.epochs().size());
        assertEquals(1.1, trimmed.elapsedSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricHistory.parseCsv(MetricHistory.CSV_HEADER + "\nbatch,1,x,2,3,,,,,,,,\n"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }
}
