package digitlab.train.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitlab.data.ImageSet;
import digitlab.data.Split;
import digitlab.train.internal.AtomicFiles;
import digitlab.train.mydrawings.MyDrawing;
import digitlab.train.mydrawings.MyDrawingsDataset;
import digitlab.train.mydrawings.MyDrawingsStore;
import digitlab.train.mydrawings.PenStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** My drawings: teaching keeps a drawing across restarts; bad input is refused and loses nothing. */
class MyDrawingsStoreTest {

    @TempDir
    Path dir;

    private final Handwriting hand = new Handwriting(3);

    private MyDrawing teach(MyDrawingsStore store, int digit) throws IOException {
        Handwriting.Sample s = hand.draw(digit);
        return store.add(digit, s.image(), s.strokes());
    }

    @Test
    void aTaughtDrawingSurvivesARestartWithItsStrokesAndImage() throws IOException {
        Handwriting.Sample s = hand.draw(4);
        MyDrawing added = new MyDrawingsStore(dir).add(4, s.image(), s.strokes());
        // a new store on the same folder: what the next start of the lab sees
        List<MyDrawing> again = new MyDrawingsStore(dir).list();
        assertEquals(List.of(added), again);
        MyDrawing d = again.get(0);
        assertEquals(4, d.label());
        assertEquals(s.strokes(), d.strokes(), "the strokes come back as the same vectors");
        byte[] image = d.image();
        for (int i = 0; i < 784; i++) assertEquals(Math.round(s.image()[i] * 255), image[i] & 0xFF, "pixel " + i);
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file is left");
    }

    @Test
    void theDatasetHasTheDrawingsAndHoldsOutTheSecondOfEveryFourOfADigit() throws IOException {
        MyDrawingsStore store = new MyDrawingsStore(dir);
        for (int k = 0; k < 6; k++) teach(store, 7);
        teach(store, 1);
        List<MyDrawing> all = store.list();
        boolean[] expected = {false, true, false, false, false, true, false};
        for (int i = 0; i < all.size(); i++) assertEquals(expected[i], all.get(i).heldOut(), "drawing " + i);
        MyDrawingsDataset d = store.dataset();
        ImageSet train = d.part(Split.TRAIN);
        ImageSet test = d.part(Split.TEST);
        assertEquals(5, train.size());
        assertEquals(2, test.size());
        assertEquals(0, d.part(Split.VALIDATION).size());
        assertEquals(1, train.label(4));
        assertEquals(all.get(1), d.drawing(Split.TEST, test.sourceIndex(0)), "a test image names its drawing");
        float[] px = new float[784];
        test.copyNormalized(0, px, 0);
        byte[] image = all.get(1).image();
        for (int i = 0; i < 784; i++) assertEquals((image[i] & 0xFF) / 255f, px[i], "pixel " + i);
    }

    @Test
    void removingADrawingSurvivesARestart() throws IOException {
        MyDrawingsStore store = new MyDrawingsStore(dir);
        MyDrawing a = teach(store, 2);
        MyDrawing b = teach(store, 3);
        assertTrue(store.remove(a.id()));
        assertFalse(store.remove(a.id()), "gone already");
        assertEquals(List.of(b), new MyDrawingsStore(dir).list());
    }

    @Test
    void aLabelThatIsNotAClassOrAnEmptyDrawingIsRefusedAndLosesNothing() throws IOException {
        MyDrawingsStore store = new MyDrawingsStore(dir);
        teach(store, 5);
        byte[] before = Files.readAllBytes(store.file());
        Handwriting.Sample s = hand.draw(6);
        for (int label : new int[] {-1, 10, 42}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.add(label, s.image(), s.strokes()));
            assertEquals("label " + label + " is not a class; the classes are 0..9", e.getMessage());
        }
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> store.add(6, new float[784], List.of()));
        assertEquals("the drawing is empty: draw a digit before teaching it", empty.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> store.add(6, new float[100], List.of()));
        assertTrue(size.getMessage().contains("100 pixels"), size.getMessage());
        float[] bad = s.image().clone();
        bad[3] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> store.add(6, bad, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PenStroke(new float[] {0.5f, 1.5f}, 0.07f));
        assertArrayEquals(before, Files.readAllBytes(store.file()), "the store is as it was");
    }

    @Test
    void aDamagedStoreIsNamedAndNeverOverwritten() throws IOException {
        MyDrawingsStore store = new MyDrawingsStore(dir);
        teach(store, 8);
        String good = Files.readString(store.file());
        Handwriting.Sample s = hand.draw(9);
        List<String> damages = List.of(good.substring(0, good.length() / 2), "", "{\"format\": \"something else\"}",
                good.replace("\"label\":8", "\"label\":12"), good.replaceFirst("\"image\":\"[^\"]*\"", "\"image\":\"AAAA\""),
                good.replace("\"drawings\":[", "\"drawings\":[1,"));
        for (String damaged : damages) {
            Files.writeString(store.file(), damaged);
            IOException list = assertThrows(IOException.class, store::list, damaged);
            assertTrue(list.getMessage().startsWith(store.file() + ": My drawings file is damaged ("), list.getMessage());
            assertFalse(list.getMessage().contains("\n"), "one line");
            IOException add = assertThrows(IOException.class, () -> store.add(9, s.image(), s.strokes()));
            assertEquals(list.getMessage(), add.getMessage());
            assertThrows(IOException.class, () -> store.remove("x"));
            assertEquals(damaged, Files.readString(store.file()), "a damaged store is left as it is, not overwritten");
        }
    }

    @Test
    void aSaveThatFailsMidwayKeepsThePreviousStore() throws IOException {
        MyDrawingsStore store = new MyDrawingsStore(dir);
        teach(store, 1);
        byte[] before = Files.readAllBytes(store.file());
        AtomicFiles.faultInjector = target -> {
            throw new IOException("No space left on device");
        };
        try {
            IOException e = assertThrows(IOException.class, () -> teach(store, 2));
            assertTrue(e.getMessage().contains(MyDrawingsStore.FILE), e.getMessage());
        } finally {
            AtomicFiles.faultInjector = null;
        }
        assertArrayEquals(before, Files.readAllBytes(store.file()));
        assertEquals(1, store.list().size());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file is left");
    }
}
